package dev.prompt4j.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prompt4j.Attempt;
import dev.prompt4j.Response;
import dev.prompt4j.Usage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the metrics and the limiter read from an element's response: requests, re-asks and tokens, nested calls included. */
class SpentTest {
  private static Attempt refused(String raw) {
    return new Attempt("openai", "m", raw, List.of("urgency: must be at most 5"), Duration.ofMillis(5));
  }

  @Test
  void aResponseTreeCountsEveryRequestAndOnlyRefusedAnswersAsReasks() {
    Response<String> field = Response.<String>builder().method("urgency").usage(new Usage(10, 2, 12))
        .failedAttempts(List.of(refused(null))) // a transport failure, retried: a request, not a re-ask
        .build();
    Response<String> top = Response.<String>builder().method("triage").usage(new Usage(40, 10, 50))
        .failedAttempts(List.of(refused("{\"urgency\":9}"), refused("{\"urgency\":8}")))
        .calls(List.of(field))
        .build();

    PromptMetrics.Spent spent = PromptMetrics.Spent.of(top);

    assertEquals(new PromptMetrics.Spent(5, 2, new Usage(50, 12, 62)), spent);
  }

  @Test
  void aPlainAnswerCountsOneRequestOfUnknownUsage() {
    assertEquals(new PromptMetrics.Spent(1, 0, Usage.ZERO), PromptMetrics.Spent.of("BILLING"));
  }

  @Test
  void aFailureCountsItsAttemptsAndTheReasksThatFollowedARefusedAnswer() {
    assertEquals(new PromptMetrics.Spent(3, 2, Usage.ZERO),
        PromptMetrics.Spent.ofAttempts(List.of(refused("a"), refused("b"), refused("c"))));
    assertEquals(new PromptMetrics.Spent(3, 1, Usage.ZERO),
        PromptMetrics.Spent.ofAttempts(List.of(refused("a"), refused(null), refused(null))));
  }
}
