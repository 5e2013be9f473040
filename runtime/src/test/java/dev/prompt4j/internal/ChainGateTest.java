package dev.prompt4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bound on async calls running at once on the default executor's virtual threads, here over a
 * platform pool that stands in for them (it makes a thread per task, as virtual threads do): calls beyond
 * the bound are queued tasks, not threads; nested calls and fields never wait behind their own caller.
 */
class ChainGateTest {
  private final ThreadPoolExecutor threads =
      new ThreadPoolExecutor(0, Integer.MAX_VALUE, 10, TimeUnit.SECONDS, new java.util.concurrent.SynchronousQueue<>());

  @AfterEach
  void stop() {
    threads.shutdownNow();
  }

  /** A model call that counts the calls in progress at once and waits until {@code release}. */
  private static String call(AtomicInteger inProgress, AtomicInteger most, CountDownLatch release) {
    most.accumulateAndGet(inProgress.incrementAndGet(), Math::max);
    try {
      assertTrue(release.await(10, TimeUnit.SECONDS), "released");
      return "answer";
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    } finally {
      inProgress.decrementAndGet();
    }
  }

  @Test
  void atMostTheLimitOfAsyncCallsRunAndTheOthersWaitAsTasksNotThreads() throws Exception {
    ChainGate gate = new ChainGate(threads, 3);
    AtomicInteger inProgress = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    CountDownLatch release = new CountDownLatch(1);
    List<CompletableFuture<String>> calls = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      calls.add(AsyncCall.start(gate, () -> call(inProgress, most, release)));
    }
    // Handing a task to the threads happens inside start: whatever was not handed over by now waits in the gate.
    assertEquals(3, threads.getTaskCount(), "tasks handed to threads while three calls wait on the model");
    assertEquals(12, gate.started());
    for (int wait = 0; wait < 10_000 && inProgress.get() < 3; wait++) {
      Thread.sleep(1); // the three running calls reach the model
    }
    assertEquals(3, inProgress.get());
    release.countDown();
    for (CompletableFuture<String> c : calls) {
      assertEquals("answer", c.get(10, TimeUnit.SECONDS));
    }
    assertEquals(3, most.get(), "calls in progress at once");
    for (int wait = 0; wait < 10_000 && gate.started() > 0; wait++) {
      Thread.sleep(1); // a call's slot frees just after its future completes
    }
    assertEquals(0, gate.started());
  }

  @Test
  void aCallStartedInsideARunningCallOrItsFieldDoesNotWaitForItsSlot() throws Exception {
    ChainGate gate = new ChainGate(threads, 1);
    CompletableFuture<String> outer = AsyncCall.start(gate, () -> {
      // The only slot is this call's: a nested async call and a field run at once instead of waiting for it.
      CompletableFuture<String> nested = AsyncCall.start(gate, () -> "nested");
      CompletableFuture<String> field = new CompletableFuture<>();
      gate.execute(() -> field.complete(AsyncCall.start(gate, () -> "from a field").join()));
      return nested.join() + " + " + field.join();
    });
    assertEquals("nested + from a field", outer.get(10, TimeUnit.SECONDS));
  }

  @Test
  void aCallCancelledWhileWaitingNeverRunsAndTheNextOneStarts() throws Exception {
    ChainGate gate = new ChainGate(threads, 1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger inProgress = new AtomicInteger();
    AtomicInteger most = new AtomicInteger();
    AtomicInteger ranCancelled = new AtomicInteger();
    CompletableFuture<String> first = AsyncCall.start(gate, () -> call(inProgress, most, release));
    CompletableFuture<String> cancelled = AsyncCall.start(gate, () -> {
      ranCancelled.incrementAndGet();
      return "never";
    });
    CompletableFuture<String> third = AsyncCall.start(gate, () -> "third");
    assertTrue(cancelled.cancel(true));
    release.countDown();
    assertEquals("answer", first.get(10, TimeUnit.SECONDS));
    assertEquals("third", third.get(10, TimeUnit.SECONDS));
    assertEquals(0, ranCancelled.get());
  }
}
