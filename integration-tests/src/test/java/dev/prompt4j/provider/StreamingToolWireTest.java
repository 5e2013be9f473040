package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.PromptStream;
import dev.prompt4j.Response;
import dev.prompt4j.StreamEvent;
import dev.prompt4j.testing.Runtimes;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A streaming method with tools over each provider's real streaming client and SSE wire format: the
 * first turn streams the model's tool call, the tool runs, the second request (checked whole) sends
 * the call and its result back, and the answer streams in chunks.
 */
class StreamingToolWireTest extends FakeServerTest {
  private static final String KEY = "sk-test-STREAM-TOOLS";

  @Call(provider = "openai", model = "gpt-4o-mini", tools = ToolWireTest.Station.class)
  interface StreamingForecaster {
    @Prompt("Weather for {city}?")
    PromptStream<String> ask(String city);
  }

  @BeforeEach
  void reset() {
    ToolWireTest.Station.RAN.clear();
  }

  private StreamingForecaster forecaster(String provider) {
    Map<String, String> p = new java.util.HashMap<>(Map.of(
        "prompt4j.provider", provider,
        "prompt4j.model", model(provider),
        "prompt4j.providers." + provider + ".base-url", server.baseUrl() + (provider.equals("openai") ? "/v1" : ""),
        "prompt4j.max-tokens", "200",
        "prompt4j.temperature", "0"));
    if (!provider.equals("ollama")) {
      p.put("prompt4j.providers." + provider + ".api-key", KEY);
    }
    return Runtimes.isolated(p).create(StreamingForecaster.class);
  }

  private static String model(String provider) {
    return ToolWireTest.model(provider);
  }

  private static FakeProviderServer.Reply sse(String events) {
    return FakeProviderServer.Reply.raw(200, events).header("Content-Type", "text/event-stream");
  }

  /** The first turn: the model asks for forecast(Paris, 2), its arguments split over two events. */
  private static FakeProviderServer.Reply askingForTheForecast(String provider) {
    return sse(switch (provider) {
      case "anthropic" -> """
          event: message_start
          data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"usage":{"input_tokens":20,"output_tokens":1}}}

          event: content_block_start
          data: {"type":"content_block_start","index":0,"content_block":{"type":"tool_use","id":"toolu_1","name":"forecast","input":{}}}

          event: content_block_delta
          data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\": \\"Pa"}}

          event: content_block_delta
          data: {"type":"content_block_delta","index":0,"delta":{"type":"input_json_delta","partial_json":"ris\\", \\"days\\": 2}"}}

          event: content_block_stop
          data: {"type":"content_block_stop","index":0}

          event: message_delta
          data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":9}}

          event: message_stop
          data: {"type":"message_stop"}

          """;
      case "gemini" -> """
          data: {"candidates":[{"content":{"role":"model","parts":[{"functionCall":{"name":"forecast","args":{"city":"Paris","days":2}}}]},"finishReason":"STOP","index":0}],"usageMetadata":{"promptTokenCount":20,"candidatesTokenCount":9,"totalTokenCount":29},"modelVersion":"gemini-2.0-flash"}

          """;
      default -> """
          data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"role":"assistant","content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"forecast","arguments":""}}]},"finish_reason":null}]}

          data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"{\\"city\\":\\"Pa"}}]},"finish_reason":null}]}

          data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{"tool_calls":[{"index":0,"function":{"arguments":"ris\\",\\"days\\":2}"}}]},"finish_reason":null}]}

          data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[{"index":0,"delta":{},"finish_reason":"tool_calls"}]}

          data: {"id":"c1","object":"chat.completion.chunk","created":1,"model":"m","choices":[],"usage":{"prompt_tokens":20,"completion_tokens":9,"total_tokens":29}}

          data: [DONE]

          """;
    });
  }

  /** The second turn: the answer in three chunks. */
  private static FakeProviderServer.Reply answering(String provider, List<String> chunks) {
    StringBuilder sse = new StringBuilder();
    switch (provider) {
      case "anthropic" -> {
        sse.append("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_2\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-sonnet-4-5\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":40,\"output_tokens\":1}}}\n\n");
        sse.append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        chunks.forEach(c -> sse.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":\"")
            .append(c).append("\"}}\n\n"));
        sse.append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
        sse.append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},\"usage\":{\"output_tokens\":6}}\n\n");
        sse.append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
      }
      case "gemini" -> {
        for (int i = 0; i < chunks.size(); i++) {
          boolean last = i == chunks.size() - 1;
          sse.append("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":\"").append(chunks.get(i)).append("\"}]},")
              .append(last ? "\"finishReason\":\"STOP\"," : "").append("\"index\":0}]")
              .append(last ? ",\"usageMetadata\":{\"promptTokenCount\":40,\"candidatesTokenCount\":6,\"totalTokenCount\":46}" : "")
              .append(",\"modelVersion\":\"gemini-2.0-flash\"}\r\n\r\n");
        }
      }
      default -> {
        chunks.forEach(c -> sse.append("data: {\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,")
            .append("\"delta\":{\"content\":\"").append(c).append("\"},\"finish_reason\":null}]}\n\n"));
        sse.append("data: {\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
        sse.append("data: {\"id\":\"c2\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],"
            + "\"usage\":{\"prompt_tokens\":40,\"completion_tokens\":6,\"total_tokens\":46}}\n\n");
        sse.append("data: [DONE]\n\n");
      }
    }
    return sse(sse.toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
  void theToolCallStreamsRunsAndItsResultGoesBackThenTheAnswerStreams(String provider) throws Exception {
    List<String> chunks = List.of("Sunny ", "in ", "Paris.");
    server.enqueue(askingForTheForecast(provider), answering(provider, chunks));
    PromptStream<String> stream = forecaster(provider).ask("Paris");
    List<StreamEvent> events = stream.events().collect(Collectors.toList());

    String id = provider.equals("anthropic") ? "toolu_1" : provider.equals("gemini") ? "call-1-1" : "call_1";
    assertEquals(new StreamEvent.ToolCall(1, id, "forecast", provider.equals("gemini") ? "{\"city\":\"Paris\",\"days\":2}"
        : provider.equals("anthropic") ? "{\"city\": \"Paris\", \"days\": 2}" : "{\"city\":\"Paris\",\"days\":2}"), events.get(0));
    StreamEvent.ToolResult result = (StreamEvent.ToolResult) events.get(1);
    assertEquals("Paris: sunny", result.call().result());
    assertEquals(List.of("forecast Paris 2"), ToolWireTest.Station.RAN);
    assertEquals(chunks, events.subList(2, 5).stream().map(e -> ((StreamEvent.Text) e).text()).toList());
    assertTrue(events.get(5) instanceof StreamEvent.Completed, events.toString());
    assertEquals(6, events.size(), events.toString());

    Response<String> response = stream.result();
    assertEquals("Sunny in Paris.", response.value());
    assertEquals(List.of(result.call()), response.toolCalls());
    assertEquals(3, response.chunkCount());
    assertEquals(29 + 46, response.usage().totalTokens(), "both turns are counted");

    assertEquals(2, server.requests().size());
    for (FakeProviderServer.Recorded r : server.requests()) {
      assertTrue(r.path().endsWith(switch (provider) {
        case "anthropic" -> "/v1/messages";
        case "gemini" -> "/models/gemini-2.0-flash:streamGenerateContent";
        default -> "/chat/completions";
      }), r.path());
    }
    JsonNode second = server.requests().get(1).json();
    assertEquals(FakeProviderServer.JSON.readTree(secondTurn(provider)), withoutTools(provider, second), second.toPrettyString());
  }

  @org.junit.jupiter.api.Test
  void textBeforeAToolCallStreamsAsTheAskingTurnsAndTheAnswerIsNoRestart() throws Exception {
    server.enqueue(sse("""
        event: message_start
        data: {"type":"message_start","message":{"id":"msg_1","type":"message","role":"assistant","model":"claude-sonnet-4-5","content":[],"stop_reason":null,"usage":{"input_tokens":20,"output_tokens":1}}}

        event: content_block_start
        data: {"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":0,"delta":{"type":"text_delta","text":"Let me check. "}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":0}

        event: content_block_start
        data: {"type":"content_block_start","index":1,"content_block":{"type":"tool_use","id":"toolu_1","name":"forecast","input":{}}}

        event: content_block_delta
        data: {"type":"content_block_delta","index":1,"delta":{"type":"input_json_delta","partial_json":"{\\"city\\": \\"Paris\\", \\"days\\": 1}"}}

        event: content_block_stop
        data: {"type":"content_block_stop","index":1}

        event: message_delta
        data: {"type":"message_delta","delta":{"stop_reason":"tool_use","stop_sequence":null},"usage":{"output_tokens":9}}

        event: message_stop
        data: {"type":"message_stop"}

        """), answering("anthropic", List.of("Sunny.")));
    PromptStream<String> stream = forecaster("anthropic").ask("Paris");
    List<String> events = stream.events().map(e -> e instanceof StreamEvent.Text t ? "text " + t.text()
        : e instanceof StreamEvent.ToolCall c ? "call " + c.name() : e.getClass().getSimpleName()).toList();

    assertEquals(List.of("text Let me check. ", "call forecast", "ToolResult", "text Sunny.", "Completed"), events);
    Response<String> response = stream.result();
    assertEquals("Sunny.", response.value());
    assertEquals("Sunny.", response.rawText());
    JsonNode assistant = server.requests().get(1).json().path("messages").path(1);
    assertEquals("[{\"type\":\"text\",\"text\":\"Let me check. \"},{\"type\":\"tool_use\",\"id\":\"toolu_1\",\"name\":\"forecast\","
        + "\"input\":{\"city\":\"Paris\",\"days\":1}}]", assistant.path("content").toString(), "the asking turn goes back whole");
  }

  /** The second request without its tool specifications (ToolWireTest checks those): the conversation with the call and its result. */
  private static JsonNode withoutTools(String provider, JsonNode body) {
    com.fasterxml.jackson.databind.node.ObjectNode copy = body.deepCopy();
    assertTrue(copy.has("tools"), "the tools are offered on the second turn too: " + body);
    copy.remove("tools");
    return copy;
  }

  private static String secondTurn(String provider) {
    return switch (provider) {
      case "anthropic" -> """
          {"model":"claude-sonnet-4-5","messages":[
            {"role":"user","content":[{"type":"text","text":"Weather for Paris?"}]},
            {"role":"assistant","content":[{"type":"tool_use","id":"toolu_1","name":"forecast","input":{"city":"Paris","days":2}}]},
            {"role":"user","content":[{"type":"tool_result","tool_use_id":"toolu_1","content":"Paris: sunny"}]}],
           "max_tokens":200,"stream":true,"temperature":0.0}
          """;
      case "gemini" -> """
          {"contents":[
            {"role":"user","parts":[{"text":"Weather for Paris?"}]},
            {"role":"model","parts":[{"functionCall":{"id":"call-1-1","name":"forecast","args":{"city":"Paris","days":2}}}]},
            {"role":"user","parts":[{"functionResponse":{"id":"call-1-1","name":"forecast","response":{"response":"Paris: sunny"}}}]}],
           "generationConfig":{"responseMimeType":"text/plain","candidateCount":1,"maxOutputTokens":200,"temperature":0.0}}
          """;
      default -> """
          {"model":"MODEL","messages":[
            {"role":"user","content":"Weather for Paris?"},
            {"role":"assistant","tool_calls":[{"id":"call_1","type":"function","function":{"name":"forecast","arguments":"{\\"city\\":\\"Paris\\",\\"days\\":2}"}}]},
            {"role":"tool","tool_call_id":"call_1","content":"Paris: sunny"}],
           "temperature":0.0,"stream":true,"stream_options":{"include_usage":true},"max_tokens":200}
          """.replace("MODEL", model(provider));
    };
  }
}
