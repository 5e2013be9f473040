package dev.prompt4j.flink;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.concurrent.CompletableFuture;

/** The prompt the Flink tests run: the fake server echoes the ticket id in its answer. */
@Call(provider = "openai", model = "gpt-test")
public interface TicketTriage {
  /** @param id the ticket, echoed back @param category its kind @param urgency 1 (low) to 5 */
  record Triage(long id, String category, @Min(1) @Max(5) int urgency) {}

  @Prompt("Triage ticket {id}: {text}")
  CompletableFuture<Response<Triage>> classifyAsync(long id, String text);

  @Prompt("Triage ticket {id}: {text}")
  Triage classify(long id, String text);
}
