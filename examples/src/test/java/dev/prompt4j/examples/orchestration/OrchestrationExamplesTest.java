package dev.prompt4j.examples.orchestration;

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

@Prompt4jTest(script = OrchestrationExamples.SCRIPT, latencyMillis = 40)
class OrchestrationExamplesTest {
  private Env env;
  private PromptCalls calls;

  @BeforeEach
  void onTheKitsRuntime(PromptTestKit kit) {
    env = Env.on(kit.runtime());
    calls = kit.calls();
  }

  @Test
  void routingFollowsTheModelsPickForEachRequest() {
    List<OrchestrationExamples.Routed> routed = OrchestrationExamples.routing(env);

    assertEquals(List.of(Assistant.Route.SUMMARIZE, Assistant.Route.TRANSLATE, Assistant.Route.WEB_SEARCH),
        routed.stream().map(OrchestrationExamples.Routed::route).toList());
    assertEquals("La réunion est déplacée à jeudi matin.", routed.get(1).answer());
    assertEquals(List.of("Assistant.route", "Assistant.summarize", "Assistant.route", "Assistant.translate", "Assistant.route",
        "Assistant.answerFromResults"), calls.all().stream().map(PromptCall::method).toList());
    String search = calls.of("Assistant.answerFromResults").get(0).userText();
    assertTrue(search.contains("Question: Do heat pumps still work in a cold climate?"), search);
    assertTrue(search.contains("[1] Modern cold-climate heat pumps keep working down to about -25 C"), search);
    assertTrue(routed.get(2).answer().endsWith("[1]."));
  }
}
