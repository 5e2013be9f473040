package dev.prompt4j.examples.chaining;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import jakarta.validation.constraints.NotBlank;

/** Validated extraction (seed 000): the answer is a record, parsed and checked before it is returned. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface EventExtractor {

  record EventDetails(@NotBlank String date, @NotBlank String location) {}

  @Prompt("Extract the event details from this text: {text}")
  EventDetails extractEvent(String text);
}
