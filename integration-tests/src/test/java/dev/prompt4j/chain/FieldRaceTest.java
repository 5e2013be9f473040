package dev.prompt4j.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.ChainException;
import dev.prompt4j.chain.ChainPrompts.BranchesImpl;
import dev.prompt4j.internal.FieldTask;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptMethod;
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
import org.junit.jupiter.api.Test;

/** Cancellation and failure racing with the fields' own progress. Renderers are written as generated. */
class FieldRaceTest {
  interface Probe {}

  private static final PromptMethod<String> PROBE = TestPrompts.text(Probe.class, "probe");
  private static final Duration GUARD = Duration.ofSeconds(30);

  @Test
  void fieldDeclaredAfterAFailureNeverRuns() {
    ScriptedModel model = new ScriptedModel(Duration.ZERO);
    // Run fields as soon as they are declared, so the first has failed before the second is declared.
    PromptContext context = TestPrompts.context(model).withExecutor(Runnable::run);
    AtomicBoolean ran = new AtomicBoolean();

    ChainException e = assertThrows(ChainException.class, () -> context.invoke(PROBE, invocation -> {
      FieldTask<String> broken = invocation.field("broken", () -> {
        throw new IllegalStateException("broken");
      });
      FieldTask<String> afterwards = invocation.field("afterwards", () -> {
        ran.set(true);
        return "computed";
      });
      return Messages.single(afterwards.join() + broken.join());
    }));

    assertEquals(List.of("probe", "broken"), e.path());
    assertFalse(ran.get(), "a field joined after the call failed is not computed");
    assertEquals(List.of(), model.requests);
  }

  @Test
  void cancelledFieldThatSwallowsTheInterruptCannotStartANewCall() throws Exception {
    ScriptedModel model = new ScriptedModel(Duration.ZERO);
    PromptContext context = TestPrompts.context(model);
    BranchesImpl prompts = new BranchesImpl(context);
    CountDownLatch waiting = new CountDownLatch(1);
    AtomicBoolean interrupted = new AtomicBoolean();

    ChainException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(ChainException.class, () -> context.invoke(PROBE, invocation -> {
      FieldTask<String> stubborn = invocation.field("stubborn", () -> {
        waiting.countDown();
        try {
          new CountDownLatch(1).await();
        } catch (InterruptedException swallowed) {
          interrupted.set(true); // user code that ignores the interrupt and carries on
        }
        return prompts.ask("after cancel");
      });
      FieldTask<String> broken = invocation.field("broken", () -> {
        assertTrue(waiting.await(10, TimeUnit.SECONDS));
        throw new IllegalStateException("broken");
      });
      return Messages.single(stubborn.join() + broken.join());
    })));

    assertEquals(List.of("probe", "broken"), e.path());
    assertTrue(interrupted.get(), "the sibling was interrupted");
    assertEquals(List.of(), model.requests("after cancel"), "and the call it tried afterwards never reached the model");
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void cancelledFieldLeavesNoInterruptOnThePoolThreads() throws Exception {
    ScriptedModel model = new ScriptedModel(Duration.ZERO);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      PromptContext context = TestPrompts.context(model).withExecutor(pool);
      CountDownLatch waiting = new CountDownLatch(1);
      // Deterministic part: a field blocked when its sibling fails is interrupted, then its thread is clean.
      assertThrows(ChainException.class, () -> context.invoke(PROBE, invocation -> {
        FieldTask<String> blocked = invocation.field("blocked", () -> {
          waiting.countDown();
          new CountDownLatch(1).await();
          return "never";
        });
        FieldTask<String> broken = invocation.field("broken", () -> {
          assertTrue(waiting.await(10, TimeUnit.SECONDS));
          throw new IllegalStateException("broken");
        });
        return Messages.single(blocked.join() + broken.join());
      }));
      assertEquals(List.of(false, false), probe(pool));

      // Racing part: the failure cancels a sibling that is finishing at that very moment, many times.
      AtomicInteger iterations = new AtomicInteger();
      assertTimeoutPreemptively(GUARD, () -> {
        for (int i = 0; i < 300; i++) {
          assertThrows(ChainException.class, () -> context.invoke(PROBE, invocation -> {
            FieldTask<String> done = invocation.field("done", () -> "ok");
            FieldTask<String> broken = invocation.field("broken", () -> {
              throw new IllegalStateException("broken");
            });
            FieldTask<String> after = invocation.field("after", () -> "ok", done);
            return Messages.single(after.join() + broken.join() + done.join());
          }));
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
    PromptContext context = TestPrompts.context(new ScriptedModel(Duration.ZERO));
    java.util.concurrent.atomic.AtomicReference<Thread> runner = new java.util.concurrent.atomic.AtomicReference<>();
    CountDownLatch forked = new CountDownLatch(1);
    context.invoke(PROBE, invocation -> {
      FieldTask<String> field = invocation.field("where", () -> {
        runner.set(Thread.currentThread());
        forked.countDown();
        return "here";
      });
      assertTrue(forked.await(10, TimeUnit.SECONDS), "the field ran on the executor, not waiting for a join");
      return Messages.single(field.join());
    });

    Thread thread = runner.get();
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
