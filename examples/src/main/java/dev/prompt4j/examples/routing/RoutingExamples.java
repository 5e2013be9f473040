package dev.prompt4j.examples.routing;

import dev.prompt4j.examples.Env;
import dev.prompt4j.examples.Example;
import java.util.List;

/** The chains of seed 004, "Stop Babysitting Your LLM": FAQ generation, intent routing, orchestrator-worker. */
public final class RoutingExamples {
  /** The offline script of these examples. */
  public static final String SCRIPT = "offline/routing.json";

  static final List<String> QUERIES = List.of(
      "My internet connection is not working.",
      "I think there is a mistake on my last invoice.",
      "What are your opening hours?");

  private RoutingExamples() {}

  public static List<Example> all() {
    return List.of(
        new Example("004", "Intent routing: classify the intent, then answer with the matching prompt", SCRIPT, RoutingExamples::intentRouting));
  }

  /**
   * A query and its answer.
   *
   * @param query what the user asked
   * @param response the routed answer
   */
  public record Answered(String query, String response) {
    @Override
    public String toString() {
      return "Query: " + query + "\nResponse: " + response;
    }
  }

  public static List<Answered> intentRouting(Env env) {
    CustomerService service = env.create(CustomerService.class);
    return QUERIES.stream().map(q -> new Answered(q, service.handle(q))).toList();
  }
}
