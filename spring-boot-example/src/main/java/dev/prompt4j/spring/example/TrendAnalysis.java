package dev.prompt4j.spring.example;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.PromptStream;
import dev.prompt4j.Response;

/**
 * The conditional chain of seed 000: classify the trend (an enum answer, parsed and checked), choose
 * the kind of analysis in plain Java, then ask for it ({@link #analyzeTrend} answers at once, {@link
 * #streamAnalysis} streams the analysis once the classification is done). A bean of the application, injected like any
 * other; no scanning and no annotation beyond Prompt4j's own.
 */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface TrendAnalysis {

  enum TrendCategory { EMERGING, DECLINING }

  /** The analysis prompt, answered at once or streamed. */
  String ANALYSIS = """
      SYSTEM:
      Your task is to analyze a B2B market trend.
      The trend has been identified as {trendCategory}.

      USER:
      Provide a {trendAnalysisType} for the following trend: {trendDescription}
      """;

  @Prompt("""
      Does the following market trend appear to be emerging or declining? {trendDescription}
      Answer EMERGING or DECLINING.
      """)
  TrendCategory classifyTrend(String trendDescription);

  @Prompt(ANALYSIS)
  Response<String> analyzeTrend(String trendDescription);

  @Prompt(ANALYSIS)
  PromptStream<String> streamAnalysis(String trendDescription);

  @ComputedField
  default TrendCategory trendCategory(String trendDescription) {
    return classifyTrend(trendDescription);
  }

  @ComputedField
  default String trendAnalysisType(TrendCategory trendCategory) {
    return switch (trendCategory) {
      case EMERGING -> "growth opportunity analysis";
      case DECLINING -> "risk mitigation strategy";
    };
  }
}
