package com.acme;

import dev.prompt4j.Call;
import dev.prompt4j.Description;
import dev.prompt4j.Prompt;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Optional;

@Call(provider = "openai", model = "gpt-4o-mini", temperature = 0.2)
public interface Faqs {
  @Description("One question a newcomer would ask, with its answer")
  record Faq(@NotBlank String question, @NotBlank String answer, @Description("Title of the cited source") String source) {}

  record FaqPage(@Size(min = 10, max = 10) List<Faq> faqs, Optional<String> notes) {}

  sealed interface Step permits Refund, Escalate {}

  record Refund(@Positive int amount) implements Step {}

  record Escalate(@NotBlank String team) implements Step {}

  @Prompt(file = "prompts/faq.txt", maxAttempts = 4)
  FaqPage faqs(String product, List<String> sources);

  @Prompt("Plan the next steps for this ticket: {ticket}")
  List<Step> plan(String ticket);

  @Prompt("Answer yes or no: is {claim} supported by the sources?")
  boolean supported(String claim);
}
