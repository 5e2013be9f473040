package dev.prompt4j.examples.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Response;
import dev.prompt4j.examples.Env;
import dev.prompt4j.test.Prompt4jTest;
import dev.prompt4j.test.PromptCalls;
import dev.prompt4j.test.PromptTestKit;
import dev.prompt4j.examples.TracePrinter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Prompt4jTest(script = PipelinesExamples.SCRIPT, latencyMillis = 40)
class StructuredPipelinesTest {
  private Env env;
  private PromptCalls calls;

  @BeforeEach
  void onTheKitsRuntime(PromptTestKit kit) {
    env = Env.on(kit.runtime());
    calls = kit.calls();
  }

  @Test
  void sentimentsThatMissAnIssueAreAskedAgainBeforeTheResponse() {
    PipelinesExamples.FeedbackAnalysis analysis = PipelinesExamples.feedback(env);

    assertEquals(3, analysis.issues().size());
    assertEquals(List.of(FeedbackAnalyst.Sentiment.POSITIVE, FeedbackAnalyst.Sentiment.NEGATIVE, FeedbackAnalyst.Sentiment.NEGATIVE),
        analysis.sentiments().stream().map(FeedbackAnalyst.IssueSentiment::sentiment).toList());
    assertEquals(2, calls.of("FeedbackAnalyst.classifySentiments").size(), "the first answer covered two issues of three");
    assertTrue(calls.of("FeedbackAnalyst.classifySentiments").get(0).userText().contains("faster new dashboard\nmobile app logs out daily\n"));
    assertTrue(calls.of("FeedbackAnalyst.writeResponse").get(0).userText().contains("mobile app logs out daily | NEGATIVE"));
    assertTrue(analysis.response().startsWith("Thank you for the kind words"));
  }

  @Test
  void correctnessWaitsForTheChangesWhilePerformanceAndSecurityRunAlongside() {
    Response<String> review = PipelinesExamples.codeReview(env);

    assertTrue(review.value().startsWith("Verdict: REJECT"));
    assertEquals(5, calls.all().size());
    assertEquals("CodeReviewer.review", calls.all().get(4).method());
    Response<?> changes = call(review, "CodeReviewer.extractChanges");
    Response<?> correctness = call(review, "CodeReviewer.checkCorrectness");
    Response<?> performance = call(review, "CodeReviewer.checkPerformance");
    Response<?> security = call(review, "CodeReviewer.checkSecurity");
    assertTrue(TracePrinter.overlaps(performance, security));
    assertTrue(TracePrinter.overlaps(changes, security));
    assertTrue(!correctness.startedAt().isBefore(TracePrinter.endedAt(changes)), "correctness needs the changes");
    assertTrue(calls.of("CodeReviewer.checkCorrectness").get(0).userText().contains("builds its SQL query by string concatenation"));
    assertTrue(calls.of("CodeReviewer.review").get(0).userText().contains("severity HIGH"));
  }

  private static Response<?> call(Response<?> parent, String method) {
    return parent.calls().stream().filter(c -> c.method().equals(method)).findFirst().orElseThrow();
  }
}
