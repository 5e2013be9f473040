package dev.prompt4j.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.ChainException;
import dev.prompt4j.chain.ChainPrompts.Probe;
import dev.prompt4j.chain.ChainPrompts.Steps;
import dev.prompt4j.testing.Runtimes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Cancellation and failure racing with the fields' own progress, in generated code. */
class FieldRaceTest {
  private static final Duration GUARD = Duration.ofSeconds(30);

  private static Steps.Step fails() {
    return probe -> {
      throw new IllegalStateException("broken");
    };
  }

  @Test
  void fieldDeclaredAfterAFailureNeverRuns() {
    ScriptedModel model = new ScriptedModel(Duration.ZERO);
    // Run fields as soon as they are forked, so the first has failed before the second is forked.
    Probe probe = Runtimes.scripted(Probe.class, model, Runnable::run);
    AtomicBoolean ran = new AtomicBoolean();
    Steps steps = new Steps().on("broken", fails()).on("afterwards", p -> {
      ran.set(true);
      return "computed";
    });

    ChainException e = assertThrows(ChainException.class, () -> probe.brokenFirst(steps));

    assertEquals(List.of("brokenFirst", "broken"), e.path());
    assertFalse(ran.get(), "a field forked after the call failed is not computed");
    assertEquals(List.of(), model.requests);
  }

  @Test
  void cancelledFieldThatSwallowsTheInterruptCannotStartANewCall() throws Exception {
    ScriptedModel model = new ScriptedModel(Duration.ZERO);
    Probe probe = Runtimes.scripted(Probe.class, model);
    CountDownLatch waiting = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();
    Steps steps = new Steps()
        .on("stubborn", p -> {
          waiting.countDown();
          try {
            new CountDownLatch(1).await();
          } catch (InterruptedException swallowed) {
            interrupted.set(true); // user code that ignores the interrupt and carries on
          }
          return p.ask("after cancel");
        })
        .on("broken", p -> {
          assertTrue(waiting.await(10, TimeUnit.SECONDS));
          throw new IllegalStateException("broken");
        });

    ChainException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(ChainException.class, () -> probe.swallowing(steps)));

    assertEquals(List.of("swallowing", "broken"), e.path());
    assertTrue(interrupted.get(), "the sibling was interrupted");
    assertEquals(List.of(), model.requests("after cancel"), "and the call it tried afterwards never reached the model");
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void cancelledFieldLeavesNoInterruptOnThePoolThreads() throws Exception {
    ScriptedModel model = new ScriptedModel(Duration.ZERO);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Probe probe = Runtimes.scripted(Probe.class, model, pool);
      CountDownLatch waiting = new CountDownLatch(1);
      // Deterministic part: a field blocked when its sibling fails is interrupted, then its thread is clean.
      Steps blocked = new Steps()
          .on("blocked", p -> {
            waiting.countDown();
            new CountDownLatch(1).await();
            return "never";
          })
          .on("broken", p -> {
            assertTrue(waiting.await(10, TimeUnit.SECONDS));
            throw new IllegalStateException("broken");
          });
      assertThrows(ChainException.class, () -> probe.blocking(blocked));
      assertEquals(List.of(false, false), probe(pool));

      // Racing part: the failure cancels a sibling that is finishing at that very moment, many times.
      Steps racing = new Steps().on("done", p -> "ok").on("broken", fails()).on("after", p -> "ok");
      AtomicInteger iterations = new AtomicInteger();
      assertTimeoutPreemptively(GUARD, () -> {
        for (int i = 0; i < 300; i++) {
          assertThrows(ChainException.class, () -> probe.racing(racing));
          assertEquals(List.of(false, false), probe(pool), "iteration " + i);
          assertFalse(Thread.currentThread().isInterrupted(), "iteration " + i);
          iterations.incrementAndGet();
        }
      });
      assertEquals(300, iterations.get());
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void defaultExecutorUsesVirtualThreadsFrom21AndABoundedDaemonPoolOn17() throws Exception {
    Probe probe = Runtimes.scripted(Probe.class, new ScriptedModel(Duration.ZERO));
    AtomicReference<Thread> runner = new AtomicReference<>();
    CountDownLatch forked = new CountDownLatch(1);

    // The caller joins 'blocked' first, which waits until 'where' runs: so 'where' cannot be run by the
    // caller's join, only by the executor.
    probe.located(new Steps()
        .on("blocked", p -> {
          assertTrue(forked.await(10, TimeUnit.SECONDS), "the field ran on the executor, not waiting for a join");
          return "";
        })
        .on("where", p -> {
          runner.set(Thread.currentThread());
          forked.countDown();
          return "here";
        }));

    Thread thread = runner.get();
    assertNotSame(Thread.currentThread(), thread);
    if (Runtime.version().feature() >= 21) {
      assertEquals(true, Thread.class.getMethod("isVirtual").invoke(thread), thread.toString());
    } else {
      assertTrue(thread.getName().startsWith("prompt4j-") && thread.isDaemon(), thread.toString());
    }
  }

  /** Whether each of the pool's two threads is interrupted when it takes its next task. */
  private static List<Boolean> probe(ExecutorService pool) throws Exception {
    CyclicBarrier both = new CyclicBarrier(2);
    List<Future<Boolean>> probes = List.of(pool.submit(() -> check(both)), pool.submit(() -> check(both)));
    return List.of(probes.get(0).get(10, TimeUnit.SECONDS), probes.get(1).get(10, TimeUnit.SECONDS));
  }

  private static boolean check(CyclicBarrier both) throws Exception {
    boolean interrupted = Thread.currentThread().isInterrupted();
    both.await(10, TimeUnit.SECONDS); // one probe per thread
    return interrupted;
  }
}
