package dev.prompt4j.examples.chaining;

import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import dev.prompt4j.examples.Env;
import dev.prompt4j.examples.Example;
import java.util.ArrayList;
import java.util.List;

/** The chains of seed 000, "LLM Chaining: Techniques and Best Practices". */
public final class ChainingExamples {
  /** The offline script of these examples. */
  public static final String SCRIPT = "offline/chaining.json";

  private ChainingExamples() {}

  public static List<Example> all() {
    List<Example> examples = new ArrayList<>(List.of(
        new Example("000", "Sequential chain: select an expert, then identify a trend", SCRIPT, ChainingExamples::sequential),
        new Example("000", "Parallel chain: business leader and B2B trends at once, then a strategy", SCRIPT, ChainingExamples::parallel),
        new Example("000", "Conditional chain: classify a trend, then a growth or risk analysis", SCRIPT, env -> conditional(env).stream()
            .map(r -> "USER: " + Env.lastUserText(r) + "\n-> " + r.value())
            .toList()),
        new Example("000", "Iterative chain: summarize, then critique and rewrite twice (a validated SummaryFeedback record)", SCRIPT,
            ChainingExamples::iterative),
        new Example("000", "Movie: recommend, then explain; the nested trace as JSON", SCRIPT, env -> {
          Response<String> explanation = movie(env);
          return explanation.value() + "\n\nTrace as JSON (" + explanation.calls().size() + " nested call):\n" + explanation.toJson();
        }),
        new Example("000", "Run-time override of provider, model and temperature", SCRIPT, env -> {
          List<Response<String>> both = override(env);
          return "as annotated  (" + both.get(0).provider() + "/" + both.get(0).model() + ", " + both.get(0).parameters() + "): " + both.get(0).value()
              + "\noverridden    (" + both.get(1).provider() + "/" + both.get(1).model() + ", " + both.get(1).parameters() + "): " + both.get(1).value();
        }),
        new Example("000", "Validated extraction: EventDetails from a sentence", SCRIPT, ChainingExamples::extractEvent)));
    return examples;
  }

  /** {@code identifyTrend} needs the field {@code expert}, which asks {@code selectExpert} first. */
  public static Response<String> sequential(Env env) {
    TrendInsights insights = env.create(TrendInsights.class);
    return insights.identifyTrend("AI", "automation");
  }

  /** Both fields of {@code recommendStrategy} are independent: they run in parallel. */
  public static Response<String> parallel(Env env) {
    StrategyAdvisor advisor = env.create(StrategyAdvisor.class);
    return advisor.recommendStrategy("fintech");
  }

  /** One emerging and one declining trend: two branches of the same chain. */
  public static List<Response<String>> conditional(Env env) {
    TrendAnalysis analysis = env.create(TrendAnalysis.class);
    return List.of(
        analysis.analyzeTrend("More enterprises are adopting AI-driven automation for workflow optimization."),
        analysis.analyzeTrend("Traditional on-premise software solutions are being replaced by cloud-based SaaS offerings."));
  }

  static final String B2B_TEXT = """
      As digital transformation accelerates, B2B companies are increasingly leveraging AI-driven analytics, automation, and
      personalization to enhance decision-making and customer engagement. Supply chain resilience has emerged as a top priority,
      with firms investing in predictive analytics and decentralized networks to mitigate disruptions. Additionally, the rise of
      account-based marketing (ABM) and data-driven sales strategies is reshaping how businesses approach lead generation and
      relationship management. Sustainability and ESG initiatives are also becoming central to corporate strategies, driven by
      regulatory pressures and customer expectations.""";

  /** A summary, then two rounds of critique and rewrite; each feedback is a validated record. */
  public static String iterative(Env env) {
    return env.create(Summarizer.class).rewriteIteratively(B2B_TEXT, 2);
  }

  public static EventExtractor.EventDetails extractEvent(Env env) {
    return env.create(EventExtractor.class).extractEvent("The concert is on Saturday at Madison Square Garden.");
  }

  /** The explanation's response holds the recommendation call: {@code toJson()} dumps both. */
  public static Response<String> movie(Env env) {
    MovieCritic critic = env.create(MovieCritic.class);
    return critic.explainMovie("science fiction");
  }

  /**
   * The same method as annotated, then overridden at run time: another provider and model, a
   * temperature. The original instance is unchanged. Live, the override goes to Anthropic when
   * {@code ANTHROPIC_API_KEY} is set and to OpenAI's {@code gpt-4o} otherwise.
   */
  public static List<Response<String>> override(Env env) {
    BookRecommender books = env.create(BookRecommender.class);
    boolean anthropic = env.isOffline() || System.getenv("ANTHROPIC_API_KEY") != null;
    BookRecommender tuned = Prompt4j.override(books)
        .provider(anthropic ? "anthropic" : "openai")
        .model(anthropic ? "claude-3-5-sonnet-20240620" : "gpt-4o")
        .temperature(0.7)
        .build();
    return List.of(books.recommendBook("fantasy"), tuned.recommendBook("fantasy"));
  }
}
