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
        new Example("002", "Customer feedback: issues, then sentiment per issue (checked), then a response", SCRIPT, PipelinesExamples::feedback),
        new Example("002", "Code review: changes, then correctness, performance and security in parallel, then a summary", SCRIPT,
            PipelinesExamples::codeReview),
        new Example("002", "Conditional support flow: classify, then solve from the knowledge base or escalate", SCRIPT, PipelinesExamples::supportFlow),
        new Example("002", "Monitoring: per-step duration, status and a report built from the trace", SCRIPT, PipelinesExamples::monitoring));
  }

  static final String FEEDBACK = """
      I love the new dashboard, it's much faster. But the mobile app logs me out every day,
      and support took a week to answer my ticket about exports.""";

  /**
   * The analysis of one piece of feedback.
   *
   * @param issues the issues found
   * @param sentiments one sentiment per issue, checked against the issues
   * @param response the reply to the customer
   */
  public record FeedbackAnalysis(List<String> issues, List<FeedbackAnalyst.IssueSentiment> sentiments, String response) {
    @Override
    public String toString() {
      return sentiments.stream().map(s -> s.sentiment() + ": " + s.issue()).reduce((a, b) -> a + "\n" + b).orElse("") + "\n\n" + response;
    }
  }

  /**
   * Each step's answer is a validated record; between the steps, plain Java checks what no schema can:
   * that every extracted issue got exactly one sentiment. When not, the sentiments are asked once more.
   */
  public static FeedbackAnalysis feedback(Env env) {
    FeedbackAnalyst analyst = env.create(FeedbackAnalyst.class);
    List<String> issues = analyst.extractIssues(FEEDBACK).issues();
    List<FeedbackAnalyst.IssueSentiment> sentiments = analyst.classifySentiments(issues).sentiments();
    if (!coversEachIssueOnce(issues, sentiments)) {
      sentiments = analyst.classifySentiments(issues).sentiments();
      if (!coversEachIssueOnce(issues, sentiments)) {
        throw new IllegalStateException("sentiments " + sentiments + " do not match the issues " + issues);
      }
    }
    List<String> lines = sentiments.stream().map(s -> s.issue() + " | " + s.sentiment()).toList();
    return new FeedbackAnalysis(issues, sentiments, analyst.writeResponse(FEEDBACK, lines));
  }

  static boolean coversEachIssueOnce(List<String> issues, List<FeedbackAnalyst.IssueSentiment> sentiments) {
    return sentiments.size() == issues.size()
        && sentiments.stream().map(FeedbackAnalyst.IssueSentiment::issue).collect(java.util.stream.Collectors.toSet()).equals(java.util.Set.copyOf(issues));
  }

  static final String ORIGINAL_CODE = """
      def find_user(db, name):
          return db.query("SELECT * FROM users WHERE name = ?", name)
      """;

  static final String NEW_CODE = """
      def find_user(db, name, limit):
          users = db.query("SELECT * FROM users WHERE name = '" + name + "'")
          return [u for u in users][:limit]
      """;

  static final String DIFF = """
      --- a/users.py
      +++ b/users.py
      @@ def find_user
      -def find_user(db, name):
      -    return db.query("SELECT * FROM users WHERE name = ?", name)
      +def find_user(db, name, limit):
      +    users = db.query("SELECT * FROM users WHERE name = '" + name + "'")
      +    return [u for u in users][:limit]
      """;

  /** One call to {@code review}: four fields, three of them at once, then the summary. */
  public static Response<String> codeReview(Env env) {
    return env.create(CodeReviewer.class).review(DIFF, ORIGINAL_CODE, NEW_CODE);
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
