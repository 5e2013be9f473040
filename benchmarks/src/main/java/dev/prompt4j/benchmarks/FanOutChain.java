package dev.prompt4j.benchmarks;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;

/** Benchmark 3: an 8-way fan-out followed by a final call: 9 calls, 2 on the critical path. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface FanOutChain {
  @Prompt("Part {index} of {topic}")
  String part(String topic, int index);

  @Prompt("Combine {part1}, {part2}, {part3}, {part4}, {part5}, {part6}, {part7}, {part8}")
  String combine(String topic);

  @ComputedField
  default String part1(String topic) {
    return part(topic, 1);
  }

  @ComputedField
  default String part2(String topic) {
    return part(topic, 2);
  }

  @ComputedField
  default String part3(String topic) {
    return part(topic, 3);
  }

  @ComputedField
  default String part4(String topic) {
    return part(topic, 4);
  }

  @ComputedField
  default String part5(String topic) {
    return part(topic, 5);
  }

  @ComputedField
  default String part6(String topic) {
    return part(topic, 6);
  }

  @ComputedField
  default String part7(String topic) {
    return part(topic, 7);
  }

  @ComputedField
  default String part8(String topic) {
    return part(topic, 8);
  }
}
