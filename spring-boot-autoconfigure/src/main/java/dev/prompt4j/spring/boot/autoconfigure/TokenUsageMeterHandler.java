package dev.prompt4j.spring.boot.autoconfigure;

import io.micrometer.common.KeyValue;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;

/**
 * Records, when a {@link PromptObservationContext} observation stops, the token usage as the
 * distribution summary {@code gen_ai.client.token.usage} (base unit {@code {token}}, tagged {@code
 * gen_ai.token.type} {@code input} or {@code output}) and a streamed answer's time to first chunk as the
 * timer {@code gen_ai.client.operation.time_to_first_chunk}, both with the observation's low-cardinality
 * keys. The duration itself is Micrometer's meter handler's timer.
 */
public final class TokenUsageMeterHandler implements ObservationHandler<PromptObservationContext> {
  private final MeterRegistry meters;

  /**
   * A handler recording into {@code meters}.
   *
   * @param meters the application's meter registry
   */
  public TokenUsageMeterHandler(MeterRegistry meters) {
    this.meters = meters;
  }

  @Override
  public boolean supportsContext(Observation.Context context) {
    return context instanceof PromptObservationContext;
  }

  @Override
  public void onStop(PromptObservationContext context) {
    Tags tags = Tags.empty();
    for (KeyValue key : context.getLowCardinalityKeyValues()) {
      tags = tags.and(key.getKey(), key.getValue());
    }
    if (context.usage() != null) {
      summary(tags.and("gen_ai.token.type", "input")).record(context.usage().inputTokens());
      summary(tags.and("gen_ai.token.type", "output")).record(context.usage().outputTokens());
    }
    if (context.timeToFirstChunk() != null) {
      Timer.builder("gen_ai.client.operation.time_to_first_chunk").description("Time to the first chunk of a streamed answer")
          .tags(tags).register(meters).record(context.timeToFirstChunk());
    }
  }

  private DistributionSummary summary(Tags tags) {
    return DistributionSummary.builder("gen_ai.client.token.usage").baseUnit("{token}").description("Tokens used per model request")
        .tags(tags).register(meters);
  }
}
