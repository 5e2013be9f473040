package dev.prompt4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The Java 17 pool reuses idle threads, starts threads up to its size, then queues. */
class ReusingPoolTest {
  private static ThreadPoolExecutor pool(int size) {
    return (ThreadPoolExecutor) ReusingPool.create(size, task -> {
      Thread t = new Thread(task, "test-pool");
      t.setDaemon(true);
      return t;
    });
  }

  /** Waits (bounded) until a thread of {@code pool} is idle and waiting for work. */
  private static void untilIdle(ThreadPoolExecutor pool) throws InterruptedException {
    for (int i = 0; i < 10_000 && !((LinkedTransferQueue<Runnable>) pool.getQueue()).hasWaitingConsumer(); i++) {
      Thread.sleep(1);
    }
  }

  @Test
  void anIdleThreadTakesTheNextTaskInsteadOfANewThread() throws Exception {
    ThreadPoolExecutor pool = pool(256);
    try {
      for (int i = 0; i < 20; i++) {
        pool.submit(() -> {}).get(20, TimeUnit.SECONDS);
        untilIdle(pool);
      }
      assertEquals(1, pool.getLargestPoolSize()); // a plain pool of 256 core threads would have started 20
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void busyThreadsMeanNewThreadsUpToTheSizeThenALine() throws Exception {
    ThreadPoolExecutor pool = pool(3);
    try {
      CyclicBarrier together = new CyclicBarrier(3);
      CountDownLatch release = new CountDownLatch(1);
      List<Future<?>> tasks = new ArrayList<>();
      for (int i = 0; i < 3; i++) {
        tasks.add(pool.submit(() -> {
          together.await(20, TimeUnit.SECONDS); // three at once: three threads
          return release.await(20, TimeUnit.SECONDS);
        }));
      }
      for (int i = 0; i < 4; i++) {
        tasks.add(pool.submit(() -> "queued"));
      }
      assertEquals(4, pool.getQueue().size());
      release.countDown();
      for (Future<?> task : tasks) {
        task.get(20, TimeUnit.SECONDS);
      }
      assertEquals(3, pool.getLargestPoolSize());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aShutDownPoolRejects() {
    ExecutorService pool = pool(2);
    pool.shutdown();
    RejectedExecutionException e = assertThrows(RejectedExecutionException.class, () -> pool.execute(() -> {}));
    assertTrue(e.getMessage().contains("shut down"), e.getMessage());
  }
}
