package dev.prompt4j.examples.streaming;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.PromptStream;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import java.util.List;

/**
 * Seed 000's conditional chain with its final answer streamed: the trend is classified and the kind
 * of analysis chosen (computed fields, resolved before the stream starts), then the analysis arrives
 * chunk by chunk. {@link #brief} streams a typed answer: partials as it fills in, then the validated
 * record.
 */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface StreamedTrendAnalysis {

  enum TrendCategory { EMERGING, DECLINING }

  /** A short, structured take on a trend. */
  record TrendBrief(String headline, @NotEmpty List<String> actions, @Min(1) int horizonYears) {}

  @Prompt("""
      Does the following market trend appear to be emerging or declining? {trendDescription}
      Answer EMERGING or DECLINING.
      """)
  TrendCategory classifyTrend(String trendDescription);

  @Prompt("""
      SYSTEM:
      Your task is to analyze a B2B market trend.
      The trend has been identified as {trendCategory}.

      USER:
      Provide a {trendAnalysisType} for the following trend: {trendDescription}
      """)
  PromptStream<String> analyzeTrend(String trendDescription);

  @Prompt("""
      The trend below is {trendCategory}. Give a headline, three actions and a horizon in years.
      Trend: {trendDescription}
      """)
  PromptStream<TrendBrief> brief(String trendDescription);

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
