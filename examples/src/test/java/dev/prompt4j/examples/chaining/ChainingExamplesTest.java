package dev.prompt4j.examples.chaining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Response;
import dev.prompt4j.examples.Env;
import dev.prompt4j.examples.TracePrinter;
import dev.prompt4j.provider.OfflineModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChainingExamplesTest {
  private final Env env = Env.offline(ChainingExamples.SCRIPT);

  private List<String> methods() {
    return env.requests().stream().map(OfflineModel.Request::method).toList();
  }

  @Test
  void sequentialAsksForTheExpertFirstAndSpeaksAsThem() {
    Response<String> trend = ChainingExamples.sequential(env);

    assertTrue(trend.value().startsWith("Speaking as Andrew Ng"), trend.value());
    assertEquals(List.of("TrendInsights.selectExpert", "TrendInsights.identifyTrend"), methods());
    assertEquals("Imagine that you are Andrew Ng, a renowned expert in AI.\nProvide insights on a key AI trend related to automation.",
        env.requests("TrendInsights.identifyTrend").get(0).userText());
    assertEquals("expert", trend.calls().get(0).field());
    assertEquals("offline", trend.provider());
  }

  @Test
  void parallelRunsLeaderAndTrendsAtTheSameTimeThenTheStrategy() {
    Response<String> strategy = ChainingExamples.parallel(env);

    assertTrue(strategy.value().startsWith("Build embedded finance"), strategy.value());
    assertEquals(3, env.requests().size());
    assertEquals("StrategyAdvisor.recommendStrategy", methods().get(2));
    assertEquals(2, strategy.calls().size());
    Response<?> first = strategy.calls().get(0);
    Response<?> second = strategy.calls().get(1);
    assertTrue(TracePrinter.overlaps(first, second),
        "the two first calls overlapped: " + first.startedAt() + "+" + first.latency() + " vs " + second.startedAt() + "+" + second.latency());
    OfflineModel.Request last = env.requests("StrategyAdvisor.recommendStrategy").get(0);
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
    List<OfflineModel.Request> analyze = env.requests("TrendAnalysis.analyzeTrend");
    assertTrue(analyze.get(0).systemText().endsWith("The trend has been identified as EMERGING."));
    assertTrue(analyze.get(0).userText().startsWith("Provide a growth opportunity analysis for the following trend: More enterprises"));
    assertTrue(analyze.get(1).userText().startsWith("Provide a risk mitigation strategy for the following trend: Traditional on-premise"));
    assertTrue(analyses.get(1).value().startsWith("Demand for on-premise software is declining"));
  }

  @Test
  void movieExplanationNestsTheRecommendationInItsJsonTrace() {
    Response<String> explanation = ChainingExamples.movie(env);

    assertTrue(explanation.value().startsWith("\"Inception\" is popular"));
    assertEquals(List.of("MovieCritic.recommendMovie", "MovieCritic.explainMovie"), methods());
    assertEquals("Explain why \"Inception\" in the science fiction genre is popular.", env.requests().get(1).userText());
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
    assertEquals(null, env.requests().get(0).parameters().modelName(), "the scripted client is not sent the annotation's model");
    assertEquals("claude-3-5-sonnet-20240620", env.requests().get(1).parameters().modelName());
    assertEquals(0.7, env.requests().get(1).parameters().temperature());
    assertEquals("Recommend a fantasy book. Give the title and the author, then one sentence on why.", env.requests().get(1).userText());
  }
}
