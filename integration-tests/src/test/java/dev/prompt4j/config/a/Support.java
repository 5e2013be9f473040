package dev.prompt4j.config.a;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

/** One of two prompt interfaces named Support, configured apart by their qualified names. */
@Call(provider = "openai", model = "annotated-model")
public interface Support {
  @Prompt("help with {question}")
  String answer(String question);
}
