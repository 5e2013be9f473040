package dev.prompt4j.examples.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.examples.Env;
import dev.prompt4j.provider.OfflineModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class RoutingExamplesTest {
  private final Env env = Env.offline(RoutingExamples.SCRIPT);

  @Test
  void eachQueryIsClassifiedThenAnsweredByItsIntentsPrompt() {
    List<RoutingExamples.Answered> answers = RoutingExamples.intentRouting(env);

    assertEquals(3, answers.size());
    assertTrue(answers.get(1).response().contains("provide your account number"));
    assertEquals(List.of("CustomerService.classifyIntent", "CustomerService.technicalSupport", "CustomerService.classifyIntent",
        "CustomerService.billingInquiry", "CustomerService.classifyIntent", "CustomerService.generalQuestion"),
        env.requests().stream().map(OfflineModel.Request::method).toList());
    OfflineModel.Request classify = env.requests().get(0);
    assertEquals("You are an expert at classifying user intents.", classify.systemText());
    assertTrue(classify.userText().endsWith("User Query: \"My internet connection is not working.\""), classify.userText());
    assertTrue(env.requests().get(3).userText().startsWith("You are a helpful billing support agent.\nThe user says: 'I think there is a mistake on my last invoice.'."));
  }
}
