package dev.prompt4j.flink.example;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.concurrent.CompletableFuture;

/** The example job's prompt: triage a support ticket into a category and an urgency. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface SupportTickets {
  /** The kinds of ticket. */
  enum Category { BILLING, TECHNICAL, ACCOUNT, OTHER }

  /**
   * @param category the kind of ticket
   * @param urgency 1 (can wait) to 5 (customers are blocked)
   * @param summary the ticket in a few words
   */
  record Triage(Category category, @Min(1) @Max(5) int urgency, String summary) {}

  @Prompt("""
      SYSTEM:
      You triage customer support tickets. Answer the category, the urgency from 1 (can wait) to 5
      (customers are blocked) and a summary of at most eight words.

      USER:
      {text}
      """)
  CompletableFuture<Response<Triage>> triage(String text);
}
