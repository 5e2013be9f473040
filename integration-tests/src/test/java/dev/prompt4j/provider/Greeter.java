package dev.prompt4j.provider;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;

/**
 * A prompt interface of the runtime's integration tests: {@code greet} says hello, {@code describe}
 * uses the computed field {@code mood}, which calls {@code moodOf} (a two-level chain).
 */
@Call(provider = "offline", model = "annotated-model", temperature = 0.5)
public interface Greeter {
  @Prompt("Hi {name}")
  String greet(String name);

  @Prompt("Mood of {name}?")
  String moodOf(String name);

  @Prompt("""
      SYSTEM: You describe people.
      USER: Describe {name}, who is {mood}.
      """)
  Response<String> describe(String name);

  @ComputedField
  default String mood(String name) {
    return moodOf(name);
  }
}
