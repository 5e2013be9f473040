package dev.prompt4j;

import java.time.Duration;
import java.time.Instant;

/**
 * One computed field evaluated for a prompt call: when it started, how long it took, and how it ended.
 * The calls made while computing it are in {@link Response#calls()} with {@link Response#field()} set
 * to this name.
 *
 * <pre>{@code
 * for (FieldRecord f : response.fields()) {
 *   System.out.println(f.name() + " took " + f.duration().toMillis() + " ms on " + f.thread());
 * }
 * }</pre>
 *
 * @param name the field name
 * @param startedAt when it started
 * @param duration how long it ran
 * @param thread the name of the thread it ran on
 * @param error {@code null} when it succeeded, otherwise the failure's message
 */
public record FieldRecord(String name, Instant startedAt, Duration duration, String thread, String error) {
  /**
   * A record whose start is a {@link System#nanoTime()} reading, on the time base of {@link
   * Response#startedAt()}, so overlaps between fields and calls are exact.
   *
   * @param name the field name
   * @param startNanos its start, as {@link System#nanoTime()} read it
   * @param duration how long it ran
   * @param thread the name of the thread it ran on
   * @param error {@code null} when it succeeded, otherwise the failure's message
   * @return the record
   */
  public static FieldRecord ofNanoTime(String name, long startNanos, Duration duration, String thread, String error) {
    return new FieldRecord(name, Clocks.instant(startNanos), duration, thread, error);
  }

  /**
   * Whether the field produced a value.
   *
   * @return {@code true} when it did
   */
  public boolean succeeded() {
    return error == null;
  }
}
