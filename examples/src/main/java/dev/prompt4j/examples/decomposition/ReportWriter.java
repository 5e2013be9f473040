package dev.prompt4j.examples.decomposition;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;

/**
 * Parallel groups, then a summary step (seed 003): the three analyses only need the industry, so
 * they form the first group and run at the same time; the executive summary needs all three.
 */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface ReportWriter {

  @Prompt("Write a three-sentence market analysis of the {industry} industry: size, growth, main demand drivers.")
  String marketAnalysis(String industry);

  @Prompt("Write a three-sentence financial analysis of the {industry} industry: margins, capital needs, main cost risks.")
  String financialAnalysis(String industry);

  @Prompt("Write a three-sentence competitive analysis of the {industry} industry: leaders, challengers, barriers to entry.")
  String competitiveAnalysis(String industry);

  @Prompt("""
      SYSTEM:
      You write executive summaries for a board: four sentences, no bullet points.

      USER:
      Summarize these analyses of the {industry} industry.

      Market: {market}

      Financial: {financial}

      Competition: {competition}
      """)
  Response<String> executiveSummary(String industry);

  @ComputedField
  default String market(String industry) {
    return marketAnalysis(industry);
  }

  @ComputedField
  default String financial(String industry) {
    return financialAnalysis(industry);
  }

  @ComputedField
  default String competition(String industry) {
    return competitiveAnalysis(industry);
  }
}
