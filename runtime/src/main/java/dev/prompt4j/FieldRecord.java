package dev.prompt4j;

import java.time.Duration;
import java.time.Instant;

/**
 * One computed field evaluated for a prompt call: when it started, how long it took, and how it ended.
 * The calls made while computing it are in {@link Response#calls()} with {@link Response#field()} set
 * to this name.
 *
 * @param name the field name
 * @param startedAt when it started
 * @param duration how long it ran
 * @param thread the name of the thread it ran on
 * @param error {@code null} when it succeeded, otherwise the failure's message
 */
public record FieldRecord(String name, Instant startedAt, Duration duration, String thread, String error) {
  /** Whether the field produced a value. */
  public boolean succeeded() {
    return error == null;
  }
}
