package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.Usage;
import io.micrometer.observation.Observation;
import java.time.Duration;

/**
 * The context of one model request's {@link io.micrometer.observation.Observation}, named {@value
 * #NAME}: what {@link PromptObservationListener} knows of it. Its low-cardinality keys are those of
 * the GenAI metrics ({@code gen_ai.operation.name}, {@code gen_ai.provider.name}, {@code
 * gen_ai.request.model}, {@code error.type}); {@link TokenUsageMeterHandler} reads the usage and the
 * time to the first streamed chunk from it.
 */
public final class PromptObservationContext extends Observation.Context {
  /** The observation's name: with Micrometer's meter handler, a timer of this name. */
  public static final String NAME = "gen_ai.client.operation.duration";

  private volatile Usage usage;
  private volatile Duration timeToFirstChunk;

  PromptObservationContext() {}

  /**
   * Tokens of the request.
   *
   * @return the usage, or {@code null} when the request failed
   */
  public Usage usage() {
    return usage;
  }

  void usage(Usage usage) {
    this.usage = usage;
  }

  /**
   * How long the first chunk of a streamed answer took.
   *
   * @return the time, or {@code null} when not streamed
   */
  public Duration timeToFirstChunk() {
    return timeToFirstChunk;
  }

  void timeToFirstChunk(Duration time) {
    this.timeToFirstChunk = time;
  }
}
