package dev.prompt4j.benchmarks;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

/** Benchmark 2: a structured answer. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface StructuredPrompts {
  @Prompt("Extract the customer described here: {text}")
  Customer extract(String text);
}
