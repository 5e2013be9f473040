package dev.prompt4j.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptStream;
import dev.prompt4j.Response;
import dev.prompt4j.Tool;
import dev.prompt4j.ToolCallRecord;
import dev.prompt4j.test.OfflineModel;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code execute_tool} spans and streamed {@code chat} spans, from real calls through the offline
 * model of the test kit (which streams its scripted answers in chunks, on a thread of its own).
 */
class ToolAndStreamSpansTest {
  private final InMemoryTelemetry telemetry = new InMemoryTelemetry();

  @AfterEach
  void close() {
    telemetry.close();
  }

  /** Tools for the tests. */
  public static class Desk {
    static volatile CyclicBarrier barrier;
    static volatile Agent nested;

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
     * The air quality of a city; returns only once a second call runs at the same time.
     *
     * @param city the city
     */
    @Tool
    public String air(String city) throws Exception {
      barrier.await(10, TimeUnit.SECONDS);
      return city + ": good";
    }

    /** Fails, always. */
    @Tool
    public String radar() {
      throw new IllegalStateException("radar offline");
    }

    /** Waits, interrupted as a cancelled call or a time limit interrupts it (here at once, by itself: no timing). */
    @Tool
    public String stall() throws InterruptedException {
      Thread.currentThread().interrupt();
      new java.util.concurrent.CountDownLatch(1).await(10, TimeUnit.SECONDS);
      return "not interrupted";
    }

    /** Breaks with an Error, not an exception. */
    @Tool
    public String sensor() {
      throw new AssertionError("sensor fault");
    }

    /**
     * A summary of a city, written by a nested prompt call.
     *
     * @param city the city
     */
    @Tool
    public String summary(String city) {
      return nested.summarize(city);
    }
  }

  /** Streamed and plain methods on the same tools. */
  @Call(provider = "offline", model = "m", tools = Desk.class, topP = 0.9, seed = 7)
  public interface Agent {
    @Prompt("Weather in {city}?")
    PromptStream<String> weather(String city);

    @Prompt("Weather in {city}?")
    Response<String> weatherNow(String city);

    @Prompt("Tell me about {city}")
    String summarize(String city);
  }

  /** A tool that needs a person's approval. */
  public static class Bookings {
    /**
     * Books a trip.
     *
     * @param city the city
     */
    @Tool(approval = Tool.Approval.REQUIRED)
    public String book(String city) {
      throw new AssertionError("declined: never runs");
    }
  }

  /** A method that may pause for approval. */
  @Call(provider = "offline", model = "m", tools = Bookings.class)
  public interface Travel {
    @Prompt("Book a trip to {city}")
    Response<String> plan(String city);
  }

  private Agent agent(OfflineModel model, boolean content) {
    Agent agent = Prompt4j.builder().properties(Map.of()).classLoader(getClass().getClassLoader()).client("offline", model)
        .listener(OpenTelemetryListener.create(telemetry.otel, content)).build().create(Agent.class);
    Desk.nested = agent;
    return agent;
  }

  private List<SpanData> finished() {
    return telemetry.spans.getFinishedSpanItems().stream().sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).toList();
  }

  private static SpanData named(List<SpanData> all, String name) {
    return all.stream().filter(s -> s.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + all.stream().map(SpanData::getName).toList()));
  }

  @Test
  void aStreamedAnswerHasItsStreamAttributesTimeToFirstChunkAndUsage() {
    OfflineModel model = OfflineModel.replying("Sunny and warm all week in Paris.").withStreaming(4, Duration.ofMillis(1));
    Agent agent = agent(model, false);
    io.opentelemetry.api.trace.Span caller = telemetry.otel.getTracer("test").spanBuilder("caller").startSpan();
    PromptStream<String> stream;
    try (io.opentelemetry.context.Scope scope = caller.makeCurrent()) {
      stream = agent.weather("Paris");
    }
    Response<String> response = stream.result();
    caller.end();
    assertEquals("Sunny and warm all week in Paris.", response.value());

    List<SpanData> all = finished();
    assertEquals(3, all.size(), all.toString());
    SpanData workflow = named(all, "invoke_workflow Agent.weather");
    SpanData chat = named(all, "chat m");
    assertEquals(caller.getSpanContext().getSpanId(), workflow.getParentSpanId(),
        "the stream runs on the executor, its span under the span current where it was asked for");
    Double ttfc = chat.getAttributes().get(GenAiAttributes.RESPONSE_TIME_TO_FIRST_CHUNK);
    assertNotNull(ttfc, chat.getAttributes().toString());
    assertAll(
        () -> assertEquals(workflow.getSpanId(), chat.getParentSpanId(), "chunks arrive on the model's thread; the span stays under its call"),
        () -> assertEquals(SpanKind.CLIENT, chat.getKind()),
        () -> assertEquals(true, chat.getAttributes().get(GenAiAttributes.REQUEST_STREAM)),
        () -> assertTrue(ttfc > 0 && ttfc * 1e9 <= chat.getEndEpochNanos() - chat.getStartEpochNanos(),
            "the first chunk came within the request: " + ttfc),
        () -> assertEquals(response.usage().inputTokens(), chat.getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS)),
        () -> assertEquals(7L, chat.getAttributes().get(GenAiAttributes.USAGE_OUTPUT_TOKENS), "the offline model counts the reply's words"),
        () -> assertEquals(7L, workflow.getAttributes().get(GenAiAttributes.USAGE_OUTPUT_TOKENS)),
        () -> assertEquals(List.of("stop"), chat.getAttributes().get(GenAiAttributes.RESPONSE_FINISH_REASONS)),
        () -> assertEquals("m", chat.getAttributes().get(GenAiAttributes.RESPONSE_MODEL)),
        () -> assertEquals(0.9, chat.getAttributes().get(GenAiAttributes.REQUEST_TOP_P)),
        () -> assertEquals(7L, response.unsentParameters().seed(), "the offline client takes no seed"),
        () -> assertNull(chat.getAttributes().get(GenAiAttributes.REQUEST_SEED), "not sent, so not on the span"),
        () -> assertEquals("offline", chat.getAttributes().get(GenAiAttributes.PROVIDER_NAME), "unlisted: the provider's own name"));

    MetricData histogram = telemetry.metric("gen_ai.client.operation.time_to_first_chunk");
    assertEquals("s", histogram.getUnit());
    HistogramPointData point = histogram.getHistogramData().getPoints().iterator().next();
    assertEquals(1, point.getCount());
    assertEquals(ttfc, point.getSum(), 1e-12);
    assertEquals(GenAiAttributes.DURATION_BUCKETS, point.getBoundaries());
    assertEquals("chat", point.getAttributes().get(GenAiAttributes.OPERATION_NAME));
    assertEquals(Map.of("input", (double) response.usage().inputTokens(), "output", 7.0),
        Map.copyOf(telemetry.metric("gen_ai.client.token.usage").getHistogramData().getPoints().stream().collect(java.util.stream.Collectors
            .toMap(p -> p.getAttributes().get(GenAiAttributes.TOKEN_TYPE), HistogramPointData::getSum))));
  }

  @Test
  void aStreamedMethodWithToolsHasAChatSpanPerTurnAndAToolSpanBetween() {
    OfflineModel model = OfflineModel.builder()
        .when("Agent.weather").callsTool("forecast", "{\"city\":\"Paris\"}").reply("Sunny in Paris.")
        .build().withStreaming(4, Duration.ZERO);
    PromptStream<String> stream = agent(model, false).weather("Paris");
    Response<String> response = stream.result();
    ToolCallRecord forecast = response.toolCalls().get(0);

    List<SpanData> all = finished();
    assertEquals(List.of("invoke_workflow Agent.weather", "chat m", "execute_tool forecast", "chat m"),
        all.stream().map(SpanData::getName).toList());
    SpanData workflow = all.get(0);
    SpanData ask = all.get(1);
    SpanData tool = all.get(2);
    SpanData answer = all.get(3);
    assertAll(
        () -> assertEquals(workflow.getSpanId(), ask.getParentSpanId()),
        () -> assertEquals(workflow.getSpanId(), tool.getParentSpanId()),
        () -> assertEquals(workflow.getSpanId(), answer.getParentSpanId()),
        () -> assertEquals(SpanKind.INTERNAL, tool.getKind()),
        () -> assertEquals("execute_tool", tool.getAttributes().get(GenAiAttributes.OPERATION_NAME)),
        () -> assertEquals("forecast", tool.getAttributes().get(GenAiAttributes.TOOL_NAME)),
        () -> assertEquals("function", tool.getAttributes().get(GenAiAttributes.TOOL_TYPE)),
        () -> assertEquals(forecast.id(), tool.getAttributes().get(GenAiAttributes.TOOL_CALL_ID)),
        () -> assertEquals(1L, tool.getAttributes().get(GenAiAttributes.TOOL_TURN)),
        () -> assertNull(tool.getAttributes().get(GenAiAttributes.TOOL_CALL_ARGUMENTS), "no content unless turned on"),
        () -> assertNull(tool.getAttributes().get(GenAiAttributes.TOOL_CALL_RESULT), "no content unless turned on"),
        () -> assertEquals(StatusCode.UNSET, tool.getStatus().getStatusCode()),
        () -> assertTrue(ask.getEndEpochNanos() <= tool.getStartEpochNanos(), "the tool starts when it starts, after the turn asking for it"),
        () -> assertTrue(tool.getEndEpochNanos() <= answer.getStartEpochNanos(), "and ends before the next turn"),
        () -> assertEquals(List.of("tool_call"), ask.getAttributes().get(GenAiAttributes.RESPONSE_FINISH_REASONS), "the convention's name"),
        () -> assertEquals(List.of("stop"), answer.getAttributes().get(GenAiAttributes.RESPONSE_FINISH_REASONS)),
        () -> assertEquals(List.of(true, true), List.of(ask.getAttributes().get(GenAiAttributes.REQUEST_STREAM),
            answer.getAttributes().get(GenAiAttributes.REQUEST_STREAM))),
        () -> assertNotNull(answer.getAttributes().get(GenAiAttributes.RESPONSE_TIME_TO_FIRST_CHUNK), "the answer turn streamed text"));
  }

  @Test
  void concurrentToolCallsRunOnExecutorThreadsUnderTheWorkflowSpanWithContentWhenAskedFor() {
    Desk.barrier = new CyclicBarrier(2);
    OfflineModel model = OfflineModel.fromJson("""
        {"replies": [{"method": "Agent.weatherNow", "replies": [
          {"toolCalls": [{"name": "air", "arguments": {"city": "Oslo"}}, {"name": "air", "arguments": {"city": "Rome"}}]},
          "Good air in both."]}]}
        """);
    Response<String> response = agent(model, true).weatherNow("Oslo and Rome");
    assertEquals("Good air in both.", response.value());

    List<SpanData> all = finished();
    SpanData workflow = named(all, "invoke_workflow Agent.weatherNow");
    List<SpanData> tools = all.stream().filter(s -> s.getName().equals("execute_tool air")).toList();
    assertEquals(2, tools.size(), all.toString());
    for (SpanData tool : tools) {
      ToolCallRecord record = response.toolCalls().stream()
          .filter(c -> c.id().equals(tool.getAttributes().get(GenAiAttributes.TOOL_CALL_ID))).findFirst().orElseThrow();
      assertAll(record.id(),
          () -> assertEquals(workflow.getSpanId(), tool.getParentSpanId(), "run on an executor thread, still under the call"),
          () -> assertEquals(workflow.getTraceId(), tool.getTraceId()),
          () -> assertEquals(record.arguments(), tool.getAttributes().get(GenAiAttributes.TOOL_CALL_ARGUMENTS)),
          () -> assertEquals(record.result(), tool.getAttributes().get(GenAiAttributes.TOOL_CALL_RESULT)),
          () -> assertTrue(record.result().endsWith(": good")));
    }
    List<SpanData> chats = all.stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
    assertEquals(2, chats.size(), "a chat span per turn, content capture on: " + all);
    String second = chats.get(1).getAttributes().get(GenAiAttributes.INPUT_MESSAGES);
    for (ToolCallRecord call : response.toolCalls()) {
      assertTrue(second.contains("{\"type\":\"tool_call\",\"id\":\"" + call.id() + "\",\"name\":\"air\""), second);
      assertTrue(second.contains("{\"role\":\"tool\",\"parts\":[{\"type\":\"tool_call_response\",\"id\":\"" + call.id()
          + "\",\"response\":" + OpenTelemetryListener.json(call.result()) + "}]}"), second);
    }
    assertEquals("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"Good air in both.\"}],\"finish_reason\":\"stop\"}]",
        chats.get(1).getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES));
    // The barrier let neither call return before both ran: the spans overlap.
    assertTrue(tools.get(0).getStartEpochNanos() < tools.get(1).getEndEpochNanos()
        && tools.get(1).getStartEpochNanos() < tools.get(0).getEndEpochNanos());
    assertFalse(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid(), "no span left current on the caller's thread");
  }

  @Test
  void aFailedOrUnknownToolIsAnErrorSpanWithItsErrorType() {
    OfflineModel model = OfflineModel.builder()
        .when("Agent.weatherNow").callsTool("radar", "{}").callsTool("teleport", "{}").reply("No radar.")
        .build();
    agent(model, false).weatherNow("Paris");

    List<SpanData> all = finished();
    SpanData radar = named(all, "execute_tool radar");
    SpanData unknown = named(all, "execute_tool teleport");
    assertAll(
        () -> assertEquals(StatusCode.ERROR, radar.getStatus().getStatusCode()),
        () -> assertEquals(IllegalStateException.class.getName(), radar.getAttributes().get(GenAiAttributes.ERROR_TYPE)),
        () -> assertEquals("radar offline", radar.getStatus().getDescription()),
        () -> assertEquals(StatusCode.ERROR, unknown.getStatus().getStatusCode()),
        () -> assertEquals("unknown_tool", unknown.getAttributes().get(GenAiAttributes.ERROR_TYPE)),
        () -> assertEquals(StatusCode.UNSET, named(all, "invoke_workflow Agent.weatherNow").getStatus().getStatusCode(),
            "the model got the errors back and answered: the call succeeded"));
  }

  @Test
  void eachTurnOfAToolLoopHasItsNumberAndEachToolSpanItsToolsDescription() {
    OfflineModel model = OfflineModel.fromJson("""
        {"replies": [{"method": "Agent.weatherNow", "replies": [
          {"toolCalls": [{"name": "forecast", "arguments": {"city": "Oslo"}}]},
          {"toolCalls": [{"name": "forecast", "arguments": {"city": "Rome"}}, {"name": "teleport", "arguments": {}}]},
          "Sunny in both."]}]}
        """);
    assertEquals("Sunny in both.", agent(model, false).weatherNow("Oslo and Rome").value());

    List<SpanData> all = finished();
    List<SpanData> chats = all.stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
    assertEquals(List.of(1L, 2L, 3L), chats.stream().map(s -> s.getAttributes().get(GenAiAttributes.TURN)).toList(),
        "each turn its number: the spans of a tool loop are told apart");
    assertEquals(List.of(1L, 1L, 1L), chats.stream().map(s -> s.getAttributes().get(GenAiAttributes.ATTEMPT_NUMBER)).toList(),
        "each turn's first request");
    List<SpanData> forecasts = all.stream().filter(s -> s.getName().equals("execute_tool forecast")).toList();
    assertEquals(List.of(1L, 2L), forecasts.stream().map(s -> s.getAttributes().get(GenAiAttributes.TOOL_TURN)).toList(),
        "a tool span's turn is the chat span that asked for it");
    for (SpanData forecast : forecasts) {
      assertEquals("The forecast of a city.", forecast.getAttributes().get(GenAiAttributes.TOOL_DESCRIPTION), "from the tool's Javadoc");
    }
    SpanData unknown = named(all, "execute_tool teleport");
    assertNull(unknown.getAttributes().get(GenAiAttributes.TOOL_DESCRIPTION), "no tool, no description");
    assertEquals("unknown_tool", unknown.getAttributes().get(GenAiAttributes.ERROR_TYPE));
  }

  @Test
  void aToolThatThrowsAnErrorEndsItsSpanWithErrorStatusAndTheErrorFailsTheCall() {
    OfflineModel model = OfflineModel.builder().when("Agent.weatherNow").callsTool("sensor", "{}").reply("Unreachable.").build();
    Agent agent = agent(model, false);
    Throwable thrown = org.junit.jupiter.api.Assertions.assertThrows(Throwable.class, () -> agent.weatherNow("Paris"));
    Throwable cause = thrown;
    while (cause.getCause() != null && !(cause instanceof AssertionError)) {
      cause = cause.getCause();
    }
    assertEquals("sensor fault", cause.getMessage(), "the Error is not swallowed: " + thrown);

    SpanData sensor = named(finished(), "execute_tool sensor");
    assertAll(
        () -> assertEquals(StatusCode.ERROR, sensor.getStatus().getStatusCode()),
        () -> assertEquals(AssertionError.class.getName(), sensor.getAttributes().get(GenAiAttributes.ERROR_TYPE)),
        () -> assertEquals("sensor fault", sensor.getStatus().getDescription()),
        () -> assertEquals("Breaks with an Error, not an exception.", sensor.getAttributes().get(GenAiAttributes.TOOL_DESCRIPTION)),
        () -> assertFalse(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid(),
            "the tool's span is no longer current on the thread that ran it"));
  }

  @Test
  void aToolInterruptedWhileItRunsEndsItsSpanAsCancelled() {
    OfflineModel model = OfflineModel.builder().when("Agent.weatherNow").callsTool("stall", "{}").reply("Unreachable.").build();
    Agent agent = agent(model, false);
    try {
      org.junit.jupiter.api.Assertions.assertThrows(java.util.concurrent.CancellationException.class, () -> agent.weatherNow("Paris"));
    } finally {
      assertTrue(Thread.interrupted(), "the interruption is kept for the caller"); // and cleared for the next test
    }

    SpanData stall = named(finished(), "execute_tool stall");
    assertEquals(StatusCode.ERROR, stall.getStatus().getStatusCode());
    assertEquals(java.util.concurrent.CancellationException.class.getName(), stall.getAttributes().get(GenAiAttributes.ERROR_TYPE));
    assertFalse(io.opentelemetry.api.trace.Span.current().getSpanContext().isValid(), "no tool span left current");
  }

  @Test
  void aPromptCallMadeInsideAToolNestsUnderTheToolSpan() {
    OfflineModel model = OfflineModel.builder()
        .when("Agent.weatherNow").callsTool("summary", "{\"city\":\"Paris\"}").reply("Paris, summed up.")
        .when("Agent.summarize").reply("A city.")
        .build();
    agent(model, false).weatherNow("Paris");

    List<SpanData> all = finished();
    SpanData tool = named(all, "execute_tool summary");
    SpanData nested = named(all, "invoke_workflow Agent.summarize");
    assertEquals(tool.getSpanId(), nested.getParentSpanId());
    assertEquals(named(all, "invoke_workflow Agent.weatherNow").getSpanId(), tool.getParentSpanId());
    assertEquals(nested.getSpanId(), all.stream().filter(s -> s.getParentSpanId().equals(nested.getSpanId())).findFirst()
        .orElseThrow().getParentSpanId());
  }

  @Test
  void aDeclinedToolIsAnErrorSpanOfTypeDeclinedInTheResumedCall() {
    OfflineModel model = OfflineModel.builder()
        .when("Travel.plan").callsTool("book", "{\"city\":\"Paris\"}").reply("Not booked.")
        .build();
    Response<String> paused = Prompt4j.builder().properties(Map.of()).classLoader(getClass().getClassLoader()).client("offline", model)
        .listener(OpenTelemetryListener.create(telemetry.otel)).build().create(Travel.class).plan("Paris");
    assertTrue(paused.isPending());
    assertTrue(finished().stream().noneMatch(s -> s.getName().startsWith("execute_tool")), "nothing ran while it waits");

    Response<String> done = paused.resume(dev.prompt4j.ToolDecisions.create().decline(paused.pending().get(0).id()));
    assertEquals("Not booked.", done.value());
    SpanData book = named(finished(), "execute_tool book");
    assertEquals(StatusCode.ERROR, book.getStatus().getStatusCode());
    assertEquals("declined", book.getAttributes().get(GenAiAttributes.ERROR_TYPE));
    assertEquals(paused.pending().get(0).id(), book.getAttributes().get(GenAiAttributes.TOOL_CALL_ID));
  }
}
