package dev.prompt4j.internal;

import dev.prompt4j.Response;
import java.util.List;

/**
 * A chain as the processor would implement it (compare {@code goldens/Prompt4j_TrendAnalysis.java}):
 * {@code analyze} computes two independent fields, each making a nested {@code classify} call, so
 * the fields run on the executor's threads. The runtime module cannot run the processor; this is the
 * generated shape, written out.
 */
final class ObservedChain {
  enum Trend { EMERGING, DECLINING }

  static final PromptMethod<Trend> CLASSIFY = PromptMethod.of(
      ObservedChain.class, "classify", new CallSpec("openai", "gpt-4o-mini", null, List.of("anthropic:claude-haiku-4-5")), "c1",
      Outputs.enumOf("Trend", Trend.values()));
  static final PromptMethod<String> ANALYZE = PromptMethod.of(
      ObservedChain.class, "analyze", CallSpec.of("openai", "gpt-4o-mini"), "a1", Outputs.text());

  private final PromptContext context;

  ObservedChain(PromptContext context) {
    this.context = context;
  }

  Trend classify(String topic) {
    return context.invoke(CLASSIFY, invocation -> Messages.single("Classify " + Values.text(topic))).value();
  }

  Response<String> analyze(String topic) {
    return context.invoke(ANALYZE, invocation -> {
      FieldTask<Trend> first = invocation.field("first", () -> classify(topic + " one"));
      FieldTask<Trend> second = invocation.field("second", () -> classify(topic + " two"));
      return Messages.single("Analyze " + Values.text(topic) + " as " + Values.text(first.join()) + " and " + Values.text(second.join()));
    });
  }
}
