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
        new Example("004", "FAQ: exactly ten questions, answers from the sources only, cited titles checked", SCRIPT, RoutingExamples::faq),
        new Example("004", "Intent routing: classify the intent, then answer with the matching prompt", SCRIPT, RoutingExamples::intentRouting),
        new Example("004", "Orchestrator-worker: typed tasks, concurrent workers, one synthesized reply", SCRIPT, RoutingExamples::orchestratorWorker));
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

  /** A source page: a title and its text. */
  public record Page(String title, String content) {}

  static final List<Page> PAGES = List.of(
      new Page("The Benefits of Solar Energy", """
          Solar energy is a renewable powerhouse, offering numerous environmental and economic benefits. By converting sunlight
          into electricity through photovoltaic (PV) panels, it reduces reliance on fossil fuels, thereby cutting down greenhouse
          gas emissions. Homeowners who install solar panels can significantly lower their monthly electricity bills, and in some
          cases, sell excess power back to the grid. While the initial installation cost can be high, government incentives and
          long-term savings make it a financially viable option for many. Solar power is also a key component in achieving energy
          independence for nations worldwide."""),
      new Page("Understanding Wind Turbines", """
          Wind turbines are towering structures that capture kinetic energy from the wind and convert it into electrical power.
          They are a critical part of the global shift towards sustainable energy. Turbines can be installed both onshore and
          offshore, with offshore wind farms generally producing more consistent power due to stronger, more reliable winds. The
          main challenge for wind energy is its intermittency: it only generates power when the wind blows. This necessitates the
          use of energy storage solutions, like large-scale batteries, to ensure a steady supply of electricity."""),
      new Page("Energy Storage Solutions", """
          Effective energy storage is the key to unlocking the full potential of renewable sources like solar and wind. Because
          these sources are intermittent, storing excess energy when it's plentiful and releasing it when it's needed is crucial
          for a stable power grid. The most common form of large-scale storage is pumped-hydro storage, but battery technologies,
          particularly lithium-ion, are rapidly becoming more affordable and widespread. These batteries can be used in homes,
          businesses, and at the utility scale to balance energy supply and demand, making our energy system more resilient and
          reliable."""));

  /**
   * One FAQ entry.
   *
   * @param question the question
   * @param answer the answer, from the sources only
   * @param sources the cited titles that are real source titles
   * @param rejected cited titles that match no source (dropped)
   */
  public record Faq(String question, String answer, List<String> sources, List<String> rejected) {
    @Override
    public String toString() {
      return "Q: " + question + "\nA: " + answer + "\n   sources: " + sources + (rejected.isEmpty() ? "" : "  (rejected, not a source: " + rejected + ")");
    }
  }

  /**
   * Three focused steps instead of one big prompt: ten questions (the {@code @Size} constraint makes
   * a list of nine a validation error, re-asked), then per question an answer and its sources; the
   * cited titles are checked against the real ones in Java.
   */
  public static List<Faq> faq(Env env) {
    FaqWriter writer = env.create(FaqWriter.class);
    String content = PAGES.stream().map(p -> "Source Title: " + p.title() + "\nContent: " + p.content()).collect(java.util.stream.Collectors.joining("\n\n"));
    java.util.Set<String> titles = PAGES.stream().map(Page::title).collect(java.util.stream.Collectors.toSet());
    List<Faq> faqs = new java.util.ArrayList<>();
    for (String question : writer.generateQuestions(content).questions()) {
      String answer = writer.answerQuestion(question, content);
      List<String> cited = writer.findSources(question, answer, content).sources();
      faqs.add(new Faq(question, answer, cited.stream().filter(titles::contains).toList(), cited.stream().filter(t -> !titles.contains(t)).toList()));
    }
    return faqs;
  }

  static final String COMPLEX_QUERY = """
      Hi, I'm writing to you because I have a question about invoice #INV-7890. It seems higher than I expected.
      Also, I would like to return the 'SuperWidget 5000' I bought because it's not compatible with my system.
      Finally, can you give me an update on my order #A-12345?""";

  /**
   * What the workers and the synthesizer produced.
   *
   * @param tasks the orchestrator's tasks
   * @param workerResults one result per task, in task order
   * @param reply the synthesized email
   */
  public record Orchestrated(List<SupportOrchestrator.Task> tasks, List<String> workerResults, String reply) {
    @Override
    public String toString() {
      return "Tasks: " + tasks + "\n\nWorkers:\n" + String.join("\n", workerResults) + "\n\n" + reply;
    }
  }

  /**
   * Deconstruct, delegate, synthesize. The orchestrator's answer is typed: a list of the records of a
   * sealed interface, each named in the JSON by its {@code type}. The workers run concurrently: the billing
   * worker's model call is a {@code CompletableFuture} method, the others are plain Java on the
   * common pool.
   */
  public static Orchestrated orchestratorWorker(Env env) {
    SupportOrchestrator orchestrator = env.create(SupportOrchestrator.class);
    List<SupportOrchestrator.Task> tasks = orchestrator.orchestrate(COMPLEX_QUERY).tasks();
    List<java.util.concurrent.CompletableFuture<String>> workers = tasks.stream().map(task -> dispatch(orchestrator, task)).toList();
    List<String> results = workers.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    return new Orchestrated(tasks, results, orchestrator.synthesize(results));
  }

  /** The worker of each kind of task (on Java 21 this is a pattern switch with no default). */
  private static java.util.concurrent.CompletableFuture<String> dispatch(SupportOrchestrator orchestrator, SupportOrchestrator.Task task) {
    if (task instanceof SupportOrchestrator.BillingInquiry billing) {
      return orchestrator.extractBillingConcern(billing.invoiceNumber(), COMPLEX_QUERY)
          .thenApply(concern -> "Regarding your Billing Inquiry:\n  - Invoice Number: " + billing.invoiceNumber() + "\n  - Your Stated Concern: \"" + concern.strip()
              + "\"\n  - Our Action: An investigation (Case ID: INV_CASE_" + caseNumber(billing.invoiceNumber(), 9000, 1000)
              + ") has been opened regarding your concern.\n  - Expected Resolution: We will get back to you within 2 business days.");
    }
    if (task instanceof SupportOrchestrator.ProductReturn ret) {
      return java.util.concurrent.CompletableFuture.supplyAsync(() -> {
        String rma = "RMA-" + caseNumber(ret.productName(), 90000, 10000);
        return "Regarding your Product Return:\n  - Product: " + ret.productName() + "\n  - Reason for Return: \"" + ret.reasonForReturn()
            + "\"\n  - Return Authorization (RMA): " + rma + "\n  - Instructions: Please pack the '" + ret.productName() + "' securely. Write the RMA number ("
            + rma + ") clearly on the outside of the package. Ship to: Returns Department, 123 Automation Lane, Tech City, TC 98765.";
      });
    }
    if (task instanceof SupportOrchestrator.StatusUpdate status) {
      return java.util.concurrent.CompletableFuture.supplyAsync(() ->
          "Regarding your Status Update:\n  - Order ID: " + status.orderId() + "\n  - Current Status: Shipped\n  - Carrier: SuperFast Shipping\n  - Tracking Number: SF"
              + caseNumber(status.orderId(), 900000, 100000) + "\n  - Delivery Estimate: Tomorrow");
    }
    throw new IllegalArgumentException("no worker for " + task);
  }

  /** A stable stand-in for a case number a back-end system would assign. */
  static int caseNumber(String key, int range, int offset) {
    return Math.floorMod(key.hashCode(), range) + offset;
  }

  public static List<Answered> intentRouting(Env env) {
    CustomerService service = env.create(CustomerService.class);
    return QUERIES.stream().map(q -> new Answered(q, service.handle(q))).toList();
  }
}
