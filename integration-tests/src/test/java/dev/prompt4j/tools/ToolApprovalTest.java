package dev.prompt4j.tools;

import static dev.prompt4j.tools.ToolLoopTest.call;
import static dev.prompt4j.tools.ToolLoopTest.calls;
import static dev.prompt4j.tools.ToolLoopTest.results;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.Call;
import dev.prompt4j.PendingToolCall;
import dev.prompt4j.Prompt;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import dev.prompt4j.Tool;
import dev.prompt4j.ToolDecisions;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code @Tool(approval = REQUIRED)}: the call pauses before the tool, serialises, and resumes with decisions. */
class ToolApprovalTest {
  /** Refunds need a person's approval; looking an order up does not. */
  public static class Shop {
    static final List<String> RAN = new CopyOnWriteArrayList<>();

    /**
     * Refunds an order.
     *
     * @param order the order number
     */
    @Tool(approval = Tool.Approval.REQUIRED)
    public String refund(String order) {
      RAN.add("refund " + order);
      return "refunded " + order;
    }

    /**
     * The state of an order.
     *
     * @param order the order number
     */
    @Tool
    public String lookup(String order) {
      RAN.add("lookup " + order);
      return order + ": delivered, damaged";
    }
  }

  @Call(provider = "offline", model = "script", tools = Shop.class)
  interface Desk {
    @Prompt("Handle this complaint: {complaint}")
    Response<String> handle(String complaint);
  }

  /** A second interface, to check a state is not restored on the wrong one. */
  @Call(provider = "offline", model = "script", tools = Shop.class)
  interface OtherDesk {
    @Prompt("Handle {complaint}")
    Response<String> handle(String complaint);
  }

  /** A desk whose main model may fail over to a backup. */
  @Call(provider = "offline", model = "main", fallbacks = "offline:backup", tools = Shop.class)
  interface BackedDesk {
    @Prompt("Handle this complaint: {complaint}")
    Response<String> handle(String complaint);
  }

  private static BackedDesk backedDesk(ChatModel main, ChatModel backup) {
    return Prompt4j.builder().client("offline", "main", main).client("offline", "backup", backup).build().create(BackedDesk.class);
  }

  private static Desk desk(ToolLoopTest.Script script) {
    return Prompt4j.builder().client("offline", script).build().create(Desk.class);
  }

  @BeforeEach
  void reset() {
    Shop.RAN.clear();
  }

  @Test
  void pausesBeforeTheToolThenResumesInAFreshRuntimeFromItsJson() {
    ToolLoopTest.Script first = new ToolLoopTest.Script(
        r -> calls(call("l1", "lookup", "{\"order\":\"42\"}")),
        r -> calls(call("r1", "refund", "{\"order\":\"42\"}")));
    Response<String> paused = desk(first).handle("order 42 arrived broken");

    assertTrue(paused.isPending());
    assertNull(paused.value());
    assertEquals(List.of(new PendingToolCall("r1", "refund", "{\"order\":\"42\"}")), paused.pending());
    assertEquals(List.of("lookup 42"), Shop.RAN); // the lookup ran, the refund waits
    assertEquals(2, first.requests.size());
    String json = paused.pendingState();
    assertTrue(paused.toJson().contains("\"pending\""), paused.toJson());
    assertEquals("offline", paused.provider());
    assertTrue(paused.usage().totalTokens() >= 0);

    // A fresh runtime and instance, as another process would have: only the JSON goes across.
    ToolLoopTest.Script second = new ToolLoopTest.Script(r -> AiMessage.from("Refund done: " + results(r).get(1)));
    Response<String> restored = Prompt4j.restore(desk(second), json);
    assertEquals(paused.pending(), restored.pending());
    Response<String> done = restored.resume(ToolDecisions.approveAll(restored.pending()));

    assertFalse(done.isPending());
    assertEquals("Refund done: refunded 42", done.value());
    assertEquals(List.of("lookup 42", "refund 42"), Shop.RAN);
    assertEquals(1, second.requests.size());
    assertEquals(List.of("42: delivered, damaged", "refunded 42"), results(second.requests.get(0)));
    assertFalse(second.requests.get(0).toolSpecifications().isEmpty(), "the tools are offered again");
    assertEquals(List.of(1, 2), done.toolCalls().stream().map(c -> c.turn()).toList());
  }

  @Test
  void aDeclinedCallDoesNotRunAndTheModelReadsThatTheUserDeclinedIt() {
    ToolLoopTest.Script script = new ToolLoopTest.Script(
        r -> calls(call("a", "refund", "{\"order\":\"1\"}"), call("b", "refund", "{\"order\":\"2\"}")),
        r -> AiMessage.from(String.join(" | ", results(r))));
    Response<String> paused = desk(script).handle("refund both");
    assertEquals(List.of("a", "b"), paused.pending().stream().map(PendingToolCall::id).toList());

    Response<String> done = paused.resume(ToolDecisions.create().approve("a").decline("b"));

    assertEquals(List.of("refund 1"), Shop.RAN);
    List<String> fedBack = results(script.requests.get(1));
    assertEquals("refunded 1", fedBack.get(0));
    assertTrue(fedBack.get(1).contains("declined by the user"), fedBack.get(1));
    assertEquals("declined", done.toolCalls().get(1).error());
  }

  @Test
  void aCallThatPausedOnAFallbackResumesOnThatFallbackAlsoFromItsJsonInAFreshInstance() throws Exception {
    ToolLoopTest.Script down = new ToolLoopTest.Script(r -> {
      throw new IllegalArgumentException("main model refused the request");
    });
    ToolLoopTest.Script backup = new ToolLoopTest.Script(r -> calls(call("r1", "refund", "{\"order\":\"7\"}")),
        r -> AiMessage.from("backup: " + results(r).get(0)));
    Response<String> paused = backedDesk(down, backup).handle("refund 7");

    assertTrue(paused.isPending());
    assertEquals("backup", paused.model());
    String json = paused.pendingState();
    com.fasterxml.jackson.databind.JsonNode state = new com.fasterxml.jackson.databind.ObjectMapper().readTree(json);
    assertEquals(List.of("offline", "backup", 1), List.of(state.path("provider").asText(), state.path("model").asText(), state.path("fallback").asInt()));

    // In this process: the backup goes on; the main model, which would answer now, is not asked.
    ToolLoopTest.Script mainNowUp = new ToolLoopTest.Script(r -> AiMessage.from("main: wrong model"));
    Response<String> here = paused.resume(ToolDecisions.approveAll(paused.pending()));
    assertEquals("backup: refunded 7", here.value());
    assertEquals("backup", here.model());
    assertEquals(1, down.requests.size(), "the main model was asked once, before the pause");

    // In a fresh instance from the JSON alone.
    ToolLoopTest.Script freshBackup = new ToolLoopTest.Script(r -> AiMessage.from("fresh backup: " + results(r).get(0)));
    Response<String> restored = Prompt4j.restore(backedDesk(mainNowUp, freshBackup), json);
    assertEquals("backup", restored.model());
    Response<String> done = restored.resume(ToolDecisions.approveAll(restored.pending()));
    assertEquals("fresh backup: refunded 7", done.value());
    assertEquals("backup", done.model());
    assertTrue(mainNowUp.requests.isEmpty(), "the main model is not asked on resume");
    assertEquals(1, freshBackup.requests.size());
    assertEquals(List.of("refund 7", "refund 7"), Shop.RAN);
  }

  @Test
  void resumeNeedsADecisionForEachPendingCallAndTheRightInterface() {
    ToolLoopTest.Script script = new ToolLoopTest.Script(r -> calls(call("a", "refund", "{\"order\":\"1\"}"), call("b", "refund", "{\"order\":\"2\"}")));
    Response<String> paused = desk(script).handle("refund both");

    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> paused.resume(ToolDecisions.create().approve("a").decline("z")));
    assertTrue(missing.getMessage().contains("no decision for [b]") && missing.getMessage().contains("no pending call has id [z]"), missing.getMessage());
    OtherDesk other = Prompt4j.builder().client("offline", script).build().create(OtherDesk.class);
    IllegalArgumentException wrong = assertThrows(IllegalArgumentException.class, () -> Prompt4j.restore(other, paused.pendingState()));
    assertTrue(wrong.getMessage().contains("ToolApprovalTest.Desk.handle"), wrong.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Prompt4j.restore(desk(script), "{\"format\":1}"));
    assertThrows(IllegalStateException.class, () -> desk(new ToolLoopTest.Script(r -> AiMessage.from("ok"))).handle("x").pendingState());
    assertTrue(Shop.RAN.isEmpty());
  }
}
