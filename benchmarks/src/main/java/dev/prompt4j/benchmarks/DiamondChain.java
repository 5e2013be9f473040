package dev.prompt4j.benchmarks;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;

/** Benchmark 3: the diamond. The answer needs b and c, both need d: 4 calls, 3 on the critical path. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface DiamondChain {
  @Prompt("D for {topic}")
  String d(String topic);

  @Prompt("B from {input}")
  String b(String input);

  @Prompt("C from {input}")
  String c(String input);

  @Prompt("A from {bValue} and {cValue}")
  String a(String topic);

  @ComputedField
  default String dValue(String topic) {
    return d(topic);
  }

  @ComputedField
  default String bValue(String dValue) {
    return b(dValue);
  }

  @ComputedField
  default String cValue(String dValue) {
    return c(dValue);
  }
}
