package dev.prompt4j.examples.pipelines;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Multi-step customer-feedback analysis (seed 002): issues, then a sentiment per issue, then a response. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface FeedbackAnalyst {

  enum Sentiment { POSITIVE, NEGATIVE, NEUTRAL }

  record Issues(@Size(min = 1, max = 8) List<@NotBlank String> issues) {}

  record IssueSentiment(@NotBlank String issue, @NotNull Sentiment sentiment) {}

  record Sentiments(@Size(min = 1) List<@Valid IssueSentiment> sentiments) {}

  @Prompt("""
      Extract the main issues from this customer feedback, one short phrase each:

      {feedback}
      """)
  Issues extractIssues(String feedback);

  @Prompt("""
      For each issue below, classify the sentiment (POSITIVE, NEGATIVE or NEUTRAL).
      Keep each issue's text exactly as given.

      {issues:list}
      """)
  Sentiments classifySentiments(List<String> issues);

  @Prompt("""
      Original feedback: {feedback}

      Issues and sentiments:
      {sentiments:list}

      Write a professional response that:
      1. Acknowledges each issue
      2. Addresses negative points with solutions
      3. Thanks for positive feedback
      4. Keeps a helpful, empathetic tone
      """)
  String writeResponse(String feedback, List<String> sentiments);
}
