package dev.prompt4j.examples.chaining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Response;
import dev.prompt4j.examples.Env;
import dev.prompt4j.test.Prompt4jTest;
import dev.prompt4j.test.PromptCall;
import dev.prompt4j.test.PromptCalls;
import dev.prompt4j.test.PromptTestKit;
import dev.prompt4j.examples.TracePrinter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Prompt4jTest(script = ChainingExamples.SCRIPT, latencyMillis = 40)
class ChainingExamplesTest {
  private Env env;
  private PromptCalls calls;

  @BeforeEach
  void onTheKitsRuntime(PromptTestKit kit) {
    env = Env.on(kit.runtime());
    calls = kit.calls();
  }

  private List<String> methods() {
    return calls.all().stream().map(PromptCall::method).toList();
  }

  @Test
  void sequentialAsksForTheExpertFirstAndSpeaksAsThem() {
    Response<String> trend = ChainingExamples.sequential(env);

    assertTrue(trend.value().startsWith("Speaking as Andrew Ng"), trend.value());
    assertEquals(List.of("TrendInsights.selectExpert", "TrendInsights.identifyTrend"), methods());
    assertEquals("Imagine that you are Andrew Ng, a renowned expert in AI.\nProvide insights on a key AI trend related to automation.",
        calls.of("TrendInsights.identifyTrend").get(0).userText());
    assertEquals("expert", trend.calls().get(0).field());
    assertEquals("openai", trend.provider(), "as annotated: the kit stands in front of the provider's client");
    assertEquals(PromptCall.AnsweredBy.SCRIPT, calls.last().answeredBy());
  }

  @Test
  void parallelRunsLeaderAndTrendsAtTheSameTimeThenTheStrategy() {
    Response<String> strategy = ChainingExamples.parallel(env);

    assertTrue(strategy.value().startsWith("Build embedded finance"), strategy.value());
    assertEquals(3, calls.all().size());
    assertEquals("StrategyAdvisor.recommendStrategy", methods().get(2));
    assertEquals(2, strategy.calls().size());
    Response<?> first = strategy.calls().get(0);
    Response<?> second = strategy.calls().get(1);
    calls.assertOverlapped("StrategyAdvisor.identifyBusinessLeader", "StrategyAdvisor.identifyB2bTrends")
        .assertNotOverlapped("StrategyAdvisor.identifyB2bTrends", "StrategyAdvisor.recommendStrategy");
    assertTrue(TracePrinter.overlaps(first, second),
        "the two first calls overlapped: " + first.startedAt() + "+" + first.latency() + " vs " + second.startedAt() + "+" + second.latency());
    PromptCall last = calls.of("StrategyAdvisor.recommendStrategy").get(0);
    assertEquals("Your task is to recommend a strategic business move. Pretend that you are Patrick Collison.", last.systemText());
    assertTrue(last.userText().contains("- Real-time cross-border B2B payments"), last.userText());
  }

  @Test
  void conditionalTakesTheGrowthBranchForAnEmergingTrendAndTheRiskBranchOtherwise() {
    List<Response<String>> analyses = ChainingExamples.conditional(env);

    assertEquals(List.of("TrendAnalysis.classifyTrend", "TrendAnalysis.analyzeTrend", "TrendAnalysis.classifyTrend", "TrendAnalysis.analyzeTrend"),
        methods());
    assertEquals(TrendAnalysis.TrendCategory.EMERGING, analyses.get(0).calls().get(0).value());
    assertEquals(TrendAnalysis.TrendCategory.DECLINING, analyses.get(1).calls().get(0).value());
    List<PromptCall> analyze = calls.of("TrendAnalysis.analyzeTrend");
    assertTrue(analyze.get(0).systemText().endsWith("The trend has been identified as EMERGING."));
    assertTrue(analyze.get(0).userText().startsWith("Provide a growth opportunity analysis for the following trend: More enterprises"));
    assertTrue(analyze.get(1).userText().startsWith("Provide a risk mitigation strategy for the following trend: Traditional on-premise"));
    assertTrue(analyses.get(1).value().startsWith("Demand for on-premise software is declining"));
  }

  @Test
  void movieExplanationNestsTheRecommendationInItsJsonTrace(PromptTestKit kit) {
    Response<String> explanation = ChainingExamples.movie(env);

    kit.assertTraceSnapshot(explanation, "chaining/movie");
    assertTrue(explanation.value().startsWith("\"Inception\" is popular"));
    assertEquals(List.of("MovieCritic.recommendMovie", "MovieCritic.explainMovie"), methods());
    assertEquals("Explain why \"Inception\" in the science fiction genre is popular.", calls.all().get(1).userText());
    String json = explanation.toJson();
    assertTrue(json.contains("\"method\" : \"MovieCritic.recommendMovie\""), json);
    assertTrue(json.contains("\"field\" : \"movieTitle\""), json);
    assertTrue(json.contains("\"rawText\" : \"Inception\""), json);
  }

  @Test
  void overrideChangesProviderModelAndTemperatureOfANewInstanceOnly() {
    List<Response<String>> both = ChainingExamples.override(env);

    assertEquals("gpt-4o-mini", both.get(0).model());
    assertEquals(null, both.get(0).parameters().temperature());
    assertEquals("anthropic", both.get(1).provider());
    assertEquals("claude-3-5-sonnet-20240620", both.get(1).model());
    assertEquals(0.7, both.get(1).parameters().temperature());
    assertEquals("gpt-4o-mini", calls.all().get(0).parameters().modelName(), "the request names the model as the provider sends it");
    assertEquals("claude-3-5-sonnet-20240620", calls.all().get(1).parameters().modelName());
    assertEquals(0.7, calls.all().get(1).parameters().temperature());
    assertEquals("Recommend a fantasy book. Give the title and the author, then one sentence on why.", calls.all().get(1).userText());
  }
}
