package dev.prompt4j.benchmarks;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

/** Benchmark 5: the first answer after JVM start, from the offline provider. */
@Call(provider = "offline", model = "offline")
public interface StartupPrompts {
  @Prompt("Say hello to {name}")
  String hello(String name);
}
