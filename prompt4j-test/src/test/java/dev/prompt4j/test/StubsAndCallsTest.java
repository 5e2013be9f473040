package dev.prompt4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Response;
import dev.prompt4j.test.kit.Advisor;
import dev.prompt4j.test.kit.v1.Support;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/** Stubs, assertions on calls and trace snapshots, with the extension and no recording. */
@Prompt4jTest(latencyMillis = 30)
class StubsAndCallsTest {

  @Test
  void anInvalidAnswerThenAValidOneIsOneReAsk(Advisor advisor, PromptTestKit kit) {
    kit.stub(Advisor.class).on("plan")
        .answer("{\"steps\": []}")
        .answerJson(new Advisor.Plan(List.of("Announce", "Ship")));

    assertEquals(List.of("Announce", "Ship"), advisor.plan("TrailLite 2").steps());

    List<PromptCall> plans = kit.calls().of("Advisor.plan");
    assertEquals(2, plans.size());
    assertTrue(plans.get(1).text().contains("{\"steps\": []}"), "the invalid answer is shown back: " + plans.get(1).text());
    assertTrue(plans.get(1).text().contains("steps"), plans.get(1).text());
    assertEquals(PromptCall.AnsweredBy.STUB, plans.get(1).answeredBy());
  }

  @Test
  void aRateLimitAndATimeoutAreRetriedAsFromARealClient(Support support, PromptTestKit kit) {
    kit.stub(Support.class).on("reply").rateLimited(Duration.ZERO).timeout().answer("You are welcome.");

    assertEquals("You are welcome.", support.reply("Thanks!"));

    List<PromptCall> replies = kit.calls().of("reply");
    assertEquals(3, replies.size());
    assertTrue(replies.get(0).failure().contains("Rate limit"), replies.get(0).failure());
    assertTrue(replies.get(1).failure().contains("timed out"), replies.get(1).failure());
    assertEquals("You are welcome.", replies.get(2).answer());
  }

  @Test
  void independentStepsOverlapAndTheStepThatNeedsThemWaits(Advisor advisor, PromptTestKit kit) {
    // Each independent step answers only once the other has started: run in parallel they meet, run one after the
    // other the first waits in vain and the call fails. The overlap then holds however slow the machine is.
    CountDownLatch bothStarted = new CountDownLatch(2);
    kit.stub(Advisor.class).on("identifyLeader").answerWith(request -> meet(bothStarted, "Patrick Collison"));
    kit.stub(Advisor.class).on("identifyTrends").answerWith(request -> meet(bothStarted, "- Embedded finance"));
    kit.stub(Advisor.class).on("recommend").answerWith(request -> "As " + (request.messages().get(0).toString().contains("Collison") ? "Collison" : "?"));

    Response<String> move = advisor.recommend("payments");

    assertEquals("As Collison", move.value());
    PromptCalls calls = kit.calls();
    calls.assertInOrder("identifyLeader", "recommend").assertInOrder("identifyTrends", "recommend")
        .assertOverlapped("Advisor.identifyLeader", "Advisor.identifyTrends")
        .assertNotOverlapped("Advisor.identifyTrends", "Advisor.recommend");
    assertEquals("Pretend that you are Patrick Collison.", calls.single("recommend").systemText());
    assertThrows(AssertionFailedError.class, () -> calls.assertMethods("Advisor.recommend"));
    kit.assertTraceSnapshot(move, "advisor/recommend");
  }

  private static String meet(CountDownLatch bothStarted, String answer) {
    bothStarted.countDown();
    try {
      if (!bothStarted.await(10, TimeUnit.SECONDS)) {
        throw new AssertionError("the other independent step did not start while this one ran");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
    return answer;
  }

  @Test
  void aMisspeltMethodFailsWhereItIsWritten(PromptTestKit kit) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> kit.stub(Support.class).on("clasify"));
    assertTrue(e.getMessage().contains("did you mean 'classify'?"), e.getMessage());
  }

  @Test
  void aSnapshotThatDiffersFailsWithADiffAndTheFlagRewritesIt(Advisor advisor, PromptTestKit kit, @TempDir Path dir) throws Exception {
    kit.stub(Advisor.class).on("identifyLeader").answer("Ada");
    kit.stub(Advisor.class).on("identifyTrends").answer("- Lovelace engines");
    kit.stub(Advisor.class).on("recommend").answer("Compute.");
    Response<String> move = advisor.recommend("computing");
    Path file = dir.resolve("move.json");
    Files.writeString(file, TraceSnapshots.masked(move).replace("Compute.", "Wait."));

    AssertionFailedError e = assertThrows(AssertionFailedError.class, () -> TraceSnapshots.assertMatches(file, move));
    assertTrue(e.getMessage().contains("- ") && e.getMessage().contains("Wait.") && e.getMessage().contains("+ "), e.getMessage());
    assertTrue(!TraceSnapshots.masked(move).contains("main") && TraceSnapshots.masked(move).contains(TraceSnapshots.MASK));

    System.setProperty(TraceSnapshots.UPDATE_PROPERTY, "true");
    try {
      TraceSnapshots.assertMatches(file, move);
    } finally {
      System.clearProperty(TraceSnapshots.UPDATE_PROPERTY);
    }
    TraceSnapshots.assertMatches(file, move);
  }

  @Test
  void withoutARecordingReplayFailsAndVerifyFailsEvenIfTheErrorWasCaught(@TempDir Path empty) {
    PromptTestKit kit = PromptTestKit.builder().cassettes(empty).build();
    Support support = kit.create(Support.class);

    MissingRecordingError e = assertThrows(MissingRecordingError.class, () -> support.reply("Hello"));
    assertTrue(e.getMessage().contains("Support.reply") && e.getMessage().contains("has no recording yet"), e.getMessage());
    assertEquals(PromptCall.AnsweredBy.NONE, kit.calls().single("reply").answeredBy());
    assertThrows(MissingRecordingError.class, kit::verify);
  }
}
