package com.acme;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;

@Call(provider = "openai", model = "gpt-4o-mini")
public interface TrendAnalysis {
  enum TrendCategory { EMERGING, DECLINING }

  @Prompt("Does the following market trend appear to be emerging or declining? {trendDescription}")
  TrendCategory classifyTrend(String trendDescription);

  @Prompt("""
      SYSTEM:
      Your task is to analyze a B2B market trend.
      The trend has been identified as {trendCategory}.

      USER:
      Provide a {trendAnalysisType} for the following trend: {trendDescription}
      """)
  Response<String> analyzeTrend(String trendDescription);

  @ComputedField
  default TrendCategory trendCategory(String trendDescription) {
    return classifyTrend(trendDescription);
  }

  @ComputedField
  default String trendAnalysisType(TrendCategory trendCategory) {
    return trendCategory == TrendCategory.EMERGING ? "growth opportunity analysis" : "risk mitigation strategy";
  }
}
