package dev.prompt4j.internal;

import dev.prompt4j.FieldRecord;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One computed field of one prompt call. It is handed to the executor once the fields it needs are
 * done; a thread that needs its value and finds it not yet started runs it itself. A waiting thread
 * therefore only ever waits for a field that is running on another thread, so nested chains cannot
 * deadlock a bounded pool however many fields are pending.
 */
public final class FieldTask<T> implements Runnable {
  private static final int NEW = 0;
  private static final int RUNNING = 1;
  private static final int FINISHED = 2;

  private final Invocation invocation;
  private final String name;
  private final FieldComputation<T> computation;
  private final AtomicInteger state = new AtomicInteger(NEW);
  private final AtomicInteger pendingDependencies;
  final CompletableFuture<T> result = new CompletableFuture<>();
  private volatile Thread runner;
  private volatile boolean cancelled;

  FieldTask(Invocation invocation, String name, FieldComputation<T> computation, int dependencies) {
    this.invocation = invocation;
    this.name = name;
    this.computation = computation;
    this.pendingDependencies = new AtomicInteger(dependencies);
  }

  /** The field name. */
  public String name() {
    return name;
  }

  /** Counts down one finished dependency; true when this was the last. */
  boolean dependencyDone() {
    return pendingDependencies.decrementAndGet() == 0;
  }

  /** Runs the field unless it has started already (on the executor, or by a thread that needed it). */
  @Override
  public void run() {
    if (state.compareAndSet(NEW, RUNNING)) {
      execute();
    }
  }

  private void execute() {
    runner = Thread.currentThread();
    TraceScope previous = TraceScope.enter(TraceScope.field(invocation, name));
    Instant startedAt = Instant.now();
    long start = System.nanoTime();
    try {
      T value = computation.compute();
      invocation.recordField(new FieldRecord(name, startedAt, Duration.ofNanos(System.nanoTime() - start), runner.getName(), null), value);
      state.set(FINISHED);
      result.complete(value);
    } catch (Throwable failure) {
      String message = cancelled ? "cancelled" : String.valueOf(failure.getMessage());
      invocation.recordField(new FieldRecord(name, startedAt, Duration.ofNanos(System.nanoTime() - start), runner.getName(), message), null);
      state.set(FINISHED);
      if (!cancelled) {
        invocation.fail(this, failure);
      }
      result.completeExceptionally(failure);
    } finally {
      TraceScope.restore(previous);
      runner = null;
      if (cancelled) {
        Thread.interrupted(); // the interrupt was ours; do not leave it for the pool's next task
      }
    }
  }

  /** Stops the field: a field not yet started never starts, a running one is interrupted. */
  void cancel() {
    cancelled = true;
    if (state.compareAndSet(NEW, FINISHED)) {
      result.completeExceptionally(new CancellationException(name + " cancelled"));
      return;
    }
    Thread thread = runner;
    if (thread != null && thread != Thread.currentThread()) {
      thread.interrupt();
    }
  }

  /**
   * The field's value: runs it on this thread if nobody has started it, otherwise waits for it.
   *
   * @throws dev.prompt4j.ChainException when this or another field of the call failed
   */
  public T join() {
    run();
    try {
      return result.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      invocation.fail(this, e);
      throw invocation.failure();
    } catch (ExecutionException | CancellationException e) {
      throw invocation.failure();
    }
  }
}
