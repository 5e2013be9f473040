package dev.prompt4j.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prompt4j.ChainException;
import dev.prompt4j.FieldRecord;
import dev.prompt4j.Response;
import dev.prompt4j.Trace;
import dev.prompt4j.chain.ChainPrompts.Branches;
import dev.prompt4j.chain.ChainPrompts.Diamond;
import dev.prompt4j.chain.ChainPrompts.FanOut;
import dev.prompt4j.chain.ChainPrompts.Greeter;
import dev.prompt4j.chain.ChainPrompts.Levels;
import dev.prompt4j.chain.ChainPrompts.Research;
import dev.prompt4j.testing.Runtimes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Computed fields of generated classes run as a graph: each once, independent ones in parallel (proved
 * by barriers the parallel requests must meet at), failures naming the step.
 */
class ChainTest {
  private static final Duration LATENCY = Duration.ofMillis(5);
  private static final Duration GUARD = Duration.ofSeconds(30);

  /** A diamond whose two branches answer only when both are being asked at once. */
  private static ScriptedModel diamondModel() {
    CyclicBarrier branches = new CyclicBarrier(2);
    return new ScriptedModel(LATENCY).on("left:", ScriptedModel.together(branches)).on("right:", ScriptedModel.together(branches));
  }

  @Test
  void diamondMakesFourCallsAndRunsItsTwoBranchesInParallel() {
    ScriptedModel model = diamondModel();
    Diamond diamond = Runtimes.scripted(Diamond.class, model);

    Response<String> response = assertTimeoutPreemptively(GUARD, () -> diamond.top("AI"));

    assertEquals(4, model.requests.size(), model.prompts().toString()); // D once, not once per branch
    assertEquals(1, model.requests("base:").size());
    assertEquals("[top: [left: [base: AI]] | [right: [base: AI]]]", response.value());
    ScriptedModel.Request base = model.requests("base:").get(0);
    ScriptedModel.Request left = model.requests("left:").get(0);
    ScriptedModel.Request right = model.requests("right:").get(0);
    ScriptedModel.Request top = model.requests("top:").get(0);
    assertTrue(left.overlaps(right), "B and C run at the same time: " + left + " " + right);
    assertTrue(base.end() <= left.start() && base.end() <= right.start(), "B and C start after D");
    assertTrue(left.end() <= top.start() && right.end() <= top.start(), "A is sent after B and C");
  }

  @Test
  void eightIndependentFieldsAllRunAtOnce() {
    ScriptedModel model = new ScriptedModel(Duration.ZERO).on("part ", ScriptedModel.together(new CyclicBarrier(8)));
    FanOut fanOut = Runtimes.scripted(FanOut.class, model);

    Response<String> response = assertTimeoutPreemptively(GUARD, () -> fanOut.summary("chips"));

    List<ScriptedModel.Request> parts = model.requests("part ");
    assertEquals(8, parts.size());
    for (ScriptedModel.Request a : parts) {
      for (ScriptedModel.Request b : parts) {
        assertTrue(a.overlaps(b), "every pair of the 8 calls overlaps: " + a + " " + b);
      }
    }
    assertEquals(8, response.calls().size());
    assertEquals(8, response.calls().stream().map(Response::field).collect(Collectors.toSet()).size());
    assertEquals(9, model.requests.size());
  }

  @Test
  void failingBranchCancelsItsSiblingAndNamesThePath() throws Exception {
    CountDownLatch slowStarted = new CountDownLatch(1);
    ScriptedModel model = new ScriptedModel(Duration.ofMillis(10))
        .on("slow", prompt -> {
          slowStarted.countDown();
          new CountDownLatch(1).await(); // answers only when interrupted
          return "never";
        })
        .on("fail after", prompt -> {
          assertTrue(slowStarted.await(10, TimeUnit.SECONDS));
          throw new IllegalStateException("boom");
        });
    Branches branches = Runtimes.scripted(Branches.class, model);

    ChainException e = assertTimeoutPreemptively(GUARD, () -> assertThrows(ChainException.class, () -> branches.top("x")));

    assertEquals(List.of("top", "failing", "ask"), e.path());
    assertTrue(e.getMessage().startsWith("top <- failing <- ask: "), e.getMessage());
    assertEquals(Map.of("quick", "[quick x]"), e.completedFields());
    assertTrue(causes(e).stream().anyMatch(c -> c instanceof IllegalStateException && "boom".equals(c.getMessage())),
        "the original failure is kept: " + causes(e));
    ScriptedModel.Request slow = model.awaitRequest("slow");
    assertTrue(slow.interrupted(), "the sibling's model call was interrupted");
    assertEquals(List.of(), model.requests("later"), "the field that needed the cancelled one never started");
    assertEquals(List.of(), model.requests("top"), "the failed prompt is never sent");
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void aFieldThatFailsOnAPoolThreadIsThrownWithTheCallersFrames() throws Exception {
    ChainPrompts.Probe probe = Runtimes.scripted(ChainPrompts.Probe.class, new ScriptedModel(Duration.ZERO));
    CountDownLatch blocking = new CountDownLatch(1);
    java.util.concurrent.atomic.AtomicReference<Thread> failedOn = new java.util.concurrent.atomic.AtomicReference<>();
    IllegalStateException boom = new IllegalStateException("boom");
    // The caller is inside or waiting for 'blocked' until 'broken' fails: 'broken' runs on a pool thread.
    ChainPrompts.Steps steps = new ChainPrompts.Steps()
        .on("blocked", p -> {
          blocking.countDown();
          new CountDownLatch(1).await(10, TimeUnit.SECONDS); // until cancelled; the bound is only a hang guard
          return "never";
        })
        .on("broken", p -> {
          assertTrue(blocking.await(10, TimeUnit.SECONDS));
          failedOn.set(Thread.currentThread());
          throw boom;
        });

    // Called on this thread (no preemptive time-out, which would call from another one).
    ChainException e = assertThrows(ChainException.class, () -> probe.blocking(steps));

    assertTrue(failedOn.get() != Thread.currentThread(), "the field failed on " + failedOn.get());
    assertTrue(frames(e).contains("aFieldThatFailsOnAPoolThreadIsThrownWithTheCallersFrames"), "the caller's frames: " + frames(e));
    assertEquals(List.of("blocking", "broken"), e.path());
    assertSame(boom, e.getCause(), "the worker's failure is the cause");
    assertEquals(1, e.getSuppressed().length, "the exception made where the field failed is kept");
    ChainException worker = assertInstanceOf(ChainException.class, e.getSuppressed()[0]);
    assertEquals(e.path(), worker.path());
    assertFalse(frames(worker).contains("aFieldThatFailsOnAPoolThreadIsThrownWithTheCallersFrames"),
        "the kept one was made on the pool thread: " + frames(worker));
  }

  private static List<String> frames(Throwable e) {
    return java.util.Arrays.stream(e.getStackTrace()).map(StackTraceElement::getMethodName).toList();
  }

  @Test
  void asyncMethodReturnsBeforeTheModelAnswers() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch answer = new CountDownLatch(1);
    ScriptedModel model = new ScriptedModel(Duration.ZERO).on("greet", prompt -> {
      started.countDown();
      answer.await();
      return "hello";
    });
    Greeter greeter = Runtimes.scripted(Greeter.class, model);

    CompletableFuture<String> value = assertTimeoutPreemptively(GUARD, () -> greeter.greet("Ada"));
    assertTrue(started.await(10, TimeUnit.SECONDS), "the call is being made");
    assertFalse(value.isDone(), "the model has not answered and the caller already has the future");
    CompletableFuture<Response<String>> response = greeter.greetResponse("Bob");
    answer.countDown();

    assertEquals("hello", value.get(10, TimeUnit.SECONDS));
    assertEquals("Greeter.greetResponse", response.get(10, TimeUnit.SECONDS).method());
    assertEquals(List.of("greet Ada", "greet Bob"), model.prompts().stream().sorted().toList());
  }

  @Test
  void cancellingTheFutureOfAnAsyncMethodStopsTheCall() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch interrupted = new CountDownLatch(1);
    ScriptedModel model = new ScriptedModel(Duration.ZERO).on("greet", prompt -> {
      started.countDown();
      try {
        new CountDownLatch(1).await(); // a model that never answers
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
      return "never";
    });
    ExecutorService pool = Executors.newFixedThreadPool(1);
    try {
      Greeter greeter = Runtimes.scripted(Greeter.class, model, pool);

      CompletableFuture<String> value = greeter.greet("Ada");
      assertTrue(started.await(10, TimeUnit.SECONDS));
      assertTrue(value.cancel(true));

      assertTrue(interrupted.await(10, TimeUnit.SECONDS), "the model request was interrupted");
      assertTrue(value.isCancelled());
      // The pool's only thread is free again, and not left interrupted.
      assertFalse(pool.submit(() -> Thread.currentThread().isInterrupted()).get(10, TimeUnit.SECONDS));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void threeLevelNestedChainDoesNotDeadlockTwoThreads() {
    ScriptedModel model = new ScriptedModel(Duration.ofMillis(5));
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Levels levels = Runtimes.scripted(Levels.class, model, pool);

      String value = assertTimeoutPreemptively(GUARD, () -> levels.l1("x"));

      // l1: 4 fields -> l2: 3 fields each -> l3: 2 fields each -> leaf; 24 leaves, 12 l3, 4 l2, 1 l1
      assertEquals(41, model.requests.size());
      assertEquals(24, model.requests("leaf ").size());
      assertTrue(value.startsWith("[l1 [l2 [l3 [leaf x.a1.b1.c1][leaf x.a1.b1.c2]]"), value);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void jsonShowsTheNestedCallsAndFieldTimings() throws Exception {
    ScriptedModel model = diamondModel();
    Diamond diamond = Runtimes.scripted(Diamond.class, model);

    Response<String> response = assertTimeoutPreemptively(GUARD, () -> diamond.top("AI"));
    JsonNode json = new ObjectMapper().readTree(response.toJson());

    assertEquals("Diamond.top", json.get("method").asText());
    Set<String> nested = new java.util.HashSet<>();
    for (JsonNode call : json.get("calls")) {
      nested.add(call.get("method").asText() + "@" + call.get("field").asText());
      assertNotNull(call.get("startedAt").asText());
      assertTrue(call.get("latencyMillis").asDouble() > 0);
    }
    assertEquals(Set.of("Diamond.base@baseField", "Diamond.left@leftField", "Diamond.right@rightField"), nested);
    List<String> fieldNames = new ArrayList<>();
    for (JsonNode field : json.get("fields")) {
      fieldNames.add(field.get("name").asText());
      assertTrue(field.get("durationMillis").asDouble() > 0);
      assertNotNull(field.get("startedAt").asText());
      assertNotNull(field.get("thread").asText());
    }
    assertEquals("baseField", fieldNames.get(0));
    assertEquals(Set.of("baseField", "leftField", "rightField"), Set.copyOf(fieldNames));
    // The field records themselves show which parts overlapped.
    FieldRecord left = field(response, "leftField");
    FieldRecord right = field(response, "rightField");
    assertTrue(left.startedAt().isBefore(right.startedAt().plus(right.duration()))
        && right.startedAt().isBefore(left.startedAt().plus(left.duration())), left + " " + right);
    assertEquals(4 * 5, response.totalUsage().totalTokens());
  }

  @Test
  void callsMadeInsideAFieldsCodeAreTracedUnderIt() {
    CyclicBarrier fanOut = new CyclicBarrier(2);
    ScriptedModel model = new ScriptedModel(Duration.ZERO)
        .on("note tides A", ScriptedModel.together(fanOut))
        .on("note tides B", ScriptedModel.together(fanOut));
    Research research = Runtimes.scripted(Research.class, model);

    Response<String> report = assertTimeoutPreemptively(GUARD, () -> research.report("tides"));

    Map<String, List<String>> byField = report.calls().stream()
        .collect(Collectors.groupingBy(Response::field, Collectors.mapping(Response::method, Collectors.toList())));
    assertEquals(List.of("Research.note", "Research.note", "Research.note"), byField.get("loopNotes"));
    assertEquals(List.of("Research.noteAsync", "Research.noteAsync"), byField.get("fanNotes"));
    assertTrue(model.awaitRequestUnchecked("note tides A").overlaps(model.awaitRequestUnchecked("note tides B")),
        "the user's own fan-out of async calls runs in parallel");
    assertEquals("[report: [note tides 1][note tides 2][note tides 3] [note tides A][note tides B]]", report.value());
  }

  @Test
  void traceCaptureCollectsPlainJavaLoopsAndNestedChains() {
    ScriptedModel model = diamondModel();
    Research research = Runtimes.scripted(Research.class, model);
    Diamond diamond = Runtimes.scripted(Diamond.class, model);

    Trace.Captured<String> loop = Trace.capture(() -> {
      String draft = "draft";
      for (int i = 0; i < 3; i++) {
        draft = research.note(draft);
      }
      return draft;
    });
    Trace.Captured<String> asyncJoined = Trace.capture(() -> research.noteAsync("later").join());
    Trace.Captured<Response<String>> chain = Trace.capture(() -> diamond.top("AI"));

    assertEquals("[note [note [note draft]]]", loop.value());
    assertEquals(3, loop.calls().size());
    assertEquals(15, loop.totalUsage().totalTokens());
    assertEquals(List.of("Research.noteAsync"), asyncJoined.calls().stream().map(Response::method).toList());
    assertEquals(1, chain.calls().size(), "one top-level call; its fields' calls are nested in it");
    assertEquals(3, chain.calls().get(0).calls().size());
    assertEquals(20, chain.totalUsage().totalTokens());
    assertInstanceOf(String.class, chain.value().value());
  }

  @Test
  void capturesNestAndKeepTheirCallsForTheEnclosingCapture() {
    ScriptedModel model = new ScriptedModel(Duration.ofMillis(1));
    Research research = Runtimes.scripted(Research.class, model);

    Trace.Captured<Trace.Captured<String>> outer = Trace.capture(() -> {
      research.note("first");
      return Trace.capture(() -> research.note("second"));
    });

    assertEquals(List.of("Research.note"), outer.value().calls().stream().map(Response::method).toList());
    assertEquals(2, outer.calls().size(), "the outer capture also sees the call made inside the inner one");
  }

  @Test
  void propagatingExecutorTracesTheUsersOwnFanOut() throws Exception {
    ScriptedModel model = new ScriptedModel(Duration.ofMillis(1));
    Research research = Runtimes.scripted(Research.class, model);
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
    try {
      Trace.Captured<List<String>> run = Trace.capture(() -> {
        java.util.concurrent.CompletableFuture<String> traced =
            java.util.concurrent.CompletableFuture.supplyAsync(() -> research.note("traced"), Trace.propagating(pool));
        java.util.concurrent.CompletableFuture<String> plain =
            java.util.concurrent.CompletableFuture.supplyAsync(() -> research.note("plain"), pool);
        return List.of(traced.join(), plain.join());
      });

      assertEquals(List.of("[note traced]", "[note plain]"), run.value());
      assertEquals(1, run.calls().size(), "only the task submitted through Trace.propagating is traced");
      assertTrue(run.calls().get(0).messages().toString().contains("traced"));
    } finally {
      pool.shutdownNow();
    }
  }

  private static FieldRecord field(Response<?> response, String name) {
    return response.fields().stream().filter(f -> f.name().equals(name)).findFirst().orElseThrow();
  }

  static List<Throwable> causes(Throwable e) {
    List<Throwable> all = new ArrayList<>();
    for (Throwable t = e; t != null && !all.contains(t); t = t.getCause()) {
      all.add(t);
    }
    return all;
  }
}
