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
        new Example("001", "Dynamic routing: a model picks summarize, translate or web search", SCRIPT, OrchestrationExamples::routing));
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
