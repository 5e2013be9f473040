package dev.prompt4j.flink;

import dev.prompt4j.Attempt;
import dev.prompt4j.Response;
import dev.prompt4j.Usage;
import java.util.List;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * The metrics of one subtask, in the group {@code prompt4j} of the operator: {@code requests},
 * {@code successes}, {@code failures}, {@code timeouts}, {@code throttled}, {@code reasks}, {@code
 * inputTokens}, {@code outputTokens}, {@code latencyMillis} (histogram of the last 1,000 elements),
 * {@code concurrencyLimit} and {@code inFlight} (gauges).
 *
 * <p>Cost is not counted yet: it needs the price table of the runtime's observability work. When that
 * lands, a {@code cost} counter fed from it belongs in {@link #answered}, next to the tokens.
 */
final class PromptMetrics {
  final Counter requests;
  final Counter successes;
  final Counter failures;
  final Counter timeouts;
  final Counter throttled;
  final Counter reasks;
  final Counter inputTokens;
  final Counter outputTokens;
  final Histogram latencyMillis;

  PromptMetrics(MetricGroup operator, RateLimiter limiter) {
    MetricGroup group = operator.addGroup("prompt4j");
    requests = group.counter("requests");
    successes = group.counter("successes");
    failures = group.counter("failures");
    timeouts = group.counter("timeouts");
    throttled = group.counter("throttled");
    reasks = group.counter("reasks");
    inputTokens = group.counter("inputTokens");
    outputTokens = group.counter("outputTokens");
    latencyMillis = group.histogram("latencyMillis", new DescriptiveStatisticsHistogram(1_000));
    group.gauge("concurrencyLimit", limiter::concurrencyLimit);
    group.gauge("inFlight", limiter::inFlight);
  }

  /** What one element's calls used, read from its {@link Response} tree when it returned one. */
  record Spent(int requests, int reasks, Usage usage) {
    static final Spent UNKNOWN = new Spent(1, 0, Usage.ZERO);

    static Spent of(Object value) {
      if (!(value instanceof Response<?> response)) {
        return UNKNOWN;
      }
      int[] counts = new int[2];
      count(response, counts);
      return new Spent(counts[0], counts[1], response.totalUsage());
    }

    static Spent ofAttempts(List<Attempt> attempts) {
      if (attempts.isEmpty()) {
        return UNKNOWN;
      }
      // The last refused answer was not asked again: the call gave up.
      return new Spent(attempts.size(), reasks(attempts.subList(0, attempts.size() - 1)), Usage.ZERO);
    }

    private static void count(Response<?> response, int[] counts) {
      counts[0] += response.attempts();
      counts[1] += reasks(response.failedAttempts());
      for (Response<?> call : response.calls()) {
        count(call, counts);
      }
    }

    /** A failed attempt with an answer was refused and asked again; one without an answer was a transport failure. */
    private static int reasks(List<Attempt> attempts) {
      int n = 0;
      for (Attempt a : attempts) {
        if (a.rawText() != null) n++;
      }
      return n;
    }
  }

  void answered(Spent spent, long latencyNanos, boolean success) {
    requests.inc(spent.requests());
    reasks.inc(spent.reasks());
    inputTokens.inc(spent.usage().inputTokens());
    outputTokens.inc(spent.usage().outputTokens());
    latencyMillis.update(latencyNanos / 1_000_000);
    (success ? successes : failures).inc();
  }
}
