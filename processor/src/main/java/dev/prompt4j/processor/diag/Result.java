package dev.prompt4j.processor.diag;

import java.util.Optional;

/**
 * What a stage made of its input, and the report of what it found. The value is absent when the stage
 * cannot go on: after an error, or for a base interface that leaves its model to the interfaces
 * extending it (absent with a clean report: nothing to generate, nothing wrong).
 *
 * @param value the stage's immutable output, when it has one
 * @param report the diagnostics
 */
public record Result<T>(Optional<T> value, Report report) {

  /** {@code value} if {@code report} is clean, else nothing. */
  public static <T> Result<T> of(T value, Report report) {
    return new Result<>(report.isClean() ? Optional.of(value) : Optional.empty(), report);
  }

  /** No value: the interface stops here, for the reasons in {@code report} (possibly none). */
  public static <T> Result<T> stop(Report report) {
    return new Result<>(Optional.empty(), report);
  }
}
