package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.PromptCall;
import dev.prompt4j.PromptListener;
import dev.prompt4j.Response;
import dev.prompt4j.provider.GenAiProviderNames;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Prompt4j's GenAI metrics through Micrometer's Observation API: one observation per model request
 * ({@value PromptObservationContext#NAME}, contextual name {@code chat <model>}), with the
 * low-cardinality keys of the OpenTelemetry module's metrics: {@code gen_ai.operation.name} ({@code
 * chat}), {@code gen_ai.provider.name} ({@code openai}, {@code anthropic}, {@code gcp.gemini}, ...),
 * {@code gen_ai.request.model} and {@code error.type} (the exception's class, {@code none} on success,
 * so every timer has the same keys). With a {@code MeterRegistry}, Micrometer's meter handler makes the
 * duration a timer and {@link TokenUsageMeterHandler} records {@code gen_ai.client.token.usage} and the
 * time to the first streamed chunk. Registered by the auto-configuration when the application has an
 * {@link ObservationRegistry} bean.
 *
 * <pre>{@code
 * PromptRuntime runtime = Prompt4j.builder().listener(new PromptObservationListener(observationRegistry)).build();
 * }</pre>
 */
public final class PromptObservationListener implements PromptListener {
  private final ObservationRegistry registry;
  private final Map<PromptCall, Observation> open = new ConcurrentHashMap<>(); // a call's attempts come one at a time

  /**
   * A listener reporting to {@code registry}.
   *
   * @param registry the application's observation registry
   */
  public PromptObservationListener(ObservationRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void attemptStarted(PromptCall call, AttemptStart attempt) {
    Observation observation = Observation.createNotStarted(PromptObservationContext.NAME, PromptObservationContext::new, registry)
        .contextualName("chat " + attempt.model())
        .lowCardinalityKeyValue("gen_ai.operation.name", "chat")
        .lowCardinalityKeyValue("gen_ai.provider.name", GenAiProviderNames.of(attempt.provider()))
        .lowCardinalityKeyValue("gen_ai.request.model", String.valueOf(attempt.model()))
        .lowCardinalityKeyValue("error.type", "none")
        .highCardinalityKeyValue("prompt4j.method", call.method())
        .highCardinalityKeyValue("prompt4j.attempt.number", String.valueOf(attempt.number()))
        .start();
    Observation previous = open.put(call, observation);
    if (previous != null) {
      previous.stop(); // not finished as reported; never left open
    }
  }

  @Override
  public void streamFirstChunk(PromptCall call, AttemptStart attempt, Duration timeToFirstChunk) {
    Observation observation = open.get(call);
    if (observation != null && observation.getContext() instanceof PromptObservationContext context) {
      context.timeToFirstChunk(timeToFirstChunk);
    }
  }

  @Override
  public void attemptFinished(PromptCall call, AttemptStart attempt, AttemptEnd end) {
    Observation observation = open.remove(call);
    if (observation == null) {
      return;
    }
    if (end.failure() != null) {
      observation.lowCardinalityKeyValue("error.type", end.failure().getClass().getName());
      observation.error(end.failure());
    } else if (observation.getContext() instanceof PromptObservationContext context) {
      context.usage(end.usage());
      if (end.responseModel() != null) {
        observation.highCardinalityKeyValue("gen_ai.response.model", end.responseModel());
      }
    }
    observation.stop();
  }

  @Override
  public void callFinished(PromptCall call, Response<?> response, Throwable failure) {
    Observation left = open.remove(call);
    if (left != null) {
      left.stop();
    }
  }
}
