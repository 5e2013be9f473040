package dev.prompt4j.internal;

import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Interrupts the thread that made it when a time limit passes, and only until it is closed: the
 * interrupt it sent is cleared on close, so it never reaches later work of that thread.
 */
final class Watchdog {
  private final Thread thread = Thread.currentThread();
  private final Runnable onExpiry;
  private final ScheduledFuture<?> timer;
  private boolean fired; // guarded by this
  private boolean closed; // guarded by this
  private boolean interruptSent; // guarded by this: our interrupt set the flag (it was not set before)

  Watchdog(Duration limit, Runnable onExpiry) {
    this.onExpiry = onExpiry;
    this.timer = DefaultExecutor.timer().schedule(this::expire, Math.max(0, limit.toNanos()), TimeUnit.NANOSECONDS);
  }

  private void expire() {
    synchronized (this) {
      if (closed) {
        return;
      }
      fired = true;
    }
    onExpiry.run();
    synchronized (this) {
      if (!closed) {
        // Someone else's interrupt, already there, is theirs: it is never cleared on close.
        interruptSent = !thread.isInterrupted();
        thread.interrupt();
      }
    }
  }

  /** Stops the timer; true when the limit had passed. Call on the thread that made it. */
  boolean close() {
    boolean expired;
    boolean ours;
    synchronized (this) {
      if (closed) {
        return fired;
      }
      closed = true;
      expired = fired;
      ours = interruptSent;
    }
    timer.cancel(false);
    if (ours) {
      Thread.interrupted(); // ours: it must not reach the thread's later work
    }
    return expired;
  }
}
