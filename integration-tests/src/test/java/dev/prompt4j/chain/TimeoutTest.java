package dev.prompt4j.chain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.ChainException;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.chain.ChainPrompts.Branches;
import dev.prompt4j.chain.ChainPrompts.Timed;
import dev.prompt4j.testing.Runtimes;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    Timed timed = Runtimes.scripted(Timed.class, model, Map.of("prompt4j.timeout", "200ms"));

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
    Timed timed = Runtimes.scripted(Timed.class, model, Map.of("prompt4j.Timed.ask.timeout", "200ms"));

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
    Timed timed = Runtimes.scripted(Timed.class, model, Map.of("prompt4j.Timed.top.chain-timeout", "300ms"));

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
    Timed timed = Runtimes.scripted(Timed.class, model, Map.of("prompt4j.Timed.chain-timeout", "200ms"));

    ChainException e = fails(() -> timed.ask("stuck alone"));

    assertEquals(List.of("ask"), e.path());
    assertInstanceOf(TimeoutException.class, e.getCause());
    assertTrue(model.awaitRequest("stuck").interrupted());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void callsWithinTheirLimitsAreUnaffected() {
    ScriptedModel model = new ScriptedModel(Duration.ofMillis(5));
    Timed timed = Runtimes.scripted(Timed.class, model, Map.of("prompt4j.timeout", "20s", "prompt4j.chain-timeout", "30s"));

    assertEquals("[top: [first x] [stuck after [first x]]]", timed.top("x").value());
    assertFalse(Thread.currentThread().isInterrupted());
  }

  @Test
  void limitsAreReadPerMethodThenInterfaceThenGlobally() {
    Map<String, String> file = Map.of(
        "prompt4j.timeout", "300ms", "prompt4j.Timed.timeout", "200ms", "prompt4j.Timed.ask.timeout", "100ms");
    ScriptedModel model = hangingModel();
    Timed timed = Runtimes.scripted(Timed.class, model, file);
    Branches branches = Runtimes.scripted(Branches.class, model, file);

    assertTrue(fails(() -> timed.ask("stuck 1")).getMessage().contains("Timed.ask: no answer within 100 ms"), "the method key");
    assertTrue(fails(() -> timed.echo("stuck 2")).getMessage().contains("Timed.echo: no answer within 200 ms"), "the interface key");
    assertTrue(fails(() -> branches.ask("stuck 3")).getMessage().contains("Branches.ask: no answer within 300 ms"), "the global key");
    assertEquals(3, model.requests("stuck").size());
  }

  @Test
  void aLimitThatIsNotADurationFailsNamingTheKeyAndWhatIsValid() {
    // Read when the runtime is made, not at the method's first call.
    Prompt4jException e = assertThrows(Prompt4jException.class,
        () -> Runtimes.scripted(Timed.class, hangingModel(), Map.of("prompt4j.Timed.ask.chain-timeout", "soon")));

    assertTrue(e.getMessage().contains("prompt4j.Timed.ask.chain-timeout (properties given to Prompt4j.builder()) is 'soon'"), e.getMessage());
    assertTrue(e.getMessage().contains("a duration such as 30s, 500ms"), e.getMessage());
  }
}
