package dev.prompt4j.examples.chaining;

import dev.prompt4j.Call;
import dev.prompt4j.Description;
import dev.prompt4j.Prompt;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;

/** Iterative chain (seed 000): summarize, then critique and rewrite the summary N times. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface Summarizer {

  /** Feedback on a summary: a critique, and a rewrite that takes it into account. */
  @Description("Feedback on a summary with a critique and a rewritten summary based on that critique.")
  record SummaryFeedback(
      @Description("The critique of the summary.") @NotBlank String critique,
      @Description("A rewritten summary that takes the critique into account; one sentence.")
      @NotBlank @Pattern(regexp = "[^.!?]*[.!?]?", message = "must be a single sentence") String rewrittenSummary) {}

  @Prompt("Summarize the following text into one sentence: {originalText}")
  String summarize(String originalText);

  @Prompt("""
      Original Text: {originalText}
      Summary: {summary}

      Critique the summary of the original text.
      Then rewrite the summary based on the critique. It must be one sentence.
      """)
  SummaryFeedback resummarize(String originalText, String summary);

  /** The loop is plain Java: each round feeds the last rewrite back in. */
  default String rewriteIteratively(String originalText, int depth) {
    String summary = summarize(originalText);
    for (int i = 0; i < depth; i++) {
      summary = resummarize(originalText, summary).rewrittenSummary();
    }
    return summary;
  }
}
