package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import dev.prompt4j.Tool;
import dev.prompt4j.ToolCallRecord;
import dev.prompt4j.ToolLimitException;
import dev.prompt4j.testing.Runtimes;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The tool loop over each provider's real langchain4j client and wire format, against a local fake
 * server: the tool specifications sent, the model's tool calls read, and the results sent back
 * (OpenAI {@code tool_calls} / {@code role: tool}, Anthropic {@code tool_use} / {@code tool_result},
 * Gemini {@code functionCall} / {@code functionResponse}, Ollama through its OpenAI endpoint).
 */
class ToolWireTest extends FakeServerTest {
  private static final String KEY = "sk-test-TOOLS";

  /** The tools of the tests. */
  public static class Station {
    static final List<String> RAN = new CopyOnWriteArrayList<>();
    static volatile CyclicBarrier barrier = new CyclicBarrier(2);

    /**
     * The forecast of a city.
     *
     * @param city the city
     * @param days how many days ahead
     */
    @Tool
    public String forecast(String city, @Min(1) int days) {
      RAN.add("forecast " + city + " " + days);
      return city + ": sunny";
    }

    /**
     * The air quality of a city; waits for a second call to run at the same time (the test's barrier).
     *
     * @param city the city
     */
    @Tool
    public String air(String city) throws Exception {
      barrier.await(10, TimeUnit.SECONDS); // fails unless another call runs concurrently
      RAN.add("air " + city);
      return city + ": good";
    }

    /** Fails, always. */
    @Tool
    public String radar() {
      throw new IllegalStateException("radar offline");
    }
  }

  @Call(provider = "openai", model = "gpt-4o-mini", tools = Station.class)
  interface Forecaster {
    @Prompt("Weather for {city}?")
    Response<String> ask(String city);
  }

  /** One tool call the fake model asks for. */
  record Wanted(String id, String name, String arguments) {}

  @BeforeEach
  void reset() {
    Station.RAN.clear();
    Station.barrier = new CyclicBarrier(2);
  }

  private Forecaster forecaster(String provider, Map<String, String> extra) {
    Map<String, String> p = new HashMap<>(extra);
    p.put("prompt4j.provider", provider);
    p.put("prompt4j.model", model(provider));
    p.put("prompt4j.providers." + provider + ".base-url", server.baseUrl() + (provider.equals("openai") ? "/v1" : ""));
    if (!provider.equals("ollama")) {
      p.put("prompt4j.providers." + provider + ".api-key", KEY);
    }
    p.put("prompt4j.max-tokens", "200");
    return Runtimes.isolated(p).create(Forecaster.class);
  }

  static String model(String provider) {
    return switch (provider) {
      case "anthropic" -> "claude-sonnet-4-5";
      case "gemini" -> "gemini-2.0-flash";
      case "ollama" -> "llama3.2";
      default -> "gpt-4o-mini";
    };
  }

  /** The provider's answer asking for {@code calls}, as its API sends it. */
  private static FakeProviderServer.Reply asking(String provider, Wanted... calls) {
    ObjectNode out = FakeProviderServer.JSON.createObjectNode();
    try {
      switch (provider) {
        case "anthropic" -> {
          out.put("id", "msg_t").put("type", "message").put("role", "assistant").put("model", model(provider));
          ArrayNode content = out.putArray("content");
          for (Wanted w : calls) {
            content.addObject().put("type", "tool_use").put("id", w.id()).put("name", w.name())
                .set("input", FakeProviderServer.JSON.readTree(w.arguments()));
          }
          out.put("stop_reason", "tool_use").putNull("stop_sequence");
          out.putObject("usage").put("input_tokens", 10).put("output_tokens", 5);
        }
        case "gemini" -> {
          ObjectNode candidate = out.putArray("candidates").addObject();
          ObjectNode content = candidate.putObject("content");
          content.put("role", "model");
          ArrayNode parts = content.putArray("parts");
          for (Wanted w : calls) {
            parts.addObject().putObject("functionCall").put("name", w.name()).set("args", FakeProviderServer.JSON.readTree(w.arguments()));
          }
          candidate.put("finishReason", "STOP").put("index", 0);
          out.putObject("usageMetadata").put("promptTokenCount", 10).put("candidatesTokenCount", 5).put("totalTokenCount", 15);
        }
        default -> {
          out.put("id", "chatcmpl-t").put("object", "chat.completion").put("created", 1756362927L).put("model", model(provider));
          ObjectNode choice = out.putArray("choices").addObject();
          choice.put("index", 0);
          ObjectNode message = choice.putObject("message").put("role", "assistant").putNull("content");
          ArrayNode toolCalls = message.putArray("tool_calls");
          for (Wanted w : calls) {
            toolCalls.addObject().put("id", w.id()).put("type", "function").putObject("function").put("name", w.name()).put("arguments", w.arguments());
          }
          choice.put("finish_reason", "tool_calls");
          out.putObject("usage").put("prompt_tokens", 14).put("completion_tokens", 7).put("total_tokens", 21);
        }
      }
      return FakeProviderServer.Reply.raw(200, FakeProviderServer.JSON.writeValueAsString(out));
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The tool specifications a request offered, by name, as {name, description, parameters schema}. */
  private static Map<String, JsonNode> offered(String provider, JsonNode body) {
    Map<String, JsonNode> specs = new HashMap<>();
    JsonNode tools = body.path("tools");
    for (JsonNode t : provider.equals("gemini") ? tools.path(0).path("functionDeclarations") : tools) {
      JsonNode spec = switch (provider) {
        case "anthropic" -> FakeProviderServer.JSON.createObjectNode().put("description", t.path("description").asText())
            .set("parameters", t.path("input_schema"));
        case "gemini" -> t;
        default -> {
          assertEquals("function", t.path("type").asText(), t.toString());
          yield t.path("function");
        }
      };
      specs.put(provider.equals("anthropic") ? t.path("name").asText() : spec.path("name").asText(), spec);
    }
    return specs;
  }

  /** The tool results a request sent back, in order, as {id or name, content}. */
  private static List<List<String>> resultsSent(String provider, JsonNode body) {
    List<List<String>> results = new ArrayList<>();
    switch (provider) {
      case "anthropic" -> {
        for (JsonNode m : body.path("messages")) {
          for (JsonNode c : m.path("content")) {
            if (c.path("type").asText().equals("tool_result")) {
              assertEquals("user", m.path("role").asText(), m.toString());
              JsonNode content = c.path("content");
              results.add(List.of(c.path("tool_use_id").asText(), content.isArray() ? content.path(0).path("text").asText() : content.asText()));
            }
          }
        }
      }
      case "gemini" -> {
        for (JsonNode m : body.path("contents")) {
          for (JsonNode part : m.path("parts")) {
            if (part.has("functionResponse")) {
              JsonNode r = part.path("functionResponse");
              assertEquals("user", m.path("role").asText(), m.toString());
              // langchain4j wraps the result text: {"functionResponse":{"name":..,"response":{"response":"<text>"}}}
              results.add(List.of(r.path("name").asText(), r.path("response").path("response").asText()));
            }
          }
        }
      }
      default -> {
        for (JsonNode m : body.path("messages")) {
          if (m.path("role").asText().equals("tool")) {
            results.add(List.of(m.path("tool_call_id").asText(), m.path("content").asText()));
          }
        }
      }
    }
    return results;
  }

  /** The tool calls of the model's turns that a request repeats, as {id or name, name, arguments}. */
  private static List<List<String>> callsRepeated(String provider, JsonNode body) {
    List<List<String>> calls = new ArrayList<>();
    switch (provider) {
      case "anthropic" -> body.path("messages").forEach(m -> m.path("content").forEach(c -> {
        if (c.path("type").asText().equals("tool_use")) {
          assertEquals("assistant", m.path("role").asText());
          calls.add(List.of(c.path("id").asText(), c.path("name").asText(), c.path("input").toString()));
        }
      }));
      case "gemini" -> body.path("contents").forEach(m -> m.path("parts").forEach(p -> {
        if (p.has("functionCall")) {
          assertEquals("model", m.path("role").asText());
          calls.add(List.of(p.path("functionCall").path("name").asText(), p.path("functionCall").path("name").asText(),
              p.path("functionCall").path("args").toString()));
        }
      }));
      default -> body.path("messages").forEach(m -> m.path("tool_calls").forEach(c -> {
        assertEquals("assistant", m.path("role").asText());
        calls.add(List.of(c.path("id").asText(), c.path("function").path("name").asText(), compact(c.path("function").path("arguments").asText())));
      }));
    }
    return calls;
  }

  private static String compact(String json) {
    try {
      return FakeProviderServer.JSON.readTree(json).toString();
    } catch (java.io.IOException e) {
      throw new AssertionError("not JSON: " + json, e);
    }
  }

  private String id(String provider, String id, String name) {
    return provider.equals("gemini") ? name : id; // Gemini matches results to calls by name
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
  void oneTool(String provider) throws Exception {
    server.enqueue(asking(provider, new Wanted("c1", "forecast", "{\"city\":\"Paris\",\"days\":2}")), FakeProviderServer.Reply.ok("Sunny in Paris."));
    Response<String> answer = forecaster(provider, Map.of()).ask("Paris");

    assertEquals("Sunny in Paris.", answer.value());
    assertEquals(List.of("forecast Paris 2"), Station.RAN);
    assertEquals(2, server.requests().size());
    JsonNode first = server.requests().get(0).json();
    Map<String, JsonNode> specs = offered(provider, first);
    assertEquals(List.of("air", "forecast", "radar"), specs.keySet().stream().sorted().toList(), first.toString());
    JsonNode forecast = specs.get("forecast");
    assertEquals("The forecast of a city.", forecast.path("description").asText());
    JsonNode params = forecast.path("parameters");
    assertEquals("object", params.path("type").asText().toLowerCase(Locale.ROOT), params.toString());
    assertEquals("string", params.path("properties").path("city").path("type").asText().toLowerCase(Locale.ROOT), params.toString());
    assertEquals("integer", params.path("properties").path("days").path("type").asText().toLowerCase(Locale.ROOT), params.toString());
    assertEquals("[\"city\",\"days\"]", params.path("required").toString(), params.toString());
    assertTrue(resultsSent(provider, first).isEmpty());

    JsonNode second = server.requests().get(1).json();
    assertEquals(List.of(List.of(id(provider, "c1", "forecast"), "forecast", "{\"city\":\"Paris\",\"days\":2}")),
        callsRepeated(provider, second));
    assertEquals(List.of(List.of(id(provider, "c1", "forecast"), "Paris: sunny")), resultsSent(provider, second));
    assertEquals(3, offered(provider, second).size(), "the tools are offered on every turn");
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
  void twoToolsRunInParallelInOneTurn(String provider) {
    server.enqueue(asking(provider, new Wanted("a1", "air", "{\"city\":\"Oslo\"}"), new Wanted("a2", "air", "{\"city\":\"Rome\"}")),
        FakeProviderServer.Reply.ok("Both fine."));
    Response<String> answer = forecaster(provider, Map.of()).ask("Oslo and Rome");

    assertEquals("Both fine.", answer.value());
    // Each call waited at a barrier of two: both ran, so they ran at the same time.
    assertEquals(List.of("air Oslo", "air Rome"), Station.RAN.stream().sorted().toList());
    assertTrue(answer.toolCalls().stream().allMatch(ToolCallRecord::succeeded), answer.toolCalls().toString());
    List<List<String>> results = resultsSent(provider, server.requests().get(1).json());
    assertEquals(List.of("Oslo: good", "Rome: good"), results.stream().map(r -> r.get(1)).toList());
    if (!provider.equals("gemini")) {
      assertEquals(List.of("a1", "a2"), results.stream().map(r -> r.get(0)).toList());
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
  void aChainOfThreeTurns(String provider) {
    server.enqueue(asking(provider, new Wanted("t1", "forecast", "{\"city\":\"Oslo\",\"days\":1}")),
        asking(provider, new Wanted("t2", "forecast", "{\"city\":\"Rome\",\"days\":1}")),
        FakeProviderServer.Reply.ok("Rome is better."));
    Response<String> answer = forecaster(provider, Map.of()).ask("Oslo or Rome");

    assertEquals("Rome is better.", answer.value());
    assertEquals(List.of("forecast Oslo 1", "forecast Rome 1"), Station.RAN);
    assertEquals(3, server.requests().size());
    JsonNode last = server.requests().get(2).json();
    assertEquals(List.of("Oslo: sunny", "Rome: sunny"), resultsSent(provider, last).stream().map(r -> r.get(1)).toList());
    assertEquals(2, callsRepeated(provider, last).size());
    assertEquals(List.of(1, 2), answer.toolCalls().stream().map(ToolCallRecord::turn).toList());
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
  void aHallucinatedToolNameIsToldToTheModel(String provider) {
    server.enqueue(asking(provider, new Wanted("h1", "satellite", "{}")), FakeProviderServer.Reply.ok("Sorry."));
    Response<String> answer = forecaster(provider, Map.of()).ask("Paris");

    String fedBack = resultsSent(provider, server.requests().get(1).json()).get(0).get(1);
    assertTrue(fedBack.contains("no tool named 'satellite'") && fedBack.contains("forecast, air, radar"), fedBack);
    assertEquals("unknown tool", answer.toolCalls().get(0).error());
    assertTrue(Station.RAN.isEmpty());
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
  void invalidArgumentsAreFedBackThenCorrected(String provider) {
    server.enqueue(asking(provider, new Wanted("i1", "forecast", "{\"city\":\"Oslo\",\"days\":0}")),
        asking(provider, new Wanted("i2", "forecast", "{\"city\":\"Oslo\",\"days\":1}")), FakeProviderServer.Reply.ok("Sunny."));
    Response<String> answer = forecaster(provider, Map.of()).ask("Oslo");

    assertEquals("Sunny.", answer.value());
    List<List<String>> results = resultsSent(provider, server.requests().get(2).json());
    assertTrue(results.get(0).get(1).contains("arguments of forecast are not valid") && results.get(0).get(1).contains("days"), results.toString());
    assertEquals("Oslo: sunny", results.get(1).get(1));
    assertEquals(List.of("forecast Oslo 1"), Station.RAN); // the invalid call never ran
    assertTrue(answer.toolCalls().get(0).error().startsWith("invalid arguments"), answer.toolCalls().toString());
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
  void aToolThatThrowsIsFedBack(String provider) {
    server.enqueue(asking(provider, new Wanted("x1", "radar", "{}")), FakeProviderServer.Reply.ok("No radar today."));
    Response<String> answer = forecaster(provider, Map.of()).ask("Oslo");

    assertEquals("No radar today.", answer.value());
    String fedBack = resultsSent(provider, server.requests().get(1).json()).get(0).get(1);
    assertTrue(fedBack.contains("radar failed") && fedBack.contains("radar offline"), fedBack);
    assertEquals("IllegalStateException: radar offline", answer.toolCalls().get(0).error());
  }

  @ParameterizedTest
  @ValueSource(strings = {"openai", "anthropic", "gemini", "ollama"})
  void theRoundTripLimitStopsTheLoop(String provider) {
    for (int i = 0; i < 3; i++) {
      server.enqueue(asking(provider, new Wanted("r" + i, "forecast", "{\"city\":\"Oslo\",\"days\":" + (i + 1) + "}")));
    }
    ToolLimitException limit = assertThrows(ToolLimitException.class,
        () -> forecaster(provider, Map.of("prompt4j.max-tool-round-trips", "2")).ask("Oslo"));
    assertTrue(limit.getMessage().contains("after 2 round trips"), limit.getMessage());
    assertEquals(3, server.requests().size());
    assertEquals(List.of("forecast Oslo 1", "forecast Oslo 2"), Station.RAN);
    assertEquals(2, limit.toolCalls().size());
  }
}
