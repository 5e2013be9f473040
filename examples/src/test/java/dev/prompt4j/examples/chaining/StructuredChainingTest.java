package dev.prompt4j.examples.chaining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.examples.Env;
import dev.prompt4j.provider.OfflineModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class StructuredChainingTest {
  private final Env env = Env.offline(ChainingExamples.SCRIPT);

  @Test
  void iterativeRewritesTwiceAndReAsksATwoSentenceRewrite() {
    String summary = ChainingExamples.iterative(env);

    assertTrue(summary.startsWith("B2B companies are embracing AI-driven analytics"), summary);
    List<OfflineModel.Request> rounds = env.requests("Summarizer.resummarize");
    assertEquals(3, rounds.size(), "two rounds, the first re-asked once");
    assertTrue(rounds.get(0).userText().contains("Summary: B2B companies are using AI, focusing on supply chains, ABM and ESG."));
    assertTrue(rounds.get(1).text().contains("must be a single sentence"), rounds.get(1).text());
    assertTrue(rounds.get(2).userText().contains("Summary: B2B companies are using AI-driven analytics, automation and account-based marketing"),
        "the second round critiques the first rewrite");
  }

  @Test
  void eventDetailsAreReadFromAFencedJsonAnswer() {
    EventExtractor.EventDetails event = ChainingExamples.extractEvent(env);

    assertEquals(new EventExtractor.EventDetails("Saturday", "Madison Square Garden"), event);
    assertEquals(1, env.requests().size());
    assertTrue(env.requests().get(0).text().contains("Extract the event details from this text: The concert is on Saturday at Madison Square Garden."));
  }
}
