package dev.prompt4j.observe;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;

/**
 * A chain to observe: {@code analyze} computes two independent fields, each making a nested {@code
 * classify} call, so the fields run on the executor's threads; {@code classify} falls back to Anthropic.
 */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface ObservedChain {
  /** What {@code classify} answers. */
  enum Trend { EMERGING, DECLINING }

  @Call(provider = "openai", model = "gpt-4o-mini", fallbacks = "anthropic:claude-haiku-4-5")
  @Prompt("Classify {topic}")
  Trend classify(String topic);

  @Prompt("Analyze {topic} as {first} and {second}")
  Response<String> analyze(String topic);

  @ComputedField
  default Trend first(String topic) {
    return classify(topic + " one");
  }

  @ComputedField
  default Trend second(String topic) {
    return classify(topic + " two");
  }
}
