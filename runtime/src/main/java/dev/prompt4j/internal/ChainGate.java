package dev.prompt4j.internal;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The default executor on virtual threads, with a bound on how many async calls run at once. A
 * virtual thread is cheap to start but not to keep: a call waiting on the network parks it deep in the
 * HTTP client's stack, tens of kilobytes per call. Async calls started beyond the bound wait here as
 * queued tasks (about a hundred bytes each), the way they wait in the Java 17 pool's queue, and start
 * as running ones end.
 *
 * <p>Only the start of an async call ({@link #startCall}) waits. Everything else ({@link #execute}:
 * computed fields) starts at once, and so does an async call started from a thread this executor
 * runs, so a running call never waits for a slot that only its own end would free.
 */
final class ChainGate extends AbstractExecutorService {
  /** Whether the current thread runs a task of a gate: its async calls do not queue. */
  private static final ThreadLocal<Boolean> INSIDE = new ThreadLocal<>();

  private final ExecutorService threads;
  private final int limit;
  private final Queue<Runnable> waiting = new ConcurrentLinkedQueue<>();
  private final AtomicInteger running = new AtomicInteger();

  ChainGate(ExecutorService threads, int limit) {
    if (limit < 1) {
      throw new IllegalArgumentException("at least one async call must be able to run, not " + limit);
    }
    this.threads = threads;
    this.limit = limit;
  }

  /** How many async calls may run at once. */
  int limit() {
    return limit;
  }

  /** Async calls started and not yet ended, running or waiting. */
  int started() {
    return running.get() + waiting.size();
  }

  /** Starts an async call now if fewer than {@link #limit} run, else when one ends. */
  void startCall(Runnable call) {
    if (INSIDE.get() != null) {
      execute(call); // started by a running call or one of its fields: never waits behind its own caller
      return;
    }
    waiting.add(call);
    startWaiting();
  }

  /** Starts waiting calls while slots are free; called after every change of either. */
  private void startWaiting() {
    while (!waiting.isEmpty()) {
      int now = running.get();
      if (now >= limit) {
        return; // the call that frees a slot starts the next
      }
      if (!running.compareAndSet(now, now + 1)) {
        continue;
      }
      Runnable next = waiting.poll();
      if (next == null) {
        running.decrementAndGet(); // another thread took it; look again
        continue;
      }
      try {
        threads.execute(() -> run(next, true));
      } catch (RejectedExecutionException e) {
        running.decrementAndGet();
        throw e;
      }
    }
  }

  private void run(Runnable task, boolean holdsSlot) {
    INSIDE.set(Boolean.TRUE);
    try {
      task.run();
    } finally {
      INSIDE.remove();
      if (holdsSlot) {
        running.decrementAndGet();
        startWaiting();
      }
    }
  }

  /** Runs {@code task} at once (computed fields, nested calls): it is part of a call that already runs. */
  @Override
  public void execute(Runnable task) {
    threads.execute(() -> run(task, false));
  }

  @Override
  public void shutdown() {
    threads.shutdown();
  }

  @Override
  public List<Runnable> shutdownNow() {
    return threads.shutdownNow();
  }

  @Override
  public boolean isShutdown() {
    return threads.isShutdown();
  }

  @Override
  public boolean isTerminated() {
    return threads.isTerminated();
  }

  @Override
  public boolean awaitTermination(long timeout, TimeUnit unit) throws InterruptedException {
    return threads.awaitTermination(timeout, unit);
  }
}
