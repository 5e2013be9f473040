package dev.prompt4j.provider;

import dev.prompt4j.Response;

/**
 * A prompt interface for the runtime's tests. {@link GreeterImpl} is what the processor would
 * generate for it: {@code greet} says hello, {@code describe} uses the computed field {@code mood},
 * which calls {@code moodOf} (a two-level chain).
 */
public interface Greeter {
  /** {@code @Prompt("Hi {name}")}, {@code @Call(provider = "offline", model = "annotated-model", temperature = 0.5)}. */
  String greet(String name);

  /** {@code @Prompt("Mood of {name}?")}. */
  String moodOf(String name);

  /** {@code SYSTEM: You describe people. USER: Describe {name}, who is {mood}.} */
  Response<String> describe(String name);

  /** {@code @ComputedField}: another prompt call. */
  default String mood(String name) {
    return moodOf(name);
  }
}
