package dev.prompt4j.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The executor computed fields and async methods run on unless configured otherwise: a virtual thread
 * per task on Java 21 and newer, with at most {@link #poolSize()} async calls running at once ({@link
 * ChainGate}), a bounded pool of daemon threads on Java 17.
 */
final class DefaultExecutor {
  private DefaultExecutor() {}

  /**
   * Default threads of the Java 17 pool. Model calls spend seconds waiting on the network, so the
   * bound is set by how many calls may wait at once, not by cores; threads are made on demand and
   * end after a minute idle.
   */
  static final int DEFAULT_POOL_SIZE = 256;

  /**
   * Threads of the Java 17 pool, and on virtual threads how many async calls run at once ({@link
   * ChainGate}): {@code prompt4j.executor.threads}, else {@value #DEFAULT_POOL_SIZE}.
   */
  static int poolSize() {
    String configured = System.getProperty("prompt4j.executor.threads");
    if (configured == null) {
      return DEFAULT_POOL_SIZE;
    }
    try {
      int size = Integer.parseInt(configured.strip());
      if (size >= 1) {
        return size;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new dev.prompt4j.Prompt4jException("prompt4j.executor.threads must be a whole number of at least 1, not '" + configured + "'");
  }

  private static ExecutorService instance; // guarded by DefaultExecutor.class

  /** The shared executor, made on first use (a bad setting is reported on every use, not once). */
  static synchronized ExecutorService get() {
    if (instance == null) {
      instance = create();
    }
    return instance;
  }

  /** One daemon thread that fires time limits ({@code prompt4j.timeout}, {@code prompt4j.chain-timeout}). */
  static ScheduledExecutorService timer() {
    return Timer.INSTANCE;
  }

  private static final class Timer {
    static final ScheduledExecutorService INSTANCE = create();

    private static ScheduledExecutorService create() {
      ScheduledThreadPoolExecutor timer =
          new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "prompt4j-timer");
            thread.setDaemon(true);
            return thread;
          });
      timer.setRemoveOnCancelPolicy(true); // a call that ends in time leaves nothing queued
      return timer;
    }
  }

  private static ExecutorService create() {
    if (!"false".equals(System.getProperty("prompt4j.executor.virtual"))) {
      try {
        // Java 21+: looked up so this class still compiles for and runs on Java 17.
        ExecutorService virtual = (ExecutorService)
            MethodHandles.publicLookup()
                .findStatic(Executors.class, "newVirtualThreadPerTaskExecutor", MethodType.methodType(ExecutorService.class))
                .invoke();
        // As many async calls run at once as the pool has threads on Java 17; the rest wait as queued tasks.
        return new ChainGate(virtual, poolSize());
      } catch (NoSuchMethodException | IllegalAccessException e) {
        // Java 17: fall through to the pool.
      } catch (Throwable e) {
        throw new IllegalStateException("Cannot create the virtual-thread executor", e);
      }
    }
    AtomicInteger count = new AtomicInteger();
    ThreadFactory threads =
        task -> {
          Thread thread = new Thread(task, "prompt4j-" + count.incrementAndGet());
          thread.setDaemon(true);
          return thread;
        };
    return ReusingPool.create(poolSize(), threads);
  }
}
