package dev.prompt4j.opentelemetry;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Prompt4jException;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A real provider client (langchain4j's OpenAI client) against a loopback server: the endpoint's
 * address and port, the provider's response id, and an API key that is sent but never recorded.
 */
class ProviderSpansTest {
  private static final String KEY = "sk-test-0bs3rv4b1l1ty-s3cr3t";

  private final InMemoryTelemetry telemetry = new InMemoryTelemetry();
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final List<String> bodies = new CopyOnWriteArrayList<>();
  private HttpServer server;

  @AfterEach
  void close() {
    telemetry.close();
    if (server != null) {
      server.stop(0);
    }
  }

  /** Serves {@code /v1/chat/completions} on 127.0.0.1 with {@code status} and {@code body}. */
  private int serve(int status, String body) throws IOException {
    return serve(n -> status, body);
  }

  /** As {@link #serve(int, String)}, the status of the {@code n}th request (from 1) as {@code status} says. */
  private int serve(java.util.function.IntUnaryOperator status, String body) throws IOException {
    java.util.concurrent.atomic.AtomicInteger received = new java.util.concurrent.atomic.AtomicInteger();
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 4);
    server.createContext("/v1/chat/completions", (HttpExchange exchange) -> {
      try (exchange) {
        bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        authorizations.add(exchange.getRequestHeaders().getFirst("Authorization"));
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status.applyAsInt(received.incrementAndGet()), bytes.length);
        exchange.getResponseBody().write(bytes);
      }
    });
    server.start();
    return server.getAddress().getPort();
  }

  /** A structured answer from OpenAI. */
  @Call(provider = "openai", model = "gpt-4o-mini", seed = 42, topP = 0.5)
  public interface Reports {
    /** A topic's trend. */
    record Trend(String topic, int score) {}

    @Prompt("Rate the trend of {topic}")
    Trend rate(String topic);

    @Call(provider = "openai", model = "gpt-4o-mini", fallbacks = "anthropic:claude-haiku-4-5")
    @Prompt("Rate the trend of {topic}")
    Trend rateOrFallBack(String topic);
  }

  private Reports reports(int port) {
    return Prompt4j.builder().classLoader(getClass().getClassLoader())
        .properties(Map.of("prompt4j.providers.openai.api-key", KEY, "prompt4j.providers.openai.base-url", "http://127.0.0.1:" + port + "/v1",
            "prompt4j.providers.openai.max-retries", "1", "prompt4j.retry.initial-delay", "1ms"))
        .client("anthropic", "claude-haiku-4-5", OpenTelemetryListenerTest.answering(text -> "{\"topic\": \"AI\", \"score\": 3}"))
        .listener(OpenTelemetryListener.create(telemetry.otel, true)).build().create(Reports.class);
  }

  /** Every value the exporter and the metric reader hold, as text: attributes, status, events. */
  private List<String> everythingRecorded() {
    List<String> all = new ArrayList<>();
    for (SpanData span : telemetry.spans.getFinishedSpanItems()) {
      all.add(span.getName());
      all.add(span.getStatus().getDescription());
      span.getAttributes().forEach((k, v) -> all.add(k.getKey() + "=" + v));
      span.getEvents().forEach(e -> all.add(e.getName() + " " + e.getAttributes()));
    }
    for (MetricData metric : telemetry.metrics.collectAllMetrics()) {
      all.add(metric.getData().toString());
    }
    return all;
  }

  @Test
  void aRealClientsSpanHasTheEndpointAndResponseIdButNeverTheKey() throws IOException {
    int port = serve(200, """
        {"id": "chatcmpl-loopback-7", "object": "chat.completion", "created": 1756362927, "model": "gpt-4o-mini-2024-07-18",
         "choices": [{"index": 0, "message": {"role": "assistant", "content": "{\\"topic\\": \\"AI\\", \\"score\\": 7}"}, "logprobs": null, "finish_reason": "stop"}],
         "usage": {"prompt_tokens": 11, "completion_tokens": 1, "total_tokens": 12}}
        """);
    assertEquals(new Reports.Trend("AI", 7), reports(port).rate("AI"));

    assertEquals(List.of("Bearer " + KEY), authorizations, "the key was sent");
    SpanData chat = telemetry.spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
    assertAll(
        () -> assertEquals("127.0.0.1", chat.getAttributes().get(GenAiAttributes.SERVER_ADDRESS)),
        () -> assertEquals((long) port, chat.getAttributes().get(GenAiAttributes.SERVER_PORT)),
        () -> assertEquals("chatcmpl-loopback-7", chat.getAttributes().get(GenAiAttributes.RESPONSE_ID)),
        () -> assertEquals("gpt-4o-mini-2024-07-18", chat.getAttributes().get(GenAiAttributes.RESPONSE_MODEL)),
        () -> assertEquals(List.of("stop"), chat.getAttributes().get(GenAiAttributes.RESPONSE_FINISH_REASONS)),
        () -> assertEquals("json", chat.getAttributes().get(GenAiAttributes.OUTPUT_TYPE), "a record is asked for as JSON"),
        () -> assertEquals(11L, chat.getAttributes().get(GenAiAttributes.USAGE_INPUT_TOKENS)),
        () -> assertTrue(java.util.regex.Pattern.compile("\"seed\"\\s*:\\s*42[^0-9]").matcher(bodies.get(0)).find()
            && java.util.regex.Pattern.compile("\"top_p\"\\s*:\\s*0\\.5[^0-9]").matcher(bodies.get(0)).find(), bodies.get(0)),
        () -> assertEquals(42L, chat.getAttributes().get(GenAiAttributes.REQUEST_SEED), "sent, so on the span"),
        () -> assertEquals(0.5, chat.getAttributes().get(GenAiAttributes.REQUEST_TOP_P)),
        () -> assertTrue(chat.getAttributes().get(GenAiAttributes.INPUT_MESSAGES).contains("Rate the trend of AI"), "content capture is on"));
    assertEquals((long) port, telemetry.metric("gen_ai.client.operation.duration").getHistogramData().getPoints().iterator().next()
        .getAttributes().get(GenAiAttributes.SERVER_PORT));
    List<String> recorded = everythingRecorded();
    assertTrue(recorded.stream().anyMatch(v -> v != null && v.contains("Rate the trend of AI")), "the check below reads real content");
    assertTrue(recorded.stream().noneMatch(v -> v != null && v.contains(KEY)), recorded.toString());
  }

  @Test
  void aRejectedKeyIsAnErrorSpanThatStillHoldsNoKey() throws IOException {
    int port = serve(401, """
        {"error": {"message": "Incorrect API key provided: sk-test-****s3cr3t.", "type": "invalid_request_error", "code": "invalid_api_key"}}
        """);
    assertThrows(Prompt4jException.class, () -> reports(port).rate("AI"));

    assertEquals(List.of("Bearer " + KEY), authorizations, "one request: a rejected key is not retried");
    SpanData chat = telemetry.spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT).findFirst().orElseThrow();
    assertEquals(StatusCode.ERROR, chat.getStatus().getStatusCode());
    assertTrue(chat.getAttributes().get(GenAiAttributes.ERROR_TYPE) != null);
    List<String> recorded = everythingRecorded();
    assertTrue(recorded.stream().noneMatch(v -> v != null && v.contains(KEY)), recorded.toString());
  }

  @Test
  void aRetryAndAFallbackEachGetAChatSpanSayingWhy() throws IOException {
    int port = serve(n -> 500, """
        {"error": {"message": "The server had an error while processing your request.", "type": "server_error"}}
        """);
    assertEquals(new Reports.Trend("AI", 3), reports(port).rateOrFallBack("AI"));

    assertEquals(2, authorizations.size(), "the first request and its retry");
    List<SpanData> chats = telemetry.spans.getFinishedSpanItems().stream().filter(s -> s.getKind() == SpanKind.CLIENT).toList();
    assertEquals(List.of("chat gpt-4o-mini", "chat gpt-4o-mini", "chat claude-haiku-4-5"), chats.stream().map(SpanData::getName).toList());
    SpanData first = chats.get(0);
    SpanData retry = chats.get(1);
    SpanData fallback = chats.get(2);
    assertAll(
        () -> assertEquals(List.of("first", "retry", "fallback"),
            chats.stream().map(c -> c.getAttributes().get(GenAiAttributes.ATTEMPT_REASON)).toList()),
        () -> assertEquals(List.of(1L, 2L, 3L), chats.stream().map(c -> c.getAttributes().get(GenAiAttributes.ATTEMPT_NUMBER)).toList()),
        () -> assertEquals(List.of(0L, 0L, 1L), chats.stream().map(c -> c.getAttributes().get(GenAiAttributes.FALLBACK_INDEX)).toList()),
        () -> assertEquals(StatusCode.ERROR, first.getStatus().getStatusCode()),
        () -> assertTrue(retry.getAttributes().get(GenAiAttributes.RETRY_REASON).contains("500"), retry.getAttributes().toString()),
        () -> assertEquals("anthropic", fallback.getAttributes().get(GenAiAttributes.PROVIDER_NAME)),
        () -> assertEquals(StatusCode.UNSET, fallback.getStatus().getStatusCode()));
  }
}
