package dev.prompt4j.benchmarks;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

/** Benchmark 1: one prompt method with three placeholders. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface OverheadPrompts {
  @Prompt("Summarise {topic} for {audience} in {words} words.")
  String summarise(String topic, String audience, int words);
}
