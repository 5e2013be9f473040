package dev.prompt4j.flink;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * One subtask's share of a {@link RateLimit}: sliding windows of requests and tokens, and an
 * adaptive limit on calls in flight (AIMD).
 *
 * <ul>
 *   <li><b>Windows.</b> A request may start when the requests (and tokens) started in the last
 *       window, plus this one, stay within the subtask's share. Windows are logs, not buckets: in
 *       any window no subtask starts more than its share, so the job never exceeds the limit.
 *   <li><b>Tokens</b> are charged as an estimate when a request starts (the running mean of
 *       reported usage once there is one) and corrected by {@link #completed} when usage is known.
 *       Extra requests a call made (re-asks, fallbacks) are charged then too: after the fact, so
 *       re-asks can overshoot the limit briefly; the next requests wait for it.
 *   <li><b>Concurrency</b> starts at {@code initialConcurrency}, grows by one per limit's worth of
 *       successes (additive increase) up to {@code maxConcurrency}, and halves on a 429
 *       (multiplicative decrease), at most once per pause so a burst of 429s is one signal.
 *   <li><b>Pause.</b> A 429 stops every new request until its {@code Retry-After} (one second when
 *       the server gives none) has passed.
 * </ul>
 *
 * <p>Time comes from the injected clock (nanoseconds), so the logic is tested without sleeping.
 * Thread-safe: every method holds the monitor, which {@link #acquire} waits on.
 */
final class RateLimiter {
  static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);

  /** What {@link #tryAcquire} decided. */
  record Decision(boolean granted, long waitNanos, long chargedTokens) {
    /** No slot in flight is free; wait for a call to finish. */
    static final Decision FULL = new Decision(false, Long.MAX_VALUE, 0);

    static Decision waitFor(long nanos) {
      return new Decision(false, nanos, 0);
    }
  }

  private final LongSupplier clock;
  private final long windowNanos;
  private final long requestBudget; // 0: unlimited
  private final long tokenBudget;   // 0: unlimited
  private final int minConcurrency = 1;
  private final int maxConcurrency;
  private final Window requests = new Window();
  private final Window tokens = new Window();

  private int concurrency;
  private int successesAtLimit; // successes since the limit last changed
  private int inFlight;
  private long pausedUntil;
  private boolean paused;
  private long tokenEstimate;
  private long reportedTokens;
  private long reportedRequests;
  private long throttles;

  RateLimiter(RateLimit limit, int parallelism, LongSupplier clock) {
    this.clock = clock;
    this.windowNanos = limit.window().toNanos();
    this.requestBudget = share(limit.requests(), parallelism);
    this.tokenBudget = share(limit.tokens(), parallelism);
    this.maxConcurrency = limit.maxConcurrency();
    this.concurrency = limit.initialConcurrency();
    this.tokenEstimate = limit.estimatedTokensPerRequest();
    this.pausedUntil = clock.getAsLong();
  }

  private static long share(long whole, int parallelism) {
    return whole == 0 ? 0 : Math.max(1, whole / Math.max(1, parallelism));
  }

  /**
   * Starts a call when a slot in flight is free, the windows allow it and no pause is on.
   *
   * @return granted, or how long to wait ({@link Decision#FULL}: until a call finishes)
   */
  synchronized Decision tryAcquire() {
    if (inFlight >= concurrency) {
      return Decision.FULL;
    }
    Decision decision = tryStart();
    if (decision.granted()) {
      inFlight++;
    }
    return decision;
  }

  /**
   * Starts the next request of a call that already holds a slot (a call sent again after a 429).
   *
   * @return granted, or how long to wait
   */
  synchronized Decision tryRestart() {
    return tryStart();
  }

  private Decision tryStart() {
    long now = clock.getAsLong();
    if (now - pausedUntil < 0) {
      return Decision.waitFor(pausedUntil - now);
    }
    paused = false;
    long wait = Math.max(requests.waitFor(now, 1, requestBudget, windowNanos), tokens.waitFor(now, tokenEstimate, tokenBudget, windowNanos));
    if (wait > 0) {
      return Decision.waitFor(wait);
    }
    if (requestBudget > 0) requests.add(now, 1);
    if (tokenBudget > 0) tokens.add(now, tokenEstimate);
    return new Decision(true, 0, tokenEstimate);
  }

  /**
   * Blocks the calling thread until a call may start: the back-pressure the job sees.
   *
   * @return the tokens charged, to be given to {@link #completed}
   * @throws InterruptedException when the task is cancelled while waiting
   */
  synchronized long acquire() throws InterruptedException {
    while (true) {
      Decision decision = tryAcquire();
      if (decision.granted()) {
        return decision.chargedTokens();
      }
      if (decision.waitNanos() == Long.MAX_VALUE) {
        wait();
      } else {
        long millis = Math.max(1, (decision.waitNanos() + 999_999) / 1_000_000);
        wait(millis);
      }
    }
  }

  /**
   * A call finished. Charges what its answer reported beyond the estimate and, on success, grows
   * the concurrency by {@code 1 / limit} (one per limit's worth of successes).
   *
   * @param success whether the call succeeded
   * @param requestsMade requests the call made (1 unless re-asked, retried or fell back), 0 if unknown
   * @param tokensUsed tokens the answers reported, 0 if unknown
   * @param chargedTokens the tokens charged when its requests started (sum of {@link Decision#chargedTokens()})
   */
  synchronized void completed(boolean success, int requestsMade, long tokensUsed, long chargedTokens) {
    long now = clock.getAsLong();
    inFlight = Math.max(0, inFlight - 1);
    if (requestsMade > 1 && requestBudget > 0) {
      requests.add(now, requestsMade - 1);
    }
    if (tokensUsed > 0) {
      if (tokenBudget > 0) {
        tokens.add(now, tokensUsed - chargedTokens);
      }
      reportedTokens += tokensUsed;
      reportedRequests += Math.max(1, requestsMade);
      tokenEstimate = Math.max(1, reportedTokens / reportedRequests);
    }
    if (success && concurrency < maxConcurrency && ++successesAtLimit >= concurrency) {
      concurrency++;
      successesAtLimit = 0;
    }
    notifyAll();
  }

  /**
   * The provider answered 429: halve the concurrency (once per pause) and pause new requests for
   * {@code retryAfter}. The call keeps its slot and is sent again after {@link #tryRestart}.
   *
   * @param retryAfter the server's {@code Retry-After}, or {@code null}
   */
  synchronized void throttled(Duration retryAfter) {
    long now = clock.getAsLong();
    throttles++;
    if (!paused) {
      concurrency = Math.max(minConcurrency, concurrency / 2);
      successesAtLimit = 0;
      paused = true;
    }
    long until = now + (retryAfter == null || retryAfter.isNegative() ? DEFAULT_PAUSE : retryAfter).toNanos();
    if (until - pausedUntil > 0) {
      pausedUntil = until;
    }
    notifyAll();
  }

  synchronized int concurrencyLimit() {
    return concurrency;
  }

  synchronized int inFlight() {
    return inFlight;
  }

  synchronized long throttles() {
    return throttles;
  }

  synchronized long tokenEstimate() {
    return tokenEstimate;
  }

  long requestBudget() {
    return requestBudget;
  }

  long tokenBudget() {
    return tokenBudget;
  }

  /** A log of amounts by start time, summed over the last window. */
  private static final class Window {
    private final ArrayDeque<long[]> entries = new ArrayDeque<>();
    private long sum;

    void add(long now, long amount) {
      entries.addLast(new long[] {now, amount});
      sum += amount;
    }

    /** Nanoseconds until {@code amount} more fits in {@code budget}; 0 now, or when no budget is set. */
    long waitFor(long now, long amount, long budget, long windowNanos) {
      if (budget == 0) {
        return 0;
      }
      while (!entries.isEmpty() && now - entries.peekFirst()[0] >= windowNanos) {
        sum -= entries.pollFirst()[1];
      }
      long needed = Math.min(amount, budget); // a request larger than the budget goes alone
      if (sum + needed <= budget) {
        return 0;
      }
      long freed = 0;
      for (long[] entry : entries) {
        freed += entry[1];
        if (sum - freed + needed <= budget) {
          return entry[0] + windowNanos - now;
        }
      }
      return windowNanos; // corrections made the sum negative-free but still over: try a window later
    }
  }
}
