package dev.prompt4j.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.ChainException;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.chain.ChainPrompts.TimedImpl;
import dev.prompt4j.internal.Configuration;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * {@code prompt4j.timeout} (one prompt call's model request) and {@code prompt4j.chain-timeout} (a
 * whole call with its fields) end the call like a failure: the hung request is interrupted, the
 * exception names the step and keeps what was computed.
 */
class TimeoutTest {
  private static final Duration GUARD = Duration.ofSeconds(30);

  /** A model that answers at once, except that prompts starting with "stuck" never get an answer. */
  private static ScriptedModel hangingModel() {
    return new ScriptedModel(Duration.ZERO).on("stuck", prompt -> {
      new CountDownLatch(1).await();
      return "never";
    });
  }

  private static ChainException fails(Executable call) {
    return assertTimeoutPreemptively(GUARD, () -> assertThrows(ChainException.class, call));
  }

  @Test
  void callTimeoutInterruptsTheRequestAndNamesTheCall() throws Exception {
    ScriptedModel model = hangingModel();
    TimedImpl timed = new TimedImpl(TestPrompts.context(model, TestPrompts.configuration("prompt4j.timeout", "200ms")));

    ChainException e = fails(() -> timed.ask("stuck here"));

    assertEquals(List.of("ask"), e.path());
    TimeoutException cause = assertInstanceOf(TimeoutException.class, e.getCause());
    assertTrue(cause.getMessage().contains("Timed.ask: no answer within 200 ms (prompt4j.timeout)"), cause.getMessage());
    assertTrue(model.awaitRequest("stuck").interrupted());
    assertFalse(Thread.currentThread().isInterrupted(), "the time limit's interrupt does not outlive the call");
    assertEquals("[fine]", timed.ask("fine"), "the thread goes on working");
  }

  @Test
  void callTimeoutOfANestedCallNamesThePathAndKeepsTheFieldsComputed() throws Exception {
    ScriptedModel model = hangingModel();
    // Method level: only Timed.ask has a limit; fields are computed on the default executor.
    TimedImpl timed = new TimedImpl(TestPrompts.context(model, TestPrompts.configuration("prompt4j.Timed.ask.timeout", "200ms")));

    ChainException e = fails(() -> timed.top("tides"));

    assertEquals(List.of("top", "stuck", "ask"), e.path());
    assertTrue(e.getMessage().startsWith("top <- stuck <- ask: Timed.ask: no answer within 200 ms"), e.getMessage());
    assertInstanceOf(TimeoutException.class, e.getCause());
    assertEquals(Map.of("first", "[first tides]"), e.completedFields());
    assertTrue(model.awaitRequest("stuck").interrupted());
    assertEquals(List.of(), model.requests("top"));
  }

  @Test
  void chainTimeoutCancelsTheRunningFieldAndNamesTheStepThatWasRunning() throws Exception {
    ScriptedModel model = hangingModel();
    TimedImpl timed = new TimedImpl(TestPrompts.context(model, TestPrompts.configuration("prompt4j.Timed.top.chain-timeout", "300ms")));

    ChainException e = fails(() -> timed.top("tides"));

    assertEquals(List.of("top", "stuck", "ask"), e.path(), e.getMessage());
    TimeoutException cause = assertInstanceOf(TimeoutException.class, e.getCause());
    assertTrue(cause.getMessage().contains("Timed.top: not finished within 300 ms (prompt4j.chain-timeout)"), cause.getMessage());
    assertEquals(Map.of("first", "[first tides]"), e.completedFields());
    assertTrue(model.awaitRequest("stuck").interrupted(), "the hung request in the field was interrupted");
    assertFalse(Thread.currentThread().isInterrupted(), "the time limit's interrupt does not outlive the call");
  }

  @Test
  void chainTimeoutAlsoBoundsTheCallsOwnRequest() throws Exception {
    ScriptedModel model = hangingModel();
    TimedImpl timed = new TimedImpl(TestPrompts.context(model, TestPrompts.configuration("prompt4j.Timed.chain-timeout", "200ms")));

    ChainException e = fails(() -> timed.ask("stuck alone"));

    assertEquals(List.of("ask"), e.path());
    assertInstanceOf(TimeoutException.class, e.getCause());
    assertTrue(model.awaitRequest("stuck").interrupted());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void callsWithinTheirLimitsAreUnaffected() {
    ScriptedModel model = new ScriptedModel(Duration.ofMillis(5));
    TimedImpl timed = new TimedImpl(TestPrompts.context(model, TestPrompts.configuration("prompt4j.timeout", "20s", "prompt4j.chain-timeout", "30s")));

    assertEquals("[top: [first x] [stuck after [first x]]]", timed.top("x").value());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void limitsAreReadPerMethodInterfaceAndGloballyWithSourcePrecedence() {
    Properties file = new Properties();
    file.setProperty("prompt4j.timeout", "1s");
    file.setProperty("prompt4j.Timed.timeout", "2s");
    file.setProperty("prompt4j.Timed.top.timeout", "3s");
    Configuration fileOnly = Configuration.of(new Properties(), Map.of(), file);
    assertEquals(Duration.ofSeconds(3), fileOnly.duration("Timed", "top", "timeout"));
    assertEquals(Duration.ofSeconds(2), fileOnly.duration("Timed", "ask", "timeout"));
    assertEquals(Duration.ofSeconds(1), fileOnly.duration("Other", "ask", "timeout"));
    assertNull(fileOnly.duration("Timed", "top", "chain-timeout"));

    Properties system = new Properties();
    system.setProperty("prompt4j.chain-timeout", "500ms");
    system.setProperty("prompt4j.timeout", "4s");
    Configuration layered = Configuration.of(system, Map.of("PROMPT4J_TIMED_TOP_CHAIN_TIMEOUT", "9s"), file);
    assertEquals(Duration.ofSeconds(4), layered.duration("Timed", "top", "timeout"), "a system property beats a more specific file key");
    assertEquals(Duration.ofMillis(500), layered.duration("Timed", "top", "chain-timeout"), "and the environment");
    assertEquals(Duration.ofSeconds(9),
        Configuration.of(new Properties(), Map.of("PROMPT4J_TIMED_TOP_CHAIN_TIMEOUT", "9s"), file).duration("Timed", "top", "chain-timeout"));

    file.setProperty("prompt4j.Timed.ask.chain-timeout", "soon");
    Configuration bad = Configuration.of(new Properties(), Map.of(), file);
    Prompt4jException e = assertThrows(Prompt4jException.class, () -> bad.duration("Timed", "ask", "chain-timeout"));
    assertTrue(e.getMessage().contains("prompt4j.Timed.ask.chain-timeout"), e.getMessage());
  }
}
