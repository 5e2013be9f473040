package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import dev.prompt4j.testing.Runtimes;
import jakarta.validation.constraints.Min;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Reasoning ("thinking") in non-streamed answers, over each provider's real client: kept apart in
 * {@link Response#reasoning()}, never part of the answer's text nor parsed into a structured answer.
 */
class ReasoningWireTest extends FakeServerTest {
  /** Braces and a value that breaks the answer's constraint: parsed, it would fail or re-ask. */
  private static final String THOUGHT = "Oslo? {\"city\":\"Oslo\",\"days\":0} is no plan; Rome for 3 days.";

  @Call(provider = "anthropic", model = "claude-sonnet-4-5")
  interface Thinker {
    record Trip(String city, @Min(1) int days) {}

    @Prompt("Plan a trip")
    Response<Trip> plan();

    @Prompt("Say hi")
    Response<String> hi();

    @Prompt("Plan a trip")
    dev.prompt4j.PromptStream<Trip> planStreaming();
  }

  private Thinker thinker(String provider) {
    Map<String, String> p = new HashMap<>();
    p.put("prompt4j.provider", provider);
    p.put("prompt4j.model", provider.equals("gemini") ? "gemini-2.5-flash" : provider.equals("openai") ? "deepseek-reasoner" : "claude-sonnet-4-5");
    p.put("prompt4j.providers." + provider + ".base-url", server.baseUrl() + (provider.equals("openai") ? "/v1" : ""));
    p.put("prompt4j.providers." + provider + ".api-key", "sk-test-REASONING");
    p.put("prompt4j.max-tokens", "200");
    return Runtimes.isolated(p).create(Thinker.class);
  }

  /** The provider's answer with a reasoning part before the answer {@code text}. */
  private static FakeProviderServer.Reply thinking(String provider, String thought, String text) throws Exception {
    String t = FakeProviderServer.JSON.writeValueAsString(thought);
    String a = FakeProviderServer.JSON.writeValueAsString(text);
    return FakeProviderServer.Reply.raw(200, switch (provider) {
      case "anthropic" -> "{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\",\"model\":\"claude-sonnet-4-5\",\"content\":["
          + "{\"type\":\"thinking\",\"thinking\":" + t + ",\"signature\":\"sig-1\"},{\"type\":\"text\",\"text\":" + a + "}],"
          + "\"stop_reason\":\"end_turn\",\"stop_sequence\":null,\"usage\":{\"input_tokens\":10,\"output_tokens\":30}}";
      case "gemini" -> "{\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":" + t + ",\"thought\":true},{\"text\":" + a + "}]},"
          + "\"finishReason\":\"STOP\",\"index\":0}],\"usageMetadata\":{\"promptTokenCount\":10,\"candidatesTokenCount\":30,\"totalTokenCount\":40},"
          + "\"modelVersion\":\"gemini-2.5-flash\"}";
      default -> "{\"id\":\"chatcmpl-1\",\"object\":\"chat.completion\",\"created\":1756362927,\"model\":\"deepseek-reasoner\",\"choices\":[{\"index\":0,"
          + "\"message\":{\"role\":\"assistant\",\"reasoning_content\":" + t + ",\"content\":" + a + "},\"finish_reason\":\"stop\"}],"
          + "\"usage\":{\"prompt_tokens\":10,\"completion_tokens\":30,\"total_tokens\":40}}";
    });
  }

  @ParameterizedTest
  @ValueSource(strings = {"anthropic", "openai", "gemini"})
  void aStructuredAnswersReasoningIsKeptApartAndNeverParsed(String provider) throws Exception {
    server.enqueue(thinking(provider, THOUGHT, "{\"city\":\"Rome\",\"days\":3}"));
    Response<Thinker.Trip> plan = thinker(provider).plan();

    assertEquals(new Thinker.Trip("Rome", 3), plan.value());
    assertEquals(THOUGHT, plan.reasoning());
    assertEquals("{\"city\":\"Rome\",\"days\":3}", plan.rawText());
    assertEquals(1, plan.attempts(), "no re-ask: the reasoning's invalid object was never read as the answer");
    assertEquals(1, server.requests().size());
    assertEquals(THOUGHT, FakeProviderServer.JSON.readTree(plan.toJson()).path("reasoning").asText());
  }

  @Test
  void anAnthropicTextAnswerWithAThinkingBlock() throws Exception {
    server.enqueue(thinking("anthropic", "They greet; greet back.", "Hello!"));
    Response<String> hi = thinker("anthropic").hi();

    assertEquals("Hello!", hi.value());
    assertEquals("They greet; greet back.", hi.reasoning());
    assertTrue(hi.toHtml().contains("They greet; greet back."), "the trace page shows the reasoning");
  }

  @Test
  void aStreamedAnswersThinkingIsReasoningEventsAndInItsResponseNeverInItsPartials() throws Exception {
    String t = FakeProviderServer.JSON.writeValueAsString(THOUGHT);
    String events = "event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
        + "\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":10,\"output_tokens\":1}}}\n\n"
        + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"thinking\",\"thinking\":\"\"}}\n\n"
        + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"thinking_delta\",\"thinking\":" + t + "}}\n\n"
        + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"signature_delta\",\"signature\":\"sig-1\"}}\n\n"
        + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n"
        + "event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":1,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n"
        + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"{\\\"city\\\":\\\"Rome\\\",\"}}\n\n"
        + "event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":1,\"delta\":{\"type\":\"text_delta\",\"text\":\"\\\"days\\\":3}\"}}\n\n"
        + "event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":1}\n\n"
        + "event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":30}}\n\n"
        + "event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n";
    server.enqueue(FakeProviderServer.Reply.raw(200, events).header("Content-Type", "text/event-stream"));
    dev.prompt4j.PromptStream<Thinker.Trip> stream = thinker("anthropic").planStreaming();
    java.util.List<dev.prompt4j.StreamEvent> seen = stream.events().toList();

    assertEquals(new dev.prompt4j.StreamEvent.Reasoning(THOUGHT), seen.get(0), seen.toString());
    assertFalse(seen.stream().anyMatch(e -> e instanceof dev.prompt4j.StreamEvent.Partial p && "Oslo".equals(p.value().get("city"))), seen.toString());
    Response<Thinker.Trip> plan = stream.result();
    assertEquals(new Thinker.Trip("Rome", 3), plan.value());
    assertEquals(THOUGHT, plan.reasoning());
    assertEquals(1, plan.attempts());
  }

  @Test
  void anAnswerWithoutReasoningHasNone() {
    server.enqueue(FakeProviderServer.Reply.ok("Hello!"));
    Response<String> hi = thinker("anthropic").hi();

    assertEquals("", hi.reasoning());
    assertFalse(hi.toJson().contains("\"reasoning\""), hi.toJson());
  }
}
