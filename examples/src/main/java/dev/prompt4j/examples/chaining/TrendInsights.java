package dev.prompt4j.examples.chaining;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;

/** Sequential chain (seed 000): name an expert for an industry, then speak as that expert. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface TrendInsights {

  @Prompt("Name an expert known for insights on {industry} trends. Respond only with the name.")
  String selectExpert(String industry);

  @Prompt("""
      Imagine that you are {expert}, a renowned expert in {industry}.
      Provide insights on a key {industry} trend related to {topic}.
      """)
  Response<String> identifyTrend(String industry, String topic);

  /** The first link of the chain: runs before {@code identifyTrend}'s template is rendered. */
  @ComputedField
  default String expert(String industry) {
    return selectExpert(industry);
  }
}
