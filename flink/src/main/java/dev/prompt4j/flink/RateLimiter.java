package dev.prompt4j.flink;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * One subtask's share of a {@link RateLimit}: sliding windows of requests and tokens, and an
 * adaptive limit on calls in flight (AIMD).
 *
 * <ul>
 *   <li><b>Windows.</b> A request may start when the requests (and tokens) counted in the window,
 *       plus this one, stay within the subtask's share. A request counts from the moment it is let go
 *       until one window after it <em>ended</em>: the limiter cannot see when the request reached
 *       the server (somewhere between the two), and counting to the end is what makes "never more
 *       than the limit in any window, as the server counts" hold. Held over time, the rate is {@code
 *       limit * window / (window + latency)}: 99.8% for a minute's window and 100 ms calls.
 *   <li><b>Tokens</b> are charged as an estimate while a request is in flight (the running mean of
 *       reported usage once there is one) and replaced by the reported usage when it ends. Extra
 *       requests a call made (re-asks, fallbacks) are counted when it ends: after the fact, so
 *       re-asks can overshoot briefly; the next requests wait for it.
 *   <li><b>Concurrency</b> starts at {@code initialConcurrency}, grows by one after as many
 *       successes as the current limit (additive increase) up to {@code maxConcurrency}, and halves
 *       on a 429 (multiplicative decrease), once per pause so a burst of 429s is one signal.
 *   <li><b>Pause.</b> A 429 stops every new request until its {@code Retry-After} (one second when
 *       the server gives none) has passed.
 * </ul>
 *
 * <p>Time comes from the injected clock (nanoseconds), so the logic is tested without sleeping.
 * Thread-safe: every method holds the monitor, which {@link #acquire} waits on.
 */
final class RateLimiter {
  static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);
  /** Polling interval when only requests in flight block a restart (no completion time to wait for yet). */
  static final long POLL_NANOS = 10_000_000L;

  /** A request let go: what it counts in the windows until one window after it ends. */
  static final class Permit {
    private final Entry request;
    private final Entry tokens;

    private Permit(Entry request, Entry tokens) {
      this.request = request;
      this.tokens = tokens;
    }
  }

  /** What {@link #tryAcquire} decided: a permit, or how long to wait ({@link Long#MAX_VALUE}: until a call ends). */
  record Decision(Permit permit, long waitNanos) {
    static final Decision FULL = new Decision(null, Long.MAX_VALUE);

    boolean granted() {
      return permit != null;
    }
  }

  private final LongSupplier clock;
  private final long windowNanos;
  private final long requestBudget; // 0: unlimited
  private final long tokenBudget;   // 0: unlimited
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
   * @return a permit, or how long to wait
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
   * @return a permit, or how long to wait
   */
  synchronized Decision tryRestart() {
    Decision decision = tryStart();
    return decision.waitNanos() == Long.MAX_VALUE ? new Decision(null, POLL_NANOS) : decision;
  }

  private Decision tryStart() {
    long now = clock.getAsLong();
    if (now - pausedUntil < 0) {
      return new Decision(null, pausedUntil - now);
    }
    paused = false;
    long wait = Math.max(requests.waitFor(now, 1, requestBudget, windowNanos), tokens.waitFor(now, tokenEstimate, tokenBudget, windowNanos));
    if (wait > 0) {
      return new Decision(null, wait);
    }
    return new Decision(new Permit(requests.open(requestBudget > 0 ? 1 : 0), tokens.open(tokenBudget > 0 ? tokenEstimate : 0)), 0);
  }

  /**
   * Blocks the calling thread until a call may start: the back-pressure the job sees.
   *
   * @return the permit, to be given to {@link #completed}
   * @throws InterruptedException when the task is cancelled while waiting
   */
  synchronized Permit acquire() throws InterruptedException {
    while (true) {
      Decision decision = tryAcquire();
      if (decision.granted()) {
        return decision.permit();
      }
      if (decision.waitNanos() == Long.MAX_VALUE) {
        wait();
      } else {
        wait(Math.max(1, (decision.waitNanos() + 999_999) / 1_000_000));
      }
    }
  }

  /**
   * A call ended: its slot is free, its request counts for one more window, with the requests it
   * made (re-asks) and the tokens its answers reported; on success the concurrency may grow.
   *
   * @param permit the permit of its last request
   * @param success whether the call succeeded
   * @param requestsMade requests the call made under this permit (1 unless re-asked, retried or fell back)
   * @param tokensUsed tokens the answers reported, 0 if unknown (the estimate stays)
   */
  synchronized void completed(Permit permit, boolean success, int requestsMade, long tokensUsed) {
    inFlight = Math.max(0, inFlight - 1);
    close(permit, requestsMade, tokensUsed);
    if (success && concurrency < maxConcurrency && ++successesAtLimit >= concurrency) {
      concurrency++;
      successesAtLimit = 0;
    }
    notifyAll();
  }

  private void close(Permit permit, int requestsMade, long tokensUsed) {
    long now = clock.getAsLong();
    requests.close(permit.request, now, requestBudget > 0 ? Math.max(1, requestsMade) : 0);
    if (tokensUsed > 0) {
      reportedTokens += tokensUsed;
      reportedRequests += Math.max(1, requestsMade);
      tokenEstimate = Math.max(1, reportedTokens / reportedRequests);
    }
    tokens.close(permit.tokens, now, tokenBudget > 0 && tokensUsed > 0 ? tokensUsed : permit.tokens.amount);
  }

  /**
   * The provider answered 429: the request counts as made; halve the concurrency (once per pause) and
   * pause new requests for {@code retryAfter}. The call keeps its slot and asks {@link #tryRestart}.
   *
   * @param permit the permit of the refused request
   * @param retryAfter the server's {@code Retry-After}, or {@code null}
   */
  synchronized void throttled(Permit permit, Duration retryAfter) {
    close(permit, 1, 0);
    long now = clock.getAsLong();
    if (!paused) {
      concurrency = Math.max(1, concurrency / 2);
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

  synchronized long tokenEstimate() {
    return tokenEstimate;
  }

  long requestBudget() {
    return requestBudget;
  }

  /** An amount counted while open (in flight) and until one window after it was closed. */
  private static final class Entry {
    long amount;
    boolean open = true;
    long closedAt;

    Entry(long amount) {
      this.amount = amount;
    }
  }

  /** The entries that still count, in the order they were opened. */
  private static final class Window {
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long sum;

    Entry open(long amount) {
      Entry entry = new Entry(amount);
      if (amount != 0) {
        entries.addLast(entry);
        sum += amount;
      }
      return entry;
    }

    void close(Entry entry, long now, long amount) {
      if (entry.amount != 0 || amount != 0) {
        if (entry.amount == 0) entries.addLast(entry); // counted only from now (a budget needs it)
        sum += amount - entry.amount;
        entry.amount = amount;
      }
      entry.open = false;
      entry.closedAt = now;
    }

    /** Nanoseconds until {@code amount} more fits in {@code budget}: 0 now, MAX_VALUE until a call ends. */
    long waitFor(long now, long amount, long budget, long windowNanos) {
      if (budget == 0) {
        return 0;
      }
      for (Iterator<Entry> it = entries.iterator(); it.hasNext(); ) {
        Entry e = it.next();
        if (!e.open && now - e.closedAt >= windowNanos) {
          sum -= e.amount;
          it.remove();
        }
      }
      long needed = Math.min(amount, budget); // a request larger than the budget goes alone
      if (sum + needed <= budget) {
        return 0;
      }
      List<Entry> closed = new ArrayList<>();
      for (Entry e : entries) {
        if (!e.open) closed.add(e);
      }
      closed.sort(Comparator.comparingLong(e -> e.closedAt));
      long freed = 0;
      for (Entry e : closed) {
        freed += e.amount;
        if (sum - freed + needed <= budget) {
          return e.closedAt + windowNanos - now;
        }
      }
      return Long.MAX_VALUE;
    }
  }
}
