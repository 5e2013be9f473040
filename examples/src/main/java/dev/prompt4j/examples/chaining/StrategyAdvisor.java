package dev.prompt4j.examples.chaining;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;

/**
 * Parallel chain (seed 000): the business leader and the B2B trends do not depend on each other, so
 * Prompt4j computes both fields at the same time, then asks for the strategy. No {@code gather}, no
 * futures: independence is read from the fields' parameters at compile time.
 */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface StrategyAdvisor {

  @Prompt("""
      Please identify a business leader who is well known for pioneering advancements in {industry}.
      Respond only with the leader's name.
      """)
  String identifyBusinessLeader(String industry);

  @Prompt("""
      Given the industry {industry}, return a list of emerging B2B trends.
      Make sure to exclude general trends that apply to all industries, and respond only with the list.
      """)
  String identifyB2bTrends(String industry);

  @Prompt("""
      SYSTEM:
      Your task is to recommend a strategic business move. Pretend that you are {leader}.

      USER:
      Given the following emerging B2B trends in the {industry} industry:
      {trends}

      Recommend a key strategic move that businesses in this space should consider.
      """)
  Response<String> recommendStrategy(String industry);

  @ComputedField
  default String leader(String industry) {
    return identifyBusinessLeader(industry);
  }

  @ComputedField
  default String trends(String industry) {
    return identifyB2bTrends(industry);
  }
}
