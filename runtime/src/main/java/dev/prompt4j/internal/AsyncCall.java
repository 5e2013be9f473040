package dev.prompt4j.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.Supplier;

/**
 * The future an async prompt method returns. Unlike {@link CompletableFuture#supplyAsync}'s, cancelling
 * it stops the call: the thread running it is interrupted, which ends the model request and cancels
 * the call's computed fields.
 *
 * @param <V> the value
 */
final class AsyncCall<V> extends CompletableFuture<V> {
  private Thread runner; // guarded by this

  private AsyncCall() {}

  /** Runs {@code work} on {@code executor}; the returned future completes with its result. */
  static <V> AsyncCall<V> start(Executor executor, Supplier<V> work) {
    AsyncCall<V> call = new AsyncCall<>();
    try {
      if (executor instanceof ChainGate gate) {
        gate.startCall(() -> call.run(work)); // on virtual threads: waits as a task, not a parked thread, beyond the bound
      } else {
        executor.execute(() -> call.run(work));
      }
    } catch (RejectedExecutionException e) {
      call.completeExceptionally(e);
    }
    return call;
  }

  private void run(Supplier<V> work) {
    Thread thread = Thread.currentThread();
    synchronized (this) {
      if (isDone()) {
        return; // cancelled before it started
      }
      runner = thread;
    }
    try {
      complete(work.get());
    } catch (Throwable failure) {
      completeExceptionally(failure);
    } finally {
      synchronized (this) {
        runner = null; // from here on cancel() does not interrupt this thread
      }
      if (isCancelled()) {
        Thread.interrupted(); // ours: do not leave it for the executor's next task
      }
    }
  }

  @Override
  public boolean cancel(boolean mayInterruptIfRunning) {
    boolean cancelled = super.cancel(mayInterruptIfRunning);
    if (cancelled) {
      synchronized (this) {
        if (runner != null) {
          runner.interrupt();
        }
      }
    }
    return cancelled;
  }
}
