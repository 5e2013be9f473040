package dev.prompt4j.examples.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.examples.Env;
import dev.prompt4j.test.Prompt4jTest;
import dev.prompt4j.test.PromptCalls;
import dev.prompt4j.test.PromptTestKit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Prompt4jTest(script = RoutingExamples.SCRIPT, latencyMillis = 40)
class StructuredRoutingTest {
  private Env env;
  private PromptCalls calls;

  @BeforeEach
  void onTheKitsRuntime(PromptTestKit kit) {
    env = Env.on(kit.runtime());
    calls = kit.calls();
  }

  @Test
  void faqHasExactlyTenAnsweredQuestionsWithRealSourcesOnly() {
    List<RoutingExamples.Faq> faqs = RoutingExamples.faq(env);

    assertEquals(10, faqs.size());
    assertEquals(2, calls.of("FaqWriter.generateQuestions").size(), "nine questions were re-asked");
    assertTrue(calls.of("FaqWriter.generateQuestions").get(1).text().contains("Your answer is not a valid Questions"));
    assertEquals(10, calls.of("FaqWriter.answerQuestion").size());
    assertEquals(10, calls.of("FaqWriter.findSources").size());
    RoutingExamples.Faq wind = faqs.get(5);
    assertEquals(List.of("Understanding Wind Turbines"), wind.sources());
    assertEquals(List.of("Renewable Energy Handbook"), wind.rejected());
    assertTrue(faqs.stream().allMatch(f -> !f.sources().isEmpty()));
    String answer = calls.of("FaqWriter.answerQuestion").get(0).userText();
    assertTrue(answer.contains("\"What are the environmental benefits of solar energy?\""));
    assertTrue(answer.contains("Source Title: Energy Storage Solutions"), "every source is in the prompt");
  }

  @Test
  void theOrchestratorsTypedTasksGoToTheirWorkersAndOneReplyIsWritten() {
    RoutingExamples.Orchestrated run = RoutingExamples.orchestratorWorker(env);

    assertEquals(List.of(new SupportOrchestrator.BillingInquiry("INV-7890"),
        new SupportOrchestrator.ProductReturn("SuperWidget 5000", "not compatible with my system"),
        new SupportOrchestrator.StatusUpdate("A-12345")), run.tasks());
    assertEquals(List.of("SupportOrchestrator.orchestrate", "SupportOrchestrator.extractBillingConcern", "SupportOrchestrator.synthesize"),
        calls.all().stream().map(r -> r.method()).toList());
    assertTrue(run.workerResults().get(0).contains("Your Stated Concern: \"The invoice seems higher than expected.\""));
    assertTrue(run.workerResults().get(1).contains("Return Authorization (RMA): RMA-"));
    assertTrue(calls.of("SupportOrchestrator.synthesize").get(0).userText().contains("Regarding your Status Update:\n  - Order ID: A-12345"));
    assertNotEquals("", run.reply());
  }
}
