package dev.prompt4j.examples.chaining;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;

/** The target of the run-time override example (seed 000): provider, model and temperature change, the code does not. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface BookRecommender {

  @Prompt("Recommend a {genre} book. Give the title and the author, then one sentence on why.")
  Response<String> recommendBook(String genre);
}
