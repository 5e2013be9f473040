package dev.prompt4j.examples.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.ToolCallRecord;
import dev.prompt4j.examples.Env;
import dev.prompt4j.test.Prompt4jTest;
import dev.prompt4j.test.PromptCall;
import dev.prompt4j.test.PromptTestKit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Prompt4jTest(script = ToolsExamples.SCRIPT)
class ToolsExamplesTest {
  private Env env;
  private PromptTestKit kit;

  @BeforeEach
  void onTheKitsRuntime(PromptTestKit kit) {
    this.kit = kit;
    env = Env.on(kit.runtime());
    Orders.REFUNDS.clear();
  }

  @Test
  void theAgentCallsBothToolsInOneTurnAndAnswersFromTheirResults() {
    ToolsExamples.Answer answer = ToolsExamples.travel(env);

    assertEquals(List.of("forecast", "convert"), answer.toolCalls().stream().map(ToolCallRecord::name).toList());
    assertEquals(List.of(1, 1), answer.toolCalls().stream().map(ToolCallRecord::turn).toList());
    assertEquals("200.00 EUR = 216.00 USD", answer.toolCalls().get(1).result());
    assertTrue(answer.answer().contains("216 USD"), answer.answer());
    List<PromptCall> calls = kit.calls().of("TravelAgent.advise");
    assertEquals(2, calls.size());
    assertTrue(calls.get(0).userText().contains("Lisbon for 3 days with 200 EUR"), calls.get(0).userText());
  }

  @Test
  void theRefundWaitsForApprovalAndRunsOnlyAfterIt() {
    ToolsExamples.Refund refund = ToolsExamples.refund(env);

    assertEquals(List.of("refund"), refund.waited().stream().map(c -> c.name()).toList());
    assertTrue(refund.stateBytes() > 0);
    assertEquals(List.of("A-1042 59.9"), Orders.REFUNDS);
    assertEquals(List.of("lookup", "refund"), refund.answer().toolCalls().stream().map(ToolCallRecord::name).toList());
    assertTrue(refund.answer().answer().contains("refunded the full 59.90 EUR"), refund.answer().answer());
    assertEquals(3, kit.calls().of("RefundDesk.handle").size());
  }
}
