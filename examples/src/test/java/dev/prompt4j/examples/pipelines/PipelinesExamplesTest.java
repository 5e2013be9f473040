package dev.prompt4j.examples.pipelines;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.examples.Env;
import dev.prompt4j.test.Prompt4jTest;
import dev.prompt4j.test.PromptCall;
import dev.prompt4j.test.PromptCalls;
import dev.prompt4j.test.PromptTestKit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Prompt4jTest(script = PipelinesExamples.SCRIPT, latencyMillis = 40)
class PipelinesExamplesTest {
  private Env env;
  private PromptCalls calls;

  @BeforeEach
  void onTheKitsRuntime(PromptTestKit kit) {
    env = Env.on(kit.runtime());
    calls = kit.calls();
  }

  @Test
  void supportFlowSolvesKnownErrorsEscalatesUnknownOnesAndRoutesBilling() {
    List<SupportFlow.Outcome> outcomes = PipelinesExamples.supportFlow(env);

    SupportFlow.Outcome known = outcomes.get(0);
    assertEquals(SupportDesk.RequestKind.TECHNICAL_SUPPORT, known.kind());
    assertFalse(known.escalated());
    assertTrue(known.article().startsWith("E-1042"));
    assertTrue(known.response().contains("sign out of the desktop app"));

    SupportFlow.Outcome unknown = outcomes.get(1);
    assertEquals(SupportDesk.RequestKind.TECHNICAL_SUPPORT, unknown.kind()); // "Technical support" parsed
    assertTrue(unknown.escalated());
    assertNull(unknown.article());
    assertTrue(unknown.response().startsWith("Title: PDF export crashes with X-77"));

    assertEquals(SupportDesk.RequestKind.BILLING, outcomes.get(2).kind());
    assertEquals(List.of("SupportDesk.classify", "SupportDesk.extractErrorDetails", "SupportDesk.formatSolution",
        "SupportDesk.classify", "SupportDesk.extractErrorDetails", "SupportDesk.createEscalationTicket",
        "SupportDesk.classify", "SupportDesk.handleBilling"), calls.all().stream().map(PromptCall::method).toList());
    String ticket = calls.of("SupportDesk.createEscalationTicket").get(0).userText();
    assertTrue(ticket.contains("Error details: App crashes with error X-77 when exporting a report as PDF."), ticket);
  }

  @Test
  void monitoringRecordsEachStepAndTheFailedOne() {
    PipelinesExamples.Monitored monitored = PipelinesExamples.monitoring(env);

    List<ChainMonitor.StepRecord> ok = monitored.runs().get(0).steps();
    assertEquals(List.of("classify", "extract_error_details", "search_knowledge_base", "format_solution"),
        ok.stream().map(ChainMonitor.StepRecord::name).toList());
    assertTrue(ok.stream().allMatch(s -> s.status().equals("success")));
    assertEquals(List.of(1, 1, 0, 1), ok.stream().map(ChainMonitor.StepRecord::calls).toList());
    assertTrue(ok.get(0).duration().toMillis() >= 30, "the offline call takes its simulated latency");
    assertTrue(ok.get(3).usage().totalTokens() > 0);

    ChainMonitor.StepRecord failed = monitored.runs().get(1).steps().get(0);
    assertEquals("failed", failed.status());
    assertEquals(3, failed.calls(), "asked, then re-asked twice");
    assertTrue(failed.error().contains("not a valid RequestKind"), failed.error());
    assertTrue(monitored.reports().get(1).startsWith("Run 2: status FAILED"), monitored.reports().get(1));
    assertEquals(3, monitored.calls().size(), "the calls that gave an answer, for the trace");
    assertEquals(3, calls.of("SupportDesk.classify").size() - 1);
    assertTrue(calls.of("SupportDesk.classify").get(2).text().contains("Your answer is not a valid RequestKind"));
  }
}
