package dev.prompt4j.internal;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The Java 17 pool: a task goes to an idle thread when there is one, else to a new thread up to
 * {@code size}, else waits in line. A plain {@link ThreadPoolExecutor} with {@code size} core threads
 * starts a new thread for every task until it has {@code size} of them, even while others sit idle:
 * each turn of parallel tool calls paid for starting threads on the calling thread, and an application
 * kept up to {@code size} threads for work that a few could do. Threads end after a minute idle.
 */
final class ReusingPool {
  private ReusingPool() {}

  /** Hands a task to a waiting thread, or says no so the pool starts one. */
  static final class IdleFirstQueue extends LinkedTransferQueue<Runnable> {
    private static final long serialVersionUID = 1L;

    @Override
    public boolean offer(Runnable task) {
      return tryTransfer(task);
    }

    /** Every thread is busy and the pool is full: the task waits for the first to be free. */
    void waitInLine(Runnable task) {
      super.offer(task);
    }
  }

  static ExecutorService create(int size, ThreadFactory threads) {
    IdleFirstQueue queue = new IdleFirstQueue();
    return new ThreadPoolExecutor(0, size, 60, TimeUnit.SECONDS, queue, threads, (task, pool) -> {
      if (pool.isShutdown()) {
        throw new RejectedExecutionException("The Prompt4j executor is shut down");
      }
      queue.waitInLine(task);
    });
  }
}
