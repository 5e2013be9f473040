package dev.prompt4j;

import java.time.Instant;

/**
 * One time base for traces: start times are read from the monotonic clock (cheap, and the same clock
 * as durations, so overlaps between calls and fields are exact) and turned into wall-clock instants
 * only when someone asks, from an anchor taken at start-up.
 */
final class Clocks {
  private static final Instant ANCHOR = Instant.now();
  private static final long ANCHOR_NANOS = System.nanoTime();

  private Clocks() {}

  /** The {@link System#nanoTime()} reading of a wall-clock instant. */
  static long nanoTime(Instant instant) {
    java.time.Duration since = java.time.Duration.between(ANCHOR, instant);
    return ANCHOR_NANOS + since.toNanos();
  }

  /** The wall-clock instant of a {@link System#nanoTime()} reading. */
  static Instant instant(long nanoTime) {
    return ANCHOR.plusNanos(nanoTime - ANCHOR_NANOS);
  }

  /**
   * {@code duration} in nanoseconds, saturated: beyond about 292 years it stays at the largest value
   * (and never reaches {@link Long#MIN_VALUE}, which callers keep for "unknown").
   */
  static long nanos(java.time.Duration duration) {
    try {
      return duration.toNanos();
    } catch (ArithmeticException tooLong) {
      return duration.isNegative() ? Long.MIN_VALUE + 1 : Long.MAX_VALUE;
    }
  }
}
