package dev.prompt4j.examples.orchestration;

import dev.prompt4j.examples.Env;
import dev.prompt4j.examples.Example;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The chains of seed 001, "Prompt orchestration": routing, orchestration, validated extraction. */
public final class OrchestrationExamples {
  /** The offline script of these examples. */
  public static final String SCRIPT = "offline/orchestration.json";

  /** A stand-in for a web search: a few pages, looked up by keyword. */
  static final Map<String, String> WEB = Map.of(
      "heat pump", "Heat pumps move heat instead of burning fuel; a typical air-source unit delivers 3 to 4 kWh of heat per kWh of electricity.",
      "heat pumps", "In 2023 heat pump sales fell in several European markets after record growth in 2022, as gas prices eased.",
      "cold climate", "Modern cold-climate heat pumps keep working down to about -25 C, with lower efficiency at the coldest temperatures.");

  private OrchestrationExamples() {}

  public static List<Example> all() {
    return List.of(
        new Example("001", "Validated extraction: a Book record", SCRIPT, OrchestrationExamples::extractBook),
        new Example("001", "Dynamic routing: a model picks summarize, translate or web search", SCRIPT, OrchestrationExamples::routing),
        new Example("001", "Centralized orchestration: a planner, its executors, and a final answer", SCRIPT, OrchestrationExamples::orchestrate));
  }

  public static BookExtractor.Book extractBook(Env env) {
    return env.create(BookExtractor.class).extractBook("Pride and Prejudice by Jane Austen");
  }

  /**
   * What the orchestrator did.
   *
   * @param plan the planner's validated plan
   * @param stepResults the result of each step, in order
   * @param answer the combined answer
   */
  public record Orchestrated(ResearchPlanner.ResearchPlan plan, List<String> stepResults, String answer) {
    @Override
    public String toString() {
      return "Plan:\n" + plan.steps().stream().map(s -> "  " + s.executor() + ": " + s.instruction()).reduce((a, b) -> a + "\n" + b).orElse("")
          + "\n\n" + String.join("\n", stepResults) + "\n\nAnswer: " + answer;
    }
  }

  /**
   * The planner plans; this method is the orchestrator: it runs each step on its executor, keeps the
   * material found so far, repairs an empty search by searching the instruction itself, and has the
   * results combined.
   */
  public static Orchestrated orchestrate(Env env) {
    ResearchPlanner planner = env.create(ResearchPlanner.class);
    String task = "How well do heat pumps work in cold climates, and are sales still growing?";
    ResearchPlanner.ResearchPlan plan = planner.plan(task);
    List<String> material = new ArrayList<>();
    List<String> results = new ArrayList<>();
    int n = 0;
    for (ResearchPlanner.PlanStep step : plan.steps()) {
      n++;
      String result = switch (step.executor()) {
        case SEARCH -> {
          String query = planner.searchQuery(step.instruction());
          List<String> hits = search(query);
          if (hits.isEmpty()) {
            hits = search(step.instruction()); // the orchestrator fixes an empty search
          }
          material.addAll(hits);
          yield "searched \"" + query + "\": " + hits.size() + " page(s)";
        }
        case SUMMARIZE -> planner.summarize(step.instruction(), material);
        case EXTRACT_FACTS -> planner.extractFacts(step.instruction(), material);
      };
      results.add(n + ". " + step.executor() + ": " + result);
    }
    return new Orchestrated(plan, results, planner.combine(task, results));
  }

  /** What a routed request became. */
  public record Routed(String request, Assistant.Route route, String answer) {
    @Override
    public String toString() {
      return request + "\n-> " + route + ": " + answer;
    }
  }

  /** Three requests, three paths: the model decides, a switch follows. */
  public static List<Routed> routing(Env env) {
    Assistant assistant = env.create(Assistant.class);
    List<Routed> results = new ArrayList<>();
    for (String request : List.of(
        "Summarize: Solar panels convert sunlight into electricity. Homeowners who install them lower their bills and can sell excess power back to the grid, although installation is expensive.",
        "Translate into French: The meeting is moved to Thursday morning.",
        "Do heat pumps still work in a cold climate?")) {
      Assistant.Route route = assistant.route(request);
      String answer = switch (route) {
        case SUMMARIZE -> assistant.summarize(request);
        case TRANSLATE -> assistant.translate(request);
        case WEB_SEARCH -> assistant.answerFromResults(request, search(request));
      };
      results.add(new Routed(request, route, answer));
    }
    return results;
  }

  /** The pages whose keyword occurs in {@code query}, numbered. */
  static List<String> search(String query) {
    String q = query.toLowerCase(Locale.ROOT);
    List<String> hits = new ArrayList<>();
    WEB.entrySet().stream().sorted(Map.Entry.comparingByKey())
        .filter(e -> q.contains(e.getKey()))
        .forEach(e -> hits.add("[" + (hits.size() + 1) + "] " + e.getValue()));
    return hits;
  }
}
