package dev.prompt4j.examples.pipelines;

import dev.prompt4j.OutputException;
import dev.prompt4j.Response;
import dev.prompt4j.examples.Env;
import dev.prompt4j.examples.Example;
import dev.prompt4j.examples.Traced;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The chains of seed 002, "Prompt Chaining & Workflows". */
public final class PipelinesExamples {
  /** The offline script of these examples. */
  public static final String SCRIPT = "offline/pipelines.json";

  static final String SYNC_ERROR = "The desktop app keeps failing to sync since this morning, it shows error E-1042 when I press Sync.";
  static final String PRINTER_ERROR = "Exporting a report crashes the app with error X-77 every time I choose PDF.";
  static final String BILLING_QUESTION = "I was charged twice for my subscription this month.";
  static final String DISK_ERROR = "The backup service stopped with error E-2001 last night.";
  static final String GIBBERISH = "Blorp the flux capacitor?";

  private PipelinesExamples() {}

  public static List<Example> all() {
    return List.of(
        new Example("002", "Conditional support flow: classify, then solve from the knowledge base or escalate", SCRIPT, PipelinesExamples::supportFlow),
        new Example("002", "Monitoring: per-step duration, status and a report built from the trace", SCRIPT, PipelinesExamples::monitoring));
  }

  /** Three requests: a known error, an unknown one (escalated), a billing question. */
  public static List<SupportFlow.Outcome> supportFlow(Env env) {
    SupportFlow flow = new SupportFlow(env.create(SupportDesk.class));
    return List.of(flow.handle(SYNC_ERROR), flow.handle(PRINTER_ERROR), flow.handle(BILLING_QUESTION));
  }

  /**
   * Two monitored runs.
   *
   * @param reports one report per run
   * @param runs the monitors, with every step record
   */
  public record Monitored(List<String> reports, List<ChainMonitor> runs) implements Traced {
    @Override
    public List<Response<?>> calls() {
      List<Response<?>> calls = new ArrayList<>();
      runs.forEach(run -> calls.addAll(run.calls()));
      return calls;
    }

    @Override
    public String toString() {
      return String.join("\n\n", reports);
    }
  }

  /**
   * The technical branch of the support flow, step by step under a {@link ChainMonitor}; then a run
   * whose first step fails (the model never names a category, even when re-asked), to show a failed
   * step in the report.
   */
  public static Monitored monitoring(Env env) {
    SupportDesk desk = env.create(SupportDesk.class);

    ChainMonitor ok = new ChainMonitor();
    ok.step("classify", () -> desk.classify(DISK_ERROR));
    String details = ok.step("extract_error_details", () -> desk.extractErrorDetails(DISK_ERROR));
    Optional<String> article = ok.step("search_knowledge_base", () -> SupportFlow.searchKnowledgeBase(details));
    ok.step("format_solution", () -> desk.formatSolution(DISK_ERROR, article.orElseThrow()));

    ChainMonitor failing = new ChainMonitor();
    try {
      failing.step("classify", () -> desk.classify(GIBBERISH));
    } catch (OutputException expected) {
      // recorded by the monitor; a real service would answer with a fallback here
    }
    return new Monitored(List.of("Run 1: " + ok.report(), "Run 2: " + failing.report()), List.of(ok, failing));
  }
}
