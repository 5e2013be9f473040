package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each provider's real langchain4j streaming client on Prompt4j's HTTP client, against a loopback
 * server that cuts its bytes into 5-byte writes (inside UTF-8 characters, JSON tokens and events).
 */
class StreamingWireTest {
  /** Multi-byte characters and JSON escapes, so 5-byte pieces split them. */
  private static final List<String> PIECES = List.of("Grüße, ", "naïve café ", "— ✓ 😀 ", "{\"a\": \"b\\\"c\"}", " done");

  static List<String> providers() {
    return LoopbackModels.HTTP_PROVIDERS;
  }

  private static StreamingChatModel model(String provider, SseServer server, Map<String, String> options) {
    ProviderSettings settings = new ProviderSettings(provider, LoopbackModels.KEY, LoopbackModels.baseUrl(provider, server.root()),
        Duration.ofSeconds(10), 0, options);
    return LoopbackModels.provider(provider).createStreaming(LoopbackModels.modelName(provider), settings);
  }

  /** Collects a stream: its chunks, and its end. */
  static final class Collector implements StreamingChatResponseHandler {
    final List<String> chunks = new CopyOnWriteArrayList<>();
    final CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    volatile StreamingHandle handle;

    @Override
    public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
      handle = context.streamingHandle();
      chunks.add(partial.text());
    }

    @Override
    public void onCompleteResponse(ChatResponse response) {
      done.complete(response);
    }

    @Override
    public void onError(Throwable error) {
      done.completeExceptionally(error);
    }
  }

  private static Collector stream(StreamingChatModel model) {
    Collector c = new Collector();
    model.chat(ChatRequest.builder().messages(UserMessage.from("Hi")).build(), c);
    return c;
  }

  @ParameterizedTest
  @MethodSource("providers")
  void streamsTextSplitInsideCharactersTokensAndEvents(String provider) throws Exception {
    try (SseServer server = new SseServer(provider, PIECES, 5)) {
      Collector c = stream(model(provider, server, Map.of()));
      ChatResponse response = c.done.get(10, TimeUnit.SECONDS);
      assertEquals(PIECES, c.chunks);
      assertEquals(String.join("", PIECES), response.aiMessage().text());
      assertEquals(7, response.tokenUsage().outputTokenCount());
      assertNotNull(response.finishReason());
      if (!provider.equals("anthropic") && !provider.equals("gemini")) {
        String body = server.bodies.get(0).replaceAll("\\s", "");
        assertTrue(body.contains("\"stream\":true") && body.contains("\"include_usage\":true"), body);
      }
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void aStreamCutBeforeItsFinalEventIsAnErrorNamingTheProviderAndWhatArrived(String provider) throws Exception {
    try (SseServer server = new SseServer(provider, PIECES, 5, SseServer.Mode.CUT)) {
      Collector c = stream(model(provider, server, Map.of()));
      Throwable failure = failureOf(c.done);
      contains(failure, provider + ":" + LoopbackModels.modelName(provider), "ended its stream before the final event", "events and");
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void aStallMidStreamEndsAtTheIdleLimitAndClosesTheConnection(String provider) throws Exception {
    try (SseServer server = new SseServer(provider, PIECES, 5, SseServer.Mode.STALL)) {
      Collector c = stream(model(provider, server, Map.of("stream-idle-timeout", "300ms")));
      Throwable failure = failureOf(c.done);
      contains(failure, "sent nothing for 300 ms mid-stream", "prompt4j.providers." + provider + ".stream-idle-timeout");
      assertTrue(server.clientClosedAfterBytes.get(10, TimeUnit.SECONDS) > 0);
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void cancellingMidStreamClosesTheConnection(String provider) throws Exception {
    try (SseServer server = new SseServer(provider, PIECES, 5, SseServer.Mode.STALL)) {
      Collector c = stream(model(provider, server, Map.of()));
      for (int i = 0; i < 1000 && c.handle == null; i++) {
        Thread.sleep(10);
      }
      assertNotNull(c.handle, "a first chunk arrived");
      c.handle.cancel();
      assertTrue(server.clientClosedAfterBytes.get(10, TimeUnit.SECONDS) > 0);
      assertFalse(c.done.isDone(), "no callback after a cancel");
    }
  }

  @ParameterizedTest
  @MethodSource("providers")
  void a429BeforeTheFirstChunkKeepsItsRetryAfter(String provider) throws Exception {
    try (SseServer server = new SseServer(provider, PIECES, 5, SseServer.Mode.RATE_LIMITED)) {
      Collector c = stream(model(provider, server, Map.of()));
      Throwable failure = failureOf(c.done);
      Throwable http = failure;
      while (http != null && !(http instanceof ProviderHttpException)) {
        http = http.getCause();
      }
      assertTrue(http instanceof ProviderHttpException, "the 429 in " + failure);
      assertEquals(429, ((ProviderHttpException) http).statusCode());
      assertTrue(c.chunks.isEmpty());
    }
  }

  @org.junit.jupiter.api.Test
  void aStreamTimeLimitThatIsNotADurationIsRefusedNamingItsKey() {
    ProviderSettings settings = new ProviderSettings("openai", LoopbackModels.KEY, "http://127.0.0.1:9/v1", null, 0,
        Map.of("stream-idle-timeout", "soon"));
    dev.prompt4j.Prompt4jException e = org.junit.jupiter.api.Assertions.assertThrows(dev.prompt4j.Prompt4jException.class,
        () -> new OpenAiProvider().createStreaming("m", settings));
    contains(e, "prompt4j.providers.openai.stream-idle-timeout is not a duration: 'soon'");
  }

  private static void contains(Throwable failure, String... parts) {
    String message = String.valueOf(failure.getMessage());
    for (String part : parts) {
      assertTrue(message.contains(part), "'" + part + "' in: " + failure);
    }
  }

  private static Throwable failureOf(CompletableFuture<?> done) throws Exception {
    try {
      Object value = done.get(10, TimeUnit.SECONDS);
      throw new AssertionError("expected a failure, got " + value);
    } catch (ExecutionException e) {
      return e.getCause();
    }
  }
}
