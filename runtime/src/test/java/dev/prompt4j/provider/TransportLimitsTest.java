package dev.prompt4j.provider;

import static dev.prompt4j.provider.LoopbackModels.ask;
import static dev.prompt4j.provider.LoopbackModels.model;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.internal.call.RetryPolicy;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The transport bounds of {@link Prompt4jHttpClient} through the real langchain4j clients over loopback:
 * the timeout covers the whole exchange, bodies are capped without being read whole, and hostile bodies
 * end in one clear error. Time limits here are hang guards, not pass criteria.
 */
class TransportLimitsTest {
  private static final Duration HANG_GUARD = Duration.ofSeconds(30);
  private FaultServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FaultServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "{0}, {1} of the body then silence")
  @CsvSource({"openai, 0", "openai, 0.5", "anthropic, 0", "anthropic, 0.5", "gemini, 0", "gemini, 0.5"})
  void aStalledBodyTimesOutAndIsRetriable(String provider, double fraction) {
    ChatModel model = model(provider, server.baseUrl(), Duration.ofMillis(700), Map.of());
    server.enqueue(FaultServer.stall(fraction), FaultServer.ok("on time"));

    RuntimeException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(RuntimeException.class, () -> ask(model)));
    RetryPolicy.Failure failure = RetryPolicy.classify(e);

    assertAll(
        () -> assertInstanceOf(TimeoutException.class, e),
        () -> assertTrue(failure.retriable() && failure.description().startsWith("timed out"), failure.description()),
        () -> assertTrue(e.getMessage().contains(provider + ":" + LoopbackModels.modelName(provider)), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("got HTTP 200 and "), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("prompt4j.providers." + provider + ".timeout"), e.getMessage()),
        () -> assertEquals(fraction == 0, e.getMessage().contains(" 0 bytes of the body"), e.getMessage()));
    // A retry counts the timeout afresh: the same client answers the next request.
    assertEquals("on time", assertTimeoutPreemptively(HANG_GUARD, () -> ask(model)));
  }

  @Test
  void noHeadersAtAllIsATimeoutToo() {
    ChatModel model = model("openai", server.baseUrl(), Duration.ofMillis(500), Map.of());
    server.enqueue((request, socket, out, s) -> s.stall(60));

    RuntimeException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(RuntimeException.class, () -> ask(model)));

    assertTrue(RetryPolicy.classify(e).retriable());
    assertTrue(e.getMessage().contains("no response headers arrived"), e.getMessage());
  }

  @ParameterizedTest(name = "declared length: {0}")
  @ValueSource(booleans = {false, true})
  void aBodyOverTheCapIsRefusedWithoutReadingItWhole(boolean declareLength) {
    long cap = 4L * 1024 * 1024;
    long total = 200L * 1024 * 1024;
    ChatModel model = model("openai", server.baseUrl(), Duration.ofSeconds(20), Map.of("max-response-bytes", "4MiB"));
    server.enqueue(FaultServer.huge(total, declareLength));
    System.gc();
    long before = heapUsed();
    resetPeaks();

    RuntimeException e = assertTimeoutPreemptively(HANG_GUARD, () -> assertThrows(RuntimeException.class, () -> ask(model)));
    long peakGrowth = heapPeak() - before;
    System.out.println("cap test (declared length " + declareLength + "): peak heap growth " + peakGrowth / 1024 / 1024
        + " MiB, server streamed " + server.streamed.get() / 1024 / 1024 + " MiB");
    RetryPolicy.Failure failure = RetryPolicy.classify(e);

    assertAll(
        () -> assertInstanceOf(ProviderResponseException.class, e),
        () -> assertFalse(failure.retriable(), "the same request would get the same body"),
        () -> assertTrue(e.getMessage().contains("over the cap of " + cap + " bytes"), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("prompt4j.providers.openai.max-response-bytes"), e.getMessage()),
        () -> assertTrue(e.getMessage().contains(declareLength ? total + " bytes (Content-Length)" : "more than " + cap), e.getMessage()),
        // Loopback socket buffers hold a few MiB the server could write before the client hung up.
        () -> assertTrue(server.streamed.get() < cap + 32L * 1024 * 1024, "streamed " + server.streamed.get()),
        // Peak heap, garbage included: the body kept (at most the cap, twice while the last copy is
        // made) plus the JDK's read buffers and this test's own garbage; reading all 200 MiB would
        // be at least 200 MiB. 48 MiB of slack covers young-generation garbage not yet collected.
        () -> assertTrue(peakGrowth < 2 * cap + 48L * 1024 * 1024, "peak heap growth " + peakGrowth / 1024 / 1024 + " MiB"));
  }

  @Test
  void theCapIsReadFromTheProviderOptionsAndMustBeASize() {
    assertEquals(List.of("max-response-bytes", "max-concurrent-requests", "stream-idle-timeout", "stream-timeout"),
        new AnthropicProvider().optionKeys());
    assertEquals(Prompt4jHttpClient.DEFAULT_MAX_RESPONSE_BYTES, Prompt4jHttpClient.Limits.of("m", ProviderSettings.empty("openai")).maxResponseBytes());
    assertEquals(512 * 1024, Prompt4jHttpClient.parseBytes("512KiB"));
    assertEquals(3, Prompt4jHttpClient.parseBytes("3"));
    RuntimeException e = assertThrows(RuntimeException.class, () -> model("gemini", server.baseUrl(), null, Map.of("max-response-bytes", "lots")));
    assertTrue(e.getMessage().contains("prompt4j.providers.gemini.max-response-bytes is not a size: 'lots'"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void invalidUtf8IsAClearNonRetriedError(String provider) {
    byte[] body = "{\"id\":\"x\",\"bad\":\"\u00ff\"}".getBytes(StandardCharsets.ISO_8859_1); // 0xFF is never UTF-8
    server.enqueue(FaultServer.status(200, "application/json", body, Map.of()));

    RuntimeException e = assertThrows(RuntimeException.class, () -> ask(model(provider, server.baseUrl(), null, Map.of())));

    assertInstanceOf(ProviderResponseException.class, e);
    assertFalse(RetryPolicy.classify(e).retriable());
    assertTrue(e.getMessage().contains("not valid UTF-8") && e.getMessage().contains(provider + ":"), e.getMessage());
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"openai", "anthropic", "gemini"})
  void aBodyNested100000DeepIsAClearErrorNotAStackOverflow(String provider) {
    String deep = "[".repeat(100_000) + "]".repeat(100_000);
    server.enqueue(FaultServer.status(200, "{\"id\":\"x\",\"choices\":" + deep + "}"));

    RuntimeException e = assertThrows(RuntimeException.class, () -> ask(model(provider, server.baseUrl(), null, Map.of())));

    assertInstanceOf(ProviderResponseException.class, e);
    assertTrue(e.getMessage().contains("with a body nested deeper than 200 levels"), e.getMessage());
  }

  @Test
  void aTenMegabyteAnswerIsRefusedByTheDefaultCapAndReadWhenTheCapAllowsIt() throws Exception {
    String huge = "x".repeat(10_000_000);
    server.otherwise(request -> FaultServer.ok(huge));

    RuntimeException e = assertThrows(RuntimeException.class, () -> ask(model("anthropic", server.baseUrl(), null, Map.of())));
    assertTrue(e.getMessage().contains("over the cap of 8388608 bytes"), e.getMessage());

    String answer = ask(model("anthropic", server.baseUrl(), null, Map.of("max-response-bytes", "16MiB")));
    assertEquals(huge.length(), answer.length());
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "<html><body><h1>502 Bad Gateway</h1></body></html>", "{\"id\": \"chatcmpl-1\", \"choices\": [ {\"message\": "})
  void emptyHtmlOrTruncatedSuccessBodiesAreClearErrors(String body) {
    server.enqueue(FaultServer.status(200, body));

    RuntimeException e = assertThrows(RuntimeException.class, () -> ask(model("openai", server.baseUrl(), null, Map.of())));

    assertInstanceOf(ProviderResponseException.class, e);
    assertTrue(e.getMessage().startsWith("openai:gpt-4o-mini at " + server.baseUrl() + " answered HTTP 200 with "), e.getMessage());
  }

  private static List<MemoryPoolMXBean> heapPools() {
    return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP).toList();
  }

  private static long heapUsed() {
    return heapPools().stream().mapToLong(p -> p.getUsage().getUsed()).sum();
  }

  private static void resetPeaks() {
    heapPools().forEach(MemoryPoolMXBean::resetPeakUsage);
  }

  private static long heapPeak() {
    return heapPools().stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
  }

  @Test
  void cleartextRequestsAreHttp11WithoutAnUpgradeOffer() {
    for (String provider : LoopbackModels.HTTP_PROVIDERS) {
      ChatModel model = model(provider, server.baseUrl(), Duration.ofSeconds(20), Map.of());
      server.enqueue(FaultServer.ok("one"), FaultServer.ok("two"));
      assertEquals("one", assertTimeoutPreemptively(HANG_GUARD, () -> ask(model)));
      assertEquals("two", assertTimeoutPreemptively(HANG_GUARD, () -> ask(model)));
    }
    List<FaultServer.Request> requests = server.requests();
    assertEquals(2 * LoopbackModels.HTTP_PROVIDERS.size(), requests.size());
    for (FaultServer.Request request : requests) {
      assertAll(request.path(),
          () -> assertFalse(request.headers().containsKey("upgrade"), request.headers().toString()),
          () -> assertFalse(request.headers().containsKey("http2-settings"), request.headers().toString()));
    }
  }

  @Test
  void requestsOnTheWireAtOnceAreBoundedPerClient() throws Exception {
    java.util.concurrent.atomic.AtomicInteger now = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    server.otherwise(r -> (request, socket, out, s) -> {
      most.accumulateAndGet(now.incrementAndGet(), Math::max);
      try {
        Thread.sleep(150); // long enough for the other requests to arrive if they were let through
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      now.decrementAndGet();
      FaultServer.ok("slot").answer(request, socket, out, s);
    });
    ChatModel model = model("openai", server.baseUrl(), Duration.ofSeconds(20), Map.of("max-concurrent-requests", "2"));
    java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(6);
    try {
      List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 6; i++) {
        answers.add(callers.submit(() -> ask(model)));
      }
      for (java.util.concurrent.Future<String> answer : answers) {
        assertEquals("slot", answer.get(HANG_GUARD.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
      }
    } finally {
      callers.shutdownNow();
    }
    assertEquals(6, server.requests().size());
    assertEquals(2, most.get(), "requests the server had at once");
    RuntimeException e = assertThrows(RuntimeException.class, () -> model("openai", server.baseUrl(), null, Map.of("max-concurrent-requests", "0")));
    assertTrue(e.getMessage().contains("prompt4j.providers.openai.max-concurrent-requests must be a whole number of at least 1, not '0'"), e.getMessage());
  }
}
