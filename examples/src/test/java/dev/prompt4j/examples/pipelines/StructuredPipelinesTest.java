package dev.prompt4j.examples.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Response;
import dev.prompt4j.examples.Env;
import dev.prompt4j.examples.TracePrinter;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructuredPipelinesTest {
  private final Env env = Env.offline(PipelinesExamples.SCRIPT);

  @Test
  void sentimentsThatMissAnIssueAreAskedAgainBeforeTheResponse() {
    PipelinesExamples.FeedbackAnalysis analysis = PipelinesExamples.feedback(env);

    assertEquals(3, analysis.issues().size());
    assertEquals(List.of(FeedbackAnalyst.Sentiment.POSITIVE, FeedbackAnalyst.Sentiment.NEGATIVE, FeedbackAnalyst.Sentiment.NEGATIVE),
        analysis.sentiments().stream().map(FeedbackAnalyst.IssueSentiment::sentiment).toList());
    assertEquals(2, env.requests("FeedbackAnalyst.classifySentiments").size(), "the first answer covered two issues of three");
    assertTrue(env.requests("FeedbackAnalyst.classifySentiments").get(0).userText().contains("faster new dashboard\nmobile app logs out daily\n"));
    assertTrue(env.requests("FeedbackAnalyst.writeResponse").get(0).userText().contains("mobile app logs out daily | NEGATIVE"));
    assertTrue(analysis.response().startsWith("Thank you for the kind words"));
  }

  @Test
  void correctnessWaitsForTheChangesWhilePerformanceAndSecurityRunAlongside() {
    Response<String> review = PipelinesExamples.codeReview(env);

    assertTrue(review.value().startsWith("Verdict: REJECT"));
    assertEquals(5, env.requests().size());
    assertEquals("CodeReviewer.review", env.requests().get(4).method());
    Response<?> changes = call(review, "CodeReviewer.extractChanges");
    Response<?> correctness = call(review, "CodeReviewer.checkCorrectness");
    Response<?> performance = call(review, "CodeReviewer.checkPerformance");
    Response<?> security = call(review, "CodeReviewer.checkSecurity");
    assertTrue(TracePrinter.overlaps(performance, security));
    assertTrue(TracePrinter.overlaps(changes, security));
    assertTrue(!correctness.startedAt().isBefore(TracePrinter.endedAt(changes)), "correctness needs the changes");
    assertTrue(env.requests("CodeReviewer.checkCorrectness").get(0).userText().contains("builds its SQL query by string concatenation"));
    assertTrue(env.requests("CodeReviewer.review").get(0).userText().contains("severity HIGH"));
  }

  private static Response<?> call(Response<?> parent, String method) {
    return parent.calls().stream().filter(c -> c.method().equals(method)).findFirst().orElseThrow();
  }
}
