package dev.prompt4j.test.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptCall;
import dev.prompt4j.PromptListener;
import dev.prompt4j.PromptStream;
import dev.prompt4j.Response;
import dev.prompt4j.StreamEvent;
import dev.prompt4j.Tool;
import dev.prompt4j.ToolCallRecord;
import dev.prompt4j.ToolLimitException;
import dev.prompt4j.test.OfflineModel;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A streaming method with tools: each turn streams, tool calls and results are events, the answer streams last. */
class StreamingToolsTest {
  /** Tools for the tests. */
  public static class Desk {
    static volatile CyclicBarrier barrier = new CyclicBarrier(2);

    /**
     * The forecast of a city.
     *
     * @param city the city
     */
    @Tool
    public String forecast(String city) {
      return city + ": sunny";
    }

    /**
     * The air quality of a city; waits for a second call running at the same time.
     *
     * @param city the city
     */
    @Tool
    public String air(String city) throws Exception {
      barrier.await(10, TimeUnit.SECONDS); // fails unless another call runs concurrently
      return city + ": good";
    }

    /** Fails, always. */
    @Tool
    public String radar() {
      throw new IllegalStateException("radar offline");
    }
  }

  /** A streamed and a plain method on the same tools and script. */
  @Call(provider = "offline", model = "m", tools = Desk.class)
  public interface Agent {
    record Trip(String city, int days) {}

    @Prompt("Weather in {city}?")
    PromptStream<String> weather(String city);

    @Prompt("Weather in {city}?")
    Response<String> weatherNow(String city);

    @Prompt("Plan a trip to {city}")
    PromptStream<Trip> trip(String city);
  }

  /** Records the tool calls listeners see. */
  static final class ToolCalls implements PromptListener {
    final List<String> seen = new CopyOnWriteArrayList<>();

    @Override
    public void toolCalled(PromptCall call, String tool, Duration duration, Throwable failure) {
      seen.add(call.method() + " " + tool + (failure == null ? "" : " failed: " + failure.getMessage()));
    }
  }

  private static Agent agent(OfflineModel model, PromptListener listener) {
    return Prompt4j.builder().client("offline", model).listener(listener).build().create(Agent.class);
  }

  @Test
  void toolCallsAndResultsAreEventsThenTheAnswerStreams() {
    OfflineModel model = OfflineModel.builder()
        .when("Agent.weather").callsTool("forecast", "{\"city\":\"Paris\"}").callsTool("radar", "{}").reply("Sunny in Paris, no radar.")
        .when("Agent.weatherNow").callsTool("forecast", "{\"city\":\"Paris\"}").callsTool("radar", "{}").reply("Sunny in Paris, no radar.")
        .build().withStreaming(4, Duration.ZERO);
    ToolCalls listener = new ToolCalls();
    Agent agent = agent(model, listener);
    PromptStream<String> stream = agent.weather("Paris");
    List<StreamEvent> events = stream.events().collect(Collectors.toList());

    List<String> kinds = events.stream().map(e -> e.getClass().getSimpleName()).distinct().toList();
    assertEquals(List.of("ToolCall", "ToolResult", "Text", "Completed"), kinds, events.toString());
    List<StreamEvent> tools = events.stream().filter(e -> !(e instanceof StreamEvent.Text) && !(e instanceof StreamEvent.Completed)).toList();
    assertEquals(4, tools.size(), tools.toString());
    StreamEvent.ToolCall first = (StreamEvent.ToolCall) tools.get(0);
    assertEquals(List.of(1, "forecast", "{\"city\":\"Paris\"}"), List.of(first.turn(), first.name(), first.arguments()));
    assertEquals("Paris: sunny", ((StreamEvent.ToolResult) tools.get(1)).call().result());
    assertEquals("radar", ((StreamEvent.ToolCall) tools.get(2)).name());
    assertEquals(2, ((StreamEvent.ToolCall) tools.get(2)).turn());
    ToolCallRecord radar = ((StreamEvent.ToolResult) tools.get(3)).call();
    assertEquals("IllegalStateException: radar offline", radar.error());
    assertFalse(events.stream().anyMatch(e -> e instanceof StreamEvent.Restarted), "a turn after tool results is no restart");
    String text = events.stream().filter(e -> e instanceof StreamEvent.Text).map(e -> ((StreamEvent.Text) e).text()).collect(Collectors.joining());
    assertEquals("Sunny in Paris, no radar.", text);
    assertTrue(events.indexOf(tools.get(3)) < events.indexOf(events.stream().filter(e -> e instanceof StreamEvent.Text).findFirst().get()));

    // The trace and the listeners are those of the same call not streamed.
    Response<String> streamed = stream.result();
    Response<String> plain = agent.weatherNow("Paris");
    assertEquals(plain.value(), streamed.value());
    assertEquals(strip(plain.toolCalls()), strip(streamed.toolCalls()));
    assertEquals(radar, streamed.toolCalls().get(1), "the event carries the response's record");
    assertEquals(List.of("Agent.weather forecast", "Agent.weather radar failed: radar offline",
        "Agent.weatherNow forecast", "Agent.weatherNow radar failed: radar offline"), listener.seen);
    assertTrue(streamed.toJson().contains("\"toolCalls\""), streamed.toJson());
    assertEquals(json(plain.toJson()).path("toolCalls").size(), json(streamed.toJson()).path("toolCalls").size());
    assertEquals(3, model.requests().stream().filter(r -> "Agent.weather".equals(r.method())).count());
  }

  @Test
  void callsOfOneTurnRunConcurrentlyAndBothAreEvents() {
    Desk.barrier = new CyclicBarrier(2);
    OfflineModel model = OfflineModel.fromJson("""
        {"replies": [{"method": "Agent.weather", "replies": [
          {"toolCalls": [{"name": "air", "arguments": {"city": "Oslo"}}, {"name": "air", "arguments": {"city": "Rome"}}]},
          "Both fine."]}]}
        """).withStreaming(4, Duration.ZERO);
    PromptStream<String> stream = agent(model, new ToolCalls()).weather("Oslo and Rome");
    List<StreamEvent> events = stream.events().toList();

    assertEquals(List.of("air", "air"), events.stream().filter(e -> e instanceof StreamEvent.ToolCall).map(e -> ((StreamEvent.ToolCall) e).name()).toList());
    assertEquals(List.of("Oslo: good", "Rome: good"), events.stream().filter(e -> e instanceof StreamEvent.ToolResult)
        .map(e -> ((StreamEvent.ToolResult) e).call().result()).sorted().toList());
    assertEquals("Both fine.", stream.result().value());
  }

  @Test
  void aStructuredAnswerAfterToolsStreamsPartialsOfTheAnswerOnly() {
    OfflineModel model = OfflineModel.builder()
        .when("Agent.trip").callsTool("forecast", "{\"city\":\"Rome\"}").reply("{\"city\":\"Rome\",\"days\":3}")
        .build().withStreaming(4, Duration.ZERO);
    PromptStream<Agent.Trip> stream = agent(model, new ToolCalls()).trip("Rome");
    List<StreamEvent> events = stream.events().toList();

    assertTrue(events.get(0) instanceof StreamEvent.ToolCall && events.get(1) instanceof StreamEvent.ToolResult, events.toString());
    List<Object> partials = events.stream().filter(e -> e instanceof StreamEvent.Partial).map(e -> (Object) ((StreamEvent.Partial) e).value()).toList();
    assertFalse(partials.isEmpty());
    assertEquals(java.util.Map.of("city", "Rome", "days", 3), partials.get(partials.size() - 1));
    assertEquals(new Agent.Trip("Rome", 3), stream.result().value());
    assertEquals(1, stream.result().toolCalls().size());
  }

  @Test
  void theRoundTripLimitEndsTheStreamWithToolLimitException() {
    OfflineModel model = OfflineModel.builder()
        .when("Agent.weather").callsTool("forecast", "{\"city\":\"Oslo\"}").callsTool("forecast", "{\"city\":\"Rome\"}").reply("Never.")
        .build().withStreaming(4, Duration.ZERO);
    Agent agent = Prompt4j.builder().properties(java.util.Map.of("prompt4j.max-tool-round-trips", "1")).client("offline", model).build()
        .create(Agent.class);
    PromptStream<String> stream = agent.weather("Oslo");
    List<StreamEvent> seen = new java.util.ArrayList<>();
    ToolLimitException limit = assertThrows(ToolLimitException.class, () -> stream.events().forEach(seen::add));

    assertTrue(limit.getMessage().contains("after 1 round trips"), limit.getMessage());
    assertEquals(2, seen.size(), "the first turn's call and result, then the failure: " + seen);
    assertEquals(1, limit.toolCalls().size());
    assertThrows(ToolLimitException.class, stream::result);
  }

  /** The records without their durations, which differ run to run. */
  private static List<List<Object>> strip(List<ToolCallRecord> calls) {
    return calls.stream().map(c -> List.<Object>of(c.turn(), c.name(), c.arguments(), c.result(), String.valueOf(c.error()))).toList();
  }

  private static com.fasterxml.jackson.databind.JsonNode json(String text) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new AssertionError(e);
    }
  }
}
