package dev.prompt4j.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.Response;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The span tree, names and attributes of a chain, as the in-memory exporter receives them. */
class OpenTelemetryListenerTest {
  private final InMemoryTelemetry telemetry = new InMemoryTelemetry();

  @AfterEach
  void close() {
    telemetry.close();
  }

  static ChatModel answering(Function<String, String> reply) {
    return new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        String text = ((UserMessage) request.messages().get(request.messages().size() - 1)).singleText();
        return ChatResponse.builder().id("chatcmpl-" + Math.abs(text.hashCode())).modelName("gpt-4o-mini-2024-07-18")
            .aiMessage(AiMessage.from(reply.apply(text))).tokenUsage(new TokenUsage(12, 3)).finishReason(FinishReason.STOP).build();
      }
    };
  }

  private Research research(ChatModel model, boolean content) {
    return Prompt4j.builder().properties(Map.of()).classLoader(getClass().getClassLoader())
        .client("openai", model).client("anthropic", model)
        .listener(OpenTelemetryListener.create(telemetry.otel, content)).build().create(Research.class);
  }

  private static SpanData named(List<SpanData> all, String name, String field) {
    return all.stream().filter(s -> s.getName().equals(name)
            && (field == null || field.equals(s.getAttributes().get(GenAiAttributes.FIELD))))
        .findFirst().orElseThrow(() -> new AssertionError(name + " " + field + " not in " + all.stream().map(SpanData::getName).toList()));
  }

  @Test
  void aChainIsOneWorkflowSpanWithFieldSpansAndAChatSpanPerRequest() {
    Response<String> response = research(answering(t -> t.startsWith("Classify") ? "EMERGING" : "Growing."), false).analyze("AI");
    assertEquals("Growing.", response.value());

    List<SpanData> all = telemetry.spans.getFinishedSpanItems();
    assertEquals(8, all.size(), all.stream().map(SpanData::getName).toList().toString());
    SpanData root = named(all, "invoke_workflow Research.analyze", null);
    assertFalse(root.getParentSpanContext().isValid(), "the top-level call is a root here");
    for (String field : List.of("first", "second")) {
      SpanData fieldSpan = named(all, "field " + field, field);
      SpanData nested = named(all, "invoke_workflow Research.classify", field);
      SpanData chat = all.stream().filter(s -> s.getParentSpanId().equals(nested.getSpanId())).findFirst().orElseThrow();
      assertAll(field,
          () -> assertEquals(root.getSpanId(), fieldSpan.getParentSpanId()),
          () -> assertEquals(fieldSpan.getSpanId(), nested.getParentSpanId(), "the nested call sits under the field that made it"),
          () -> assertEquals("chat gpt-4o-mini", chat.getName()),
          () -> assertEquals(root.getTraceId(), chat.getTraceId()));
    }
    SpanData chat = all.stream().filter(s -> s.getParentSpanId().equals(root.getSpanId()) && s.getKind() == SpanKind.CLIENT)
        .findFirst().orElseThrow();
    assertAll(
        () -> assertEquals("chat", chat.getAttributes().get(GenAiAttributes.OPERATION_NAME)),
        () -> assertEquals("openai", chat.getAttributes().get(GenAiAttributes.PROVIDER_NAME)),
        () -> assertEquals("gpt-4o-mini", chat.getAttributes().get(GenAiAttributes.REQUEST_MODEL)),
        () -> assertEquals("gpt-4o-mini-2024-07-18", chat.getAttributes().get(GenAiAttributes.RESPONSE_MODEL)),
        () -> assertTrue(chat.getAttributes().get(GenAiAttributes.RESPONSE_ID).startsWith("chatcmpl-")),
        () -> assertEquals(List.of("stop"), chat.getAttributes().get(GenAiAttributes.RESPONSE_FINISH_REASONS)),
        () -> assertEquals(12L, chat.getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS)),
        () -> assertEquals(3L, chat.getAttributes().get(GenAiAttributes.USAGE_OUTPUT_TOKENS)),
        () -> assertEquals(0.3, chat.getAttributes().get(GenAiAttributes.REQUEST_TEMPERATURE)),
        () -> assertEquals(200L, chat.getAttributes().get(GenAiAttributes.REQUEST_MAX_TOKENS)),
        () -> assertEquals(List.of("END"), chat.getAttributes().get(GenAiAttributes.REQUEST_STOP_SEQUENCES)),
        () -> assertNull(chat.getAttributes().get(GenAiAttributes.REQUEST_TOP_P), "not set, not sent"),
        () -> assertEquals("text", chat.getAttributes().get(GenAiAttributes.OUTPUT_TYPE)),
        () -> assertEquals(false, chat.getAttributes().get(GenAiAttributes.REQUEST_STREAM)),
        () -> assertEquals(1L, chat.getAttributes().get(GenAiAttributes.ATTEMPT_NUMBER)),
        () -> assertEquals(0L, chat.getAttributes().get(GenAiAttributes.FALLBACK_INDEX)),
        () -> assertEquals(response.promptVersion(), chat.getAttributes().get(GenAiAttributes.PROMPT_VERSION)),
        () -> assertEquals(response.promptVersion(), root.getAttributes().get(GenAiAttributes.PROMPT_VERSION)),
        () -> assertEquals((12 * 0.15 + 3 * 0.60) / 1e6, chat.getAttributes().get(GenAiAttributes.COST_USD), 1e-12),
        () -> assertNull(chat.getAttributes().get(GenAiAttributes.INPUT_MESSAGES), "no content unless turned on"),
        () -> assertNull(chat.getAttributes().get(GenAiAttributes.SERVER_ADDRESS), "a client given by code: its endpoint is unknown"));

    // Fields ran on the executor's threads: their spans and the calls under them still link up (checked above).
    MetricData duration = telemetry.metric("gen_ai.client.operation.duration");
    assertEquals("s", duration.getUnit());
    HistogramPointData point = duration.getHistogramData().getPoints().iterator().next();
    assertEquals(3, point.getCount());
    assertEquals(GenAiAttributes.DURATION_BUCKETS, point.getBoundaries());
    MetricData usage = telemetry.metric("gen_ai.client.token.usage");
    assertEquals("{token}", usage.getUnit());
    assertEquals(Map.of("input", 36.0, "output", 9.0), Map.copyOf(usage.getHistogramData().getPoints().stream().collect(
        java.util.stream.Collectors.toMap(p -> p.getAttributes().get(GenAiAttributes.TOKEN_TYPE), HistogramPointData::getSum))));
    assertEquals(List.of(1.0, 4.0, 16.0, 64.0, 256.0, 1024.0, 4096.0, 16384.0, 65536.0, 262144.0, 1048576.0, 4194304.0, 16777216.0,
        67108864.0), usage.getHistogramData().getPoints().iterator().next().getBoundaries());
  }

  @Test
  void anAsyncCallIsAChildOfTheSpanCurrentWhereItWasMade() {
    Research research = research(answering(t -> "EMERGING"), false);
    Span caller = telemetry.otel.getTracer("test").spanBuilder("caller").startSpan();
    CompletableFuture<Research.Trend> value;
    CompletableFuture<Response<Research.Trend>> response;
    try (Scope scope = caller.makeCurrent()) {
      value = research.classifyLater("AI");
      response = research.classifyLaterWithResponse("ML");
    }
    assertEquals(Research.Trend.EMERGING, value.join());
    assertEquals(Research.Trend.EMERGING, response.join().value());
    caller.end();

    List<SpanData> all = telemetry.spans.getFinishedSpanItems();
    for (String method : List.of("classifyLater", "classifyLaterWithResponse")) {
      SpanData workflow = named(all, "invoke_workflow Research." + method, null);
      SpanData chat = all.stream().filter(s -> s.getParentSpanId().equals(workflow.getSpanId())).findFirst().orElseThrow();
      assertAll(method,
          () -> assertEquals(caller.getSpanContext().getTraceId(), workflow.getTraceId()),
          () -> assertEquals(caller.getSpanContext().getSpanId(), workflow.getParentSpanId()),
          () -> assertEquals("chat gpt-4o-mini", chat.getName()));
    }
    assertFalse(Span.current().getSpanContext().isValid(), "the caller's span is no longer current here");
  }

  @Test
  void reasksGetTheirOwnSpanWithTheReasonAndContentOnlyWhenAskedFor() {
    AtomicInteger asked = new AtomicInteger();
    research(answering(t -> asked.incrementAndGet() == 1 ? "SIDEWAYS" : "DECLINING"), true).classify("x");
    List<SpanData> chats = telemetry.spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
    assertEquals(2, chats.size());
    SpanData reask = chats.get(1);
    assertEquals("re-ask", reask.getAttributes().get(GenAiAttributes.ATTEMPT_REASON));
    assertEquals(2L, reask.getAttributes().get(GenAiAttributes.ATTEMPT_NUMBER));
    assertTrue(reask.getAttributes().get(GenAiAttributes.REASK_REASON).contains("SIDEWAYS"));
    assertTrue(chats.get(0).getAttributes().get(GenAiAttributes.INPUT_MESSAGES)
        .startsWith("[{\"role\":\"user\",\"parts\":[{\"type\":\"text\",\"content\":\"Classify x"), chats.get(0).getAttributes().toString());
    assertEquals("[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":\"SIDEWAYS\"}],\"finish_reason\":\"stop\"}]",
        chats.get(0).getAttributes().get(GenAiAttributes.OUTPUT_MESSAGES));
  }

  @Test
  void aFailedRequestIsAnErrorSpanWithItsErrorType() {
    ChatModel down = answering(t -> {
      throw new IllegalStateException("model down");
    });
    assertThrows(Prompt4jException.class, () -> research(down, false).analyze("AI"));
    List<SpanData> all = telemetry.spans.getFinishedSpanItems();
    SpanData chat = all.stream().filter(s -> s.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
    assertEquals(StatusCode.ERROR, chat.getStatus().getStatusCode());
    assertEquals(IllegalStateException.class.getName(), chat.getAttributes().get(GenAiAttributes.ERROR_TYPE));
    SpanData root = named(all, "invoke_workflow Research.analyze", null);
    assertEquals(StatusCode.ERROR, root.getStatus().getStatusCode());
    assertEquals("dev.prompt4j.ChainException", root.getAttributes().get(GenAiAttributes.ERROR_TYPE));
    assertTrue(all.stream().noneMatch(s -> s.getEndEpochNanos() == 0), "every span ended");
    assertNotEquals(0, telemetry.metric("gen_ai.client.operation.duration").getHistogramData().getPoints().stream()
        .filter(p -> p.getAttributes().get(AttributeKey.stringKey("error.type")) != null).count());
  }

  @Test
  void providerNamesFollowTheConvention() {
    assertEquals("openai", GenAiAttributes.providerName("openai"));
    assertEquals("anthropic", GenAiAttributes.providerName("anthropic"));
    assertEquals("gcp.gemini", GenAiAttributes.providerName("gemini"));
    assertEquals("ollama", GenAiAttributes.providerName("ollama"), "unlisted: the provider's own name");
  }
}
