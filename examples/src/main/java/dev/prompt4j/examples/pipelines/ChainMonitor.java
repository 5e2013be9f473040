package dev.prompt4j.examples.pipelines;

import dev.prompt4j.OutputException;
import dev.prompt4j.Response;
import dev.prompt4j.Trace;
import dev.prompt4j.Usage;
import dev.prompt4j.examples.TracePrinter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Per-step monitoring (seed 002): each step of a chain runs under {@link Trace#capture}, so its
 * duration, status, prompt calls and tokens are recorded without touching the steps; the report is
 * built from those records.
 */
public final class ChainMonitor {
  private final List<StepRecord> steps = new ArrayList<>();
  private final List<Response<?>> calls = new ArrayList<>();
  private final Instant startedAt = Instant.now();

  /**
   * One step as it ran.
   *
   * @param name the step
   * @param status {@code success} or {@code failed}
   * @param duration how long it took
   * @param calls the requests it made (nested calls included; for a failed call, its attempts)
   * @param usage tokens of those calls
   * @param error the failure, {@code null} on success
   */
  public record StepRecord(String name, String status, Duration duration, int calls, Usage usage, String error) {}

  /** Runs {@code work} as the step {@code name}; a failure is recorded, then rethrown. */
  public <T> T step(String name, Supplier<T> work) {
    long start = System.nanoTime();
    List<Response<?>> made = new ArrayList<>();
    try {
      Trace.Captured<T> run = Trace.capture(() -> work.get());
      made.addAll(run.calls());
      calls.addAll(run.calls());
      steps.add(new StepRecord(name, "success", Duration.ofNanos(System.nanoTime() - start), TracePrinter.flatten(made).size(), run.totalUsage(), null));
      return run.value();
    } catch (RuntimeException e) {
      int requests = e instanceof OutputException output ? output.attempts().size() : 0;
      steps.add(new StepRecord(name, "failed", Duration.ofNanos(System.nanoTime() - start), requests, Usage.ZERO, e.getMessage()));
      throw e;
    }
  }

  /** Every prompt call the steps made, in order. */
  public List<Response<?>> calls() {
    return List.copyOf(calls);
  }

  public List<StepRecord> steps() {
    return List.copyOf(steps);
  }

  /** The report: overall status, totals, and a line per step. */
  public String report() {
    boolean failed = steps.stream().anyMatch(s -> s.status().equals("failed"));
    Usage usage = steps.stream().map(StepRecord::usage).reduce(Usage.ZERO, Usage::plus);
    StringBuilder text = new StringBuilder(String.format("status %s, %d step(s) completed, %d failed, %d tokens, %d ms%n",
        failed ? "FAILED" : "success", steps.stream().filter(s -> s.status().equals("success")).count(),
        steps.stream().filter(s -> s.status().equals("failed")).count(), usage.totalTokens(),
        Duration.between(startedAt, Instant.now()).toMillis()));
    for (StepRecord s : steps) {
      text.append(String.format("  %-22s %-7s %5d ms  %d request(s) %5d tok%s%n", s.name(), s.status(), s.duration().toMillis(), s.calls(),
          s.usage().totalTokens(), s.error() == null ? "" : "  " + s.error()));
    }
    return text.toString().stripTrailing();
  }
}
