package dev.prompt4j.internal;

import dev.prompt4j.FieldRecord;
import dev.prompt4j.internal.call.CallObserver;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One computed field of one prompt call. It is handed to the executor once the fields it needs are
 * done; a thread that needs its value and finds it not yet started runs it itself. A waiting thread
 * therefore only ever waits for a field that is running on another thread, so nested chains cannot
 * deadlock a bounded pool however many fields are pending.
 *
 * <p>Cancellation interrupts the thread running the field, and only while it runs the field: the
 * interrupt and the end of the field are ordered by this task's monitor, so an interrupt meant for a
 * cancelled field never lands on the next task a pool thread takes.
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
  private Thread runner; // guarded by this
  private volatile boolean cancelled;
  private boolean interruptSent; // guarded by this: cancel() interrupted the runner

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

  /** Whether the field is being computed now. */
  boolean running() {
    return state.get() == RUNNING;
  }

  /** Runs the field unless it has started already (on the executor, or by a thread that needed it). */
  @Override
  public void run() {
    if (state.compareAndSet(NEW, RUNNING)) {
      execute();
    }
  }

  private void execute() {
    Thread thread = Thread.currentThread();
    boolean interruptedBefore = thread.isInterrupted();
    synchronized (this) {
      runner = thread;
    }
    // A cancel that came between the state change and here found no runner to interrupt: honour it
    // now. A call that failed already does not start new work either.
    if (cancelled || invocation.failure() != null) {
      finishCancelled();
      clearOurInterrupt(interruptedBefore);
      return;
    }
    TraceScope previous = TraceScope.enter(TraceScope.field(invocation, name));
    CallObserver observer = invocation.observer();
    observer.fieldStarted(name);
    long start = System.nanoTime();
    try {
      T value = computation.compute();
      long nanos = System.nanoTime() - start;
      invocation.recordField(FieldRecord.ofNanoTime(name, start, Duration.ofNanos(nanos), thread.getName(), null), value);
      observer.fieldFinished(name, nanos, null);
      state.set(FINISHED);
      result.complete(value);
    } catch (Throwable failure) {
      boolean ours = cancelled; // failed because we cancelled it, or on its own
      String message = ours ? "cancelled" : String.valueOf(failure.getMessage());
      long nanos = System.nanoTime() - start;
      invocation.recordField(FieldRecord.ofNanoTime(name, start, Duration.ofNanos(nanos), thread.getName(), message), null);
      observer.fieldFinished(name, nanos, failure);
      state.set(FINISHED);
      if (!ours) {
        invocation.fail(this, failure);
      }
      result.completeExceptionally(failure);
    } finally {
      TraceScope.restore(previous);
      synchronized (this) {
        runner = null; // from here on cancel() does not interrupt this thread
      }
      clearOurInterrupt(interruptedBefore);
    }
  }

  /**
   * Clears the interrupt cancel() sent, so it does not reach the thread's next task; an interrupt that
   * came from elsewhere (the thread's own caller) stays.
   */
  private void clearOurInterrupt(boolean interruptedBefore) {
    boolean ours;
    synchronized (this) {
      ours = interruptSent;
      interruptSent = false;
    }
    if (ours && !interruptedBefore) {
      Thread.interrupted();
    }
  }

  private void finishCancelled() {
    synchronized (this) {
      runner = null;
    }
    state.set(FINISHED);
    result.completeExceptionally(new CancellationException(name + " cancelled"));
  }

  /** Stops the field: a field not yet started never starts, a running one is interrupted. */
  void cancel() {
    cancelled = true;
    if (state.compareAndSet(NEW, FINISHED)) {
      result.completeExceptionally(new CancellationException(name + " cancelled"));
      return;
    }
    synchronized (this) {
      if (runner != null && runner != Thread.currentThread()) {
        runner.interrupt();
        interruptSent = true;
      }
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
      invocation.interrupted(this, e);
      throw invocation.failureOr(e);
    } catch (ExecutionException | CancellationException e) {
      throw invocation.failureOr(e instanceof ExecutionException ? e.getCause() : e);
    }
  }
}
