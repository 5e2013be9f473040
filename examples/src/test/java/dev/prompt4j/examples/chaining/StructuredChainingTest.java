package dev.prompt4j.examples.chaining;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.examples.Env;
import dev.prompt4j.test.Prompt4jTest;
import dev.prompt4j.test.PromptCall;
import dev.prompt4j.test.PromptCalls;
import dev.prompt4j.test.PromptTestKit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Prompt4jTest(script = ChainingExamples.SCRIPT, latencyMillis = 40)
class StructuredChainingTest {
  private Env env;
  private PromptCalls calls;

  @BeforeEach
  void onTheKitsRuntime(PromptTestKit kit) {
    env = Env.on(kit.runtime());
    calls = kit.calls();
  }

  @Test
  void iterativeRewritesTwiceAndReAsksATwoSentenceRewrite() {
    String summary = ChainingExamples.iterative(env);

    assertTrue(summary.startsWith("B2B companies are embracing AI-driven analytics"), summary);
    List<PromptCall> rounds = calls.of("Summarizer.resummarize");
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
    assertEquals(1, calls.all().size());
    assertTrue(calls.all().get(0).text().contains("Extract the event details from this text: The concert is on Saturday at Madison Square Garden."));
  }
}
