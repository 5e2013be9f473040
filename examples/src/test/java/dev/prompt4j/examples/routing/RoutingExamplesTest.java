package dev.prompt4j.examples.routing;

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

@Prompt4jTest(script = RoutingExamples.SCRIPT, latencyMillis = 40)
class RoutingExamplesTest {
  private Env env;
  private PromptCalls calls;

  @BeforeEach
  void onTheKitsRuntime(PromptTestKit kit) {
    env = Env.on(kit.runtime());
    calls = kit.calls();
  }

  @Test
  void eachQueryIsClassifiedThenAnsweredByItsIntentsPrompt() {
    List<RoutingExamples.Answered> answers = RoutingExamples.intentRouting(env);

    assertEquals(3, answers.size());
    assertTrue(answers.get(1).response().contains("provide your account number"));
    assertEquals(List.of("CustomerService.classifyIntent", "CustomerService.technicalSupport", "CustomerService.classifyIntent",
        "CustomerService.billingInquiry", "CustomerService.classifyIntent", "CustomerService.generalQuestion"),
        calls.all().stream().map(PromptCall::method).toList());
    PromptCall classify = calls.all().get(0);
    assertEquals("You are an expert at classifying user intents.", classify.systemText());
    assertTrue(classify.userText().endsWith("User Query: \"My internet connection is not working.\""), classify.userText());
    assertTrue(calls.all().get(3).userText().startsWith("You are a helpful billing support agent.\nThe user says: 'I think there is a mistake on my last invoice.'."));
  }
}
