package dev.prompt4j.examples.orchestration;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import jakarta.validation.constraints.NotBlank;

/** Validated extraction (seed 001): the prompt, the model and the answer's shape, each declared once. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface BookExtractor {

  record Book(@NotBlank String title, @NotBlank String author) {}

  @Prompt("Extract the book from this text: {text}")
  Book extractBook(String text);
}
