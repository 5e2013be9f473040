package dev.prompt4j.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A time limit's interrupt is cleared when the limit is closed, and only that interrupt. */
class WatchdogTest {
  @AfterEach
  void clearInterrupt() {
    Thread.interrupted();
  }

  @Test
  void itsOwnInterruptIsClearedOnClose() {
    Watchdog limit = new Watchdog(Duration.ZERO, () -> {});
    while (!Thread.currentThread().isInterrupted()) {
      Thread.onSpinWait(); // the timer fires at once and interrupts this thread
    }

    assertTrue(limit.close(), "the limit passed");
    assertFalse(Thread.currentThread().isInterrupted(), "the watchdog's interrupt must not reach later work");
  }

  @Test
  void anInterruptFromElsewhereSurvivesTheClose() {
    Thread.currentThread().interrupt(); // the caller's own interrupt, there before the limit passed
    AtomicBoolean expired = new AtomicBoolean();
    Watchdog limit = new Watchdog(Duration.ZERO, () -> expired.set(true));
    while (!expired.get()) {
      Thread.onSpinWait();
    }

    assertTrue(limit.close(), "the limit passed");
    assertTrue(Thread.currentThread().isInterrupted(), "someone else's interrupt must stay");
  }

  @Test
  void aLimitClosedInTimeNeverInterrupts() {
    Watchdog limit = new Watchdog(Duration.ofMinutes(5), () -> {});

    assertFalse(limit.close());
    assertFalse(Thread.currentThread().isInterrupted());
  }
}
