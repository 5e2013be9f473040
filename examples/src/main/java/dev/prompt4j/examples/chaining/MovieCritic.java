package dev.prompt4j.examples.chaining;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;

/** Recommend a movie, then explain why it is popular (seed 000); the response nests the first call. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface MovieCritic {

  @Prompt("""
      Recommend a popular movie in the {genre} genre.
      Give me just the title.
      """)
  String recommendMovie(String genre);

  @Prompt("""
      SYSTEM:
      You are the world's greatest film critic.
      Your task is to explain why the movie "{movieTitle}" is popular in the {genre} genre.

      USER:
      Explain why "{movieTitle}" in the {genre} genre is popular.
      """)
  Response<String> explainMovie(String genre);

  @ComputedField
  default String movieTitle(String genre) {
    return recommendMovie(genre).strip();
  }
}
