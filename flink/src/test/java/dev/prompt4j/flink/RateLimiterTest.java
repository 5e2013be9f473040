package dev.prompt4j.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The limiter's decisions on an injected clock: no sleeping, no wall-clock thresholds. */
class RateLimiterTest {
  private static final long SECOND = 1_000_000_000L;

  private long now = 1_000 * SECOND;

  private RateLimiter limiter(RateLimit limit, int parallelism) {
    return new RateLimiter(limit, parallelism, () -> now);
  }

  /** Acquires as soon as allowed, for {@code span}, and returns the start times. */
  private List<Long> drive(RateLimiter limiter, long span, boolean release) {
    List<Long> starts = new ArrayList<>();
    long end = now + span;
    while (now < end) {
      RateLimiter.Decision d = limiter.tryAcquire();
      if (d.granted()) {
        starts.add(now);
        if (release) limiter.completed(d.permit(), true, 1, 0);
      } else {
        assertTrue(d.waitNanos() > 0 && d.waitNanos() != Long.MAX_VALUE, "a rate wait, not a full limiter: " + d);
        now += d.waitNanos();
      }
    }
    return starts;
  }

  private static int maxInAnyWindow(List<Long> starts, long window) {
    int max = 0;
    for (int i = 0; i < starts.size(); i++) {
      int j = i;
      while (j < starts.size() && starts.get(j) - starts.get(i) < window) j++;
      max = Math.max(max, j - i);
    }
    return max;
  }

  @Test
  void theJobLimitIsSharedAcrossSubtasksAndNeverExceededInAnyWindow() {
    RateLimiter limiter = limiter(RateLimit.of("openai", "m").requestsPerMinute(120), 4);
    assertEquals(30, limiter.requestBudget());

    List<Long> starts = drive(limiter, 5 * 60 * SECOND, true);

    assertEquals(30, maxInAnyWindow(starts, 60 * SECOND));
    // Held at the limit: 5 minutes of 30 per minute (the first window starts at once).
    assertEquals(150, starts.size());
  }

  @Test
  void tokensAreChargedAsAnEstimateThenReplacedByTheReportedUsage() {
    RateLimiter limiter = limiter(RateLimit.of("openai", "m").tokensPerMinute(1_000).estimatedTokensPerRequest(100).concurrency(64, 64), 1);
    List<RateLimiter.Permit> permits = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      RateLimiter.Decision d = limiter.tryAcquire();
      assertTrue(d.granted(), "request " + i + " fits the estimate");
      permits.add(d.permit());
    }
    assertFalse(limiter.tryAcquire().granted(), "1,000 estimated tokens in flight");

    // The ten answers each reported 50 tokens: 500 left, and the estimate follows the reports.
    for (RateLimiter.Permit p : permits) limiter.completed(p, true, 1, 50);
    assertEquals(50, limiter.tokenEstimate());
    int more = 0;
    while (limiter.tryAcquire().granted()) more++;
    assertEquals(10, more, "500 tokens left at 50 each");
  }

  @Test
  void extraRequestsOfAReaskAreChargedWhenTheCallEnds() {
    RateLimiter limiter = limiter(RateLimit.of("openai", "m").requestsPerMinute(10).concurrency(64, 64), 1);
    limiter.completed(limiter.tryAcquire().permit(), true, 3, 0); // asked twice more
    int more = 0;
    while (limiter.tryAcquire().granted()) more++;
    assertEquals(7, more);
  }

  @Test
  void aRequestCountsUntilOneWindowAfterItEnded() {
    RateLimiter limiter = limiter(RateLimit.of("openai", "m").requestsPerMinute(1), 1);
    RateLimiter.Permit slow = limiter.tryAcquire().permit();
    now += 120 * SECOND; // still in flight two windows later: it may reach the server any moment
    assertEquals(Long.MAX_VALUE, limiter.tryAcquire().waitNanos());
    limiter.completed(slow, true, 1, 0);
    assertEquals(60 * SECOND, limiter.tryAcquire().waitNanos());
    now += 60 * SECOND;
    assertTrue(limiter.tryAcquire().granted());
  }

  @Test
  void concurrencyHalvesOnA429AndPausesForRetryAfterThenGrowsAdditively() {
    RateLimiter limiter = limiter(RateLimit.of("openai", "m").concurrency(16, 32), 1);
    List<RateLimiter.Permit> permits = new ArrayList<>();
    for (int i = 0; i < 16; i++) permits.add(limiter.tryAcquire().permit());
    assertEquals(RateLimiter.Decision.FULL, limiter.tryAcquire());

    limiter.throttled(permits.get(0), Duration.ofSeconds(3));
    limiter.throttled(permits.get(1), Duration.ofSeconds(2)); // same burst: one decrease, the longer pause stands
    assertEquals(8, limiter.concurrencyLimit());
    for (RateLimiter.Permit p : permits) limiter.completed(p, false, 1, 0);

    RateLimiter.Decision paused = limiter.tryAcquire();
    assertFalse(paused.granted());
    assertEquals(3 * SECOND, paused.waitNanos());
    now += paused.waitNanos();

    // Additive increase: 8 successes at limit 8 make 9, then 9 more make 10.
    for (int i = 0; i < 8; i++) limiter.completed(limiter.tryAcquire().permit(), true, 1, 0);
    assertEquals(9, limiter.concurrencyLimit());
    for (int i = 0; i < 9; i++) limiter.completed(limiter.tryAcquire().permit(), true, 1, 0);
    assertEquals(10, limiter.concurrencyLimit());

    limiter.throttled(limiter.tryAcquire().permit(), null); // no Retry-After: the default pause
    assertEquals(5, limiter.concurrencyLimit());
    assertEquals(RateLimiter.DEFAULT_PAUSE.toNanos(), limiter.tryRestart().waitNanos());
  }

  @Test
  void aSecond429AfterThePauseHalvesAgainButNeverBelowOne() {
    RateLimiter limiter = limiter(RateLimit.of("openai", "m").concurrency(4, 8), 1);
    RateLimiter.Permit permit = limiter.tryAcquire().permit();
    limiter.throttled(permit, Duration.ofSeconds(1));
    assertEquals(2, limiter.concurrencyLimit());
    now += SECOND;
    permit = limiter.tryRestart().permit(); // the pause is over
    limiter.throttled(permit, Duration.ofSeconds(1));
    now += SECOND;
    permit = limiter.tryRestart().permit();
    limiter.throttled(permit, Duration.ofSeconds(1));
    assertEquals(1, limiter.concurrencyLimit());
  }

  @Test
  void aRestartAfterA429WaitsForThePauseButNeedsNoFreeSlot() {
    RateLimiter limiter = limiter(RateLimit.of("openai", "m").concurrency(1, 1), 1);
    limiter.throttled(limiter.tryAcquire().permit(), Duration.ofMillis(500));
    assertEquals(500_000_000L, limiter.tryRestart().waitNanos());
    now += 500_000_000L;
    assertTrue(limiter.tryRestart().granted(), "the call keeps its slot");
    assertEquals(RateLimiter.Decision.FULL, limiter.tryAcquire());
  }
}
