package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prompt4j.ProviderException;
import dev.prompt4j.Response;
import dev.prompt4j.Usage;
import dev.prompt4j.internal.Configuration;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.provider.FakeProviderServer.Recorded;
import dev.prompt4j.provider.FakeProviderServer.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real langchain4j clients, built by Prompt4j's providers, against a local fake of each provider's
 * HTTP API: what goes over the wire, what comes back, and what happens when the server misbehaves.
 * Waits between retries are recorded, not slept.
 */
class WireTest {
  private static final String KEY = "sk-test-SECRET-4711";

  private FakeProviderServer server;
  private final List<Duration> sleeps = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    server = FakeProviderServer.start();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private Greeter greeter(Map<String, String> settings) {
    return greeter(settings, Map.of());
  }

  private Greeter greeter(Map<String, String> settings, Map<String, String> environment) {
    Properties properties = new Properties();
    properties.putAll(settings);
    Configuration configuration = Configuration.of(properties, environment, new Properties());
    PromptContext context = PromptContext.create(configuration, getClass().getClassLoader()).withRetrySleeper(sleeps::add);
    return new GreeterImpl(context);
  }

  private Map<String, String> openAi() {
    Map<String, String> s = new HashMap<>();
    s.put("prompt4j.Greeter.provider", "openai");
    s.put("prompt4j.Greeter.model", "gpt-4o-mini");
    s.put("prompt4j.providers.openai.base-url", server.baseUrl() + "/v1");
    s.put("prompt4j.providers.openai.api-key", KEY);
    return s;
  }

  private static List<String> roles(JsonNode messages) {
    return java.util.stream.StreamSupport.stream(messages.spliterator(), false).map(m -> m.path("role").asText()).toList();
  }

  @Test
  void openAiChatCompletions() {
    Map<String, String> s = openAi();
    s.put("prompt4j.Greeter.describe.max-tokens", "64");
    server.defaultText("calm");

    Response<String> response = greeter(s).describe("Ada");

    List<Recorded> requests = server.requests();
    assertEquals(2, requests.size(), "the computed field's call, then the method's");
    Recorded request = requests.get(1);
    JsonNode body = request.json();
    assertAll(
        () -> assertEquals("POST", request.method()),
        () -> assertEquals("/v1/chat/completions", request.path()),
        () -> assertEquals("Bearer " + KEY, request.header("Authorization")),
        () -> assertEquals("gpt-4o-mini", body.path("model").asText()),
        () -> assertEquals(List.of("system", "user"), roles(body.path("messages"))),
        () -> assertEquals("You describe people.", body.path("messages").get(0).path("content").asText()),
        () -> assertEquals("Describe Ada, who is calm.", body.path("messages").get(1).path("content").asText()),
        () -> assertEquals(0.5, body.path("temperature").asDouble()),
        () -> assertEquals(64, body.path("max_tokens").asInt()),
        () -> assertEquals("Mood of Ada?", requests.get(0).json().path("messages").get(0).path("content").asText()),
        () -> assertEquals("calm", response.value()),
        () -> assertEquals("openai", response.provider()),
        () -> assertEquals("gpt-4o-mini", response.model()),
        () -> assertEquals(new Usage(14, 7, 21), response.usage()),
        () -> assertEquals(new Usage(28, 14, 42), response.totalUsage()),
        () -> assertEquals("STOP", response.finishReason()),
        () -> assertEquals(1, response.attempts()),
        () -> assertEquals(List.of(), sleeps));
  }

  @Test
  void anthropicMessages() {
    Map<String, String> s = new HashMap<>();
    s.put("prompt4j.Greeter.provider", "anthropic");
    s.put("prompt4j.Greeter.model", "claude-haiku-4-5");
    s.put("prompt4j.Greeter.max-tokens", "200");
    s.put("prompt4j.providers.anthropic.base-url", server.baseUrl()); // as ANTHROPIC_BASE_URL: no /v1
    server.defaultText("Hello!");

    Response<String> response = greeter(s, Map.of("ANTHROPIC_API_KEY", KEY)).describe("Ada");

    Recorded request = server.requests().get(1);
    JsonNode body = request.json();
    assertAll(
        () -> assertEquals("/v1/messages", request.path()),
        () -> assertEquals(KEY, request.header("x-api-key")),
        () -> assertTrue(request.header("anthropic-version") != null, "anthropic-version header"),
        () -> assertEquals("claude-haiku-4-5", body.path("model").asText()),
        () -> assertEquals(200, body.path("max_tokens").asInt()),
        () -> assertEquals("You describe people.", systemText(body.path("system"))),
        () -> assertEquals(List.of("user"), roles(body.path("messages"))),
        () -> assertTrue(body.path("messages").get(0).toString().contains("Describe Ada, who is Hello!.")),
        () -> assertEquals(0.5, body.path("temperature").asDouble()),
        () -> assertEquals("Hello!", response.value()),
        () -> assertEquals("anthropic", response.provider()),
        () -> assertEquals(new Usage(10, 5, 15), response.usage()),
        () -> assertEquals("STOP", response.finishReason()));
  }

  private static String systemText(JsonNode system) {
    return system.isTextual() ? system.asText() : system.get(0).path("text").asText();
  }

  @Test
  void geminiGenerateContent() {
    Map<String, String> s = new HashMap<>();
    s.put("prompt4j.Greeter.provider", "gemini");
    s.put("prompt4j.Greeter.model", "gemini-2.0-flash");
    s.put("prompt4j.Greeter.describe.max-tokens", "256");
    s.put("prompt4j.providers.gemini.base-url", server.baseUrl());
    server.defaultText("cheerful");

    // GOOGLE_API_KEY is read when GEMINI_API_KEY is not set.
    Response<String> response = greeter(s, Map.of("GOOGLE_API_KEY", KEY)).describe("Ada");

    Recorded request = server.requests().get(1);
    JsonNode body = request.json();
    assertAll(
        () -> assertEquals("/v1beta/models/gemini-2.0-flash:generateContent", request.path()),
        () -> assertEquals(KEY, request.header("x-goog-api-key")),
        () -> assertEquals(List.of("user"), roles(body.path("contents"))),
        () -> assertEquals("Describe Ada, who is cheerful.", body.path("contents").get(0).path("parts").get(0).path("text").asText()),
        () -> assertEquals("You describe people.", body.path("systemInstruction").path("parts").get(0).path("text").asText()),
        () -> assertEquals(0.5, body.path("generationConfig").path("temperature").asDouble()),
        () -> assertEquals(256, body.path("generationConfig").path("maxOutputTokens").asInt()),
        () -> assertEquals("cheerful", response.value()),
        () -> assertEquals("gemini", response.provider()),
        () -> assertEquals(new Usage(10, 5, 15), response.usage()),
        () -> assertEquals("STOP", response.finishReason()));
  }

  @Test
  void ollamaThroughItsOpenAiEndpointWithoutKey() {
    Map<String, String> s = new HashMap<>();
    s.put("prompt4j.Greeter.provider", "ollama");
    s.put("prompt4j.Greeter.model", "llama3.2");
    server.defaultText("hi there");

    // OLLAMA_BASE_URL is the server root, as Ollama documents it; /v1 is added.
    String answer = greeter(s, Map.of("OLLAMA_BASE_URL", server.baseUrl())).greet("Ada");

    Recorded request = server.requests().get(0);
    assertAll(
        () -> assertEquals("hi there", answer),
        () -> assertEquals("/v1/chat/completions", request.path()),
        () -> assertNull(request.header("Authorization"), "no key, no Authorization header"),
        () -> assertEquals("llama3.2", request.json().path("model").asText()),
        () -> assertEquals("Hi Ada", request.json().path("messages").get(0).path("content").asText()));
  }

  @Test
  void offlineProviderAnswersFromItsScriptInProcess() {
    Map<String, String> s = new HashMap<>();
    s.put("prompt4j.Greeter.provider", "offline");
    s.put("prompt4j.providers.offline.script", "offline/greeter.json");
    Greeter greeter = greeter(s);

    Response<String> response = greeter.describe("Ada");

    OfflineModel model = OfflineProvider.model("offline/greeter.json");
    assertAll(
        () -> assertEquals("Ada is thoughtful and calm.", response.value()),
        () -> assertEquals("offline", response.provider()),
        () -> assertEquals("annotated-model", response.model()),
        () -> assertEquals("calm", response.calls().get(0).value()),
        () -> assertTrue(response.usage().inputTokens() > 0, "word counts as usage"),
        () -> assertTrue(model.requests("Greeter.describe").get(0).userText().contains("Describe Ada, who is calm.")),
        () -> assertEquals(List.of(), server.requests(), "no HTTP"));
  }

  @Test
  void unauthorizedFailsAtOnceWithAClearMessageAndNeverShowsTheKey() {
    server.enqueue(Reply.raw(401,
        "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));

    ProviderException e = assertThrows(ProviderException.class, () -> greeter(openAi()).greet("Ada"));

    assertAll(
        () -> assertEquals(1, server.requests().size(), "401 is not retried"),
        () -> assertEquals(List.of(), sleeps),
        () -> assertEquals(401, e.statusCode()),
        () -> assertTrue(e.body().contains("Incorrect API key provided"), e.body()),
        () -> assertTrue(e.getMessage().contains("Greeter.greet"), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("openai:gpt-4o-mini"), e.getMessage()),
        () -> assertTrue(e.getMessage().contains("HTTP 401"), e.getMessage()),
        () -> assertEquals("openai", e.provider()),
        () -> assertEquals("gpt-4o-mini", e.model()),
        () -> assertEquals("greet", e.method()),
        () -> assertFalse(stackTrace(e).contains(KEY), "the key is in the exception"));
  }

  @Test
  void aKeyWithALineBreakIsRejectedWithoutQuotingIt() {
    for (String broken : List.of("sk-first-SECRET\nsk-second-SECRET", "sk-with-space SECRET", "sk-zero\u200bwidth-SECRET")) {
      Map<String, String> s = openAi();
      s.put("prompt4j.providers.openai.api-key", broken);

      ProviderException e = assertThrows(ProviderException.class, () -> greeter(s).greet("Ada"));

      assertAll(
          () -> assertTrue(e.getMessage().contains("API key of provider 'openai'"), e.getMessage()),
          () -> assertFalse(stackTrace(e).contains("SECRET"), "the key is in the exception: " + stackTrace(e)),
          () -> assertFalse(e.attempts().toString().contains("SECRET"), "the key is in the attempts"),
          () -> assertEquals(0, server.requests().size(), "nothing was sent"));
    }
  }

  @Test
  void theKeyIsNeverInResponsesTracesOrSettings() {
    Greeter greeter = greeter(openAi());
    Response<String> response = greeter.describe("Ada");
    Configuration configuration = Configuration.of(new Properties(), Map.of("OPENAI_API_KEY", KEY), new Properties());
    ProviderSettings settings = configuration.provider(new OpenAiProvider());

    assertEquals(KEY, settings.apiKey());
    assertFalse(response.toJson().contains(KEY));
    assertFalse(response.toString().contains(KEY));
    assertFalse(settings.toString().contains(KEY));
    assertFalse(String.valueOf(((GreeterImpl) greeter).prompt4jContext().resolve(GreeterImpl.GREET)).contains(KEY));
  }

  @Test
  void rateLimitIsRetriedAfterTheServersRetryAfter() {
    server.enqueue(
        Reply.raw(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}")
            .header("Retry-After", "3"),
        Reply.ok("finally"));

    Response<String> response = greeter(openAi()).describe("Ada");

    assertAll(
        () -> assertEquals(List.of(Duration.ofSeconds(3)), sleeps, "waited what Retry-After asked"),
        () -> assertEquals(3, server.requests().size(), "429, its retry, then the describe call"),
        () -> assertEquals(1, response.calls().get(0).failedAttempts().size()),
        () -> assertTrue(response.calls().get(0).failedAttempts().get(0).errors().get(0).startsWith("HTTP 429"),
            response.calls().get(0).failedAttempts().toString()),
        () -> assertEquals("finally", response.calls().get(0).value()),
        () -> assertEquals(2, response.calls().get(0).attempts()));
  }

  @Test
  void serverErrorsAreRetriedWithExponentialBackoffAndJitter() {
    server.enqueue(Reply.raw(503, "{\"error\":{\"message\":\"overloaded\"}}"), Reply.raw(500, "{\"error\":{\"message\":\"oops\"}}"), Reply.ok("up"));

    String answer = greeter(openAi()).greet("Ada");

    assertEquals("up", answer);
    assertEquals(3, server.requests().size());
    assertEquals(2, sleeps.size());
    // initial delay 500ms doubled per retry, jitter in the upper half of each
    assertTrue(between(sleeps.get(0), 250, 500), sleeps.toString());
    assertTrue(between(sleeps.get(1), 500, 1000), sleeps.toString());
  }

  private static boolean between(Duration d, long fromMillis, long toMillis) {
    return d.toMillis() >= fromMillis && d.toMillis() <= toMillis;
  }

  @Test
  void whatStillFailsAfterTheRetriesKeepsStatusAndBody() {
    Map<String, String> s = openAi();
    s.put("prompt4j.providers.openai.max-retries", "1");
    server.enqueue(Reply.raw(503, "{\"error\":{\"message\":\"still overloaded\"}}"), Reply.raw(503, "{\"error\":{\"message\":\"still overloaded\"}}"));

    ProviderException e = assertThrows(ProviderException.class, () -> greeter(s).greet("Ada"));

    assertAll(
        () -> assertEquals(2, server.requests().size(), "one request and one retry"),
        () -> assertEquals(503, e.statusCode()),
        () -> assertTrue(e.body().contains("still overloaded")),
        () -> assertEquals(2, e.attempts().size()),
        () -> assertTrue(e.getMessage().contains("Greeter.greet") && e.getMessage().contains("openai:gpt-4o-mini"), e.getMessage()));
  }

  @Test
  void aMalformedBodyFailsClearlyWithoutRetry() {
    server.enqueue(Reply.raw(200, "{\"id\": \"chatcmpl-1\", \"choices\": [ {\"message\": "));

    ProviderException e = assertThrows(ProviderException.class, () -> greeter(openAi()).greet("Ada"));

    assertEquals(1, server.requests().size());
    assertTrue(e.getMessage().contains("Greeter.greet") && e.getMessage().contains("openai:gpt-4o-mini"), e.getMessage());
    assertEquals(0, e.statusCode());
  }

  @Test
  void aTimeoutIsRetried() {
    Map<String, String> s = openAi();
    s.put("prompt4j.providers.openai.timeout", "300ms");
    server.enqueue(Reply.ok("too late").delayed(5_000), Reply.ok("on time"));

    Response<String> response = greeter(s).describe("Ada");

    Response<?> field = response.calls().get(0);
    assertEquals("on time", field.value());
    assertEquals(1, field.failedAttempts().size());
    assertTrue(field.failedAttempts().get(0).errors().get(0).startsWith("timed out"), field.failedAttempts().toString());
  }

  @Test
  void aDeadProviderFallsBackToTheNextAtOnce() throws Exception {
    Map<String, String> s = openAi();
    s.put("prompt4j.providers.openai.base-url", FakeProviderServer.deadBaseUrl() + "/v1");
    s.put("prompt4j.Greeter.fallbacks", "anthropic:claude-haiku-4-5");
    s.put("prompt4j.providers.anthropic.base-url", server.baseUrl());
    s.put("prompt4j.providers.anthropic.api-key", KEY);
    server.defaultText("from claude");

    Response<String> response = greeter(s).describe("Ada");

    assertAll(
        () -> assertEquals("from claude", response.value()),
        () -> assertEquals("anthropic", response.provider()),
        () -> assertEquals("claude-haiku-4-5", response.model()),
        () -> assertEquals(1, response.failedAttempts().size(), "unreachable with a fallback: no retry"),
        () -> assertEquals("openai", response.failedAttempts().get(0).provider()),
        () -> assertTrue(response.failedAttempts().get(0).errors().get(0).startsWith("unreachable"), response.failedAttempts().toString()),
        () -> assertEquals(2, response.attempts()),
        () -> assertEquals(List.of(), sleeps),
        () -> assertTrue(response.toJson().contains("\"failedAttempts\"")));
  }

  @Test
  void exhaustedRetriesFallBackToTheNextProvider() {
    Map<String, String> s = openAi();
    s.put("prompt4j.Greeter.greet.fallbacks", "gemini:gemini-2.0-flash");
    s.put("prompt4j.providers.gemini.base-url", server.baseUrl());
    s.put("prompt4j.providers.gemini.api-key", KEY);
    server.enqueue(Reply.raw(503, "{}"), Reply.raw(503, "{}"), Reply.raw(503, "{}"), Reply.ok("gemini here"));
    Greeter greeter = greeter(s);

    Response<String> response = ((GreeterImpl) greeter).prompt4jContext().invoke(GreeterImpl.GREET,
        inv -> dev.prompt4j.internal.Messages.single("Hi Ada"));

    assertEquals("gemini here", response.value());
    assertEquals("gemini", response.provider());
    assertEquals(3, response.failedAttempts().size(), "the request and its 2 retries");
    assertEquals(2, sleeps.size());
    assertTrue(server.requests().get(3).path().endsWith(":generateContent"));
  }

  @Test
  void aMissingKeyNamesTheProviderAndTheVariable() {
    Map<String, String> s = openAi();
    s.remove("prompt4j.providers.openai.api-key");

    ProviderException e = assertThrows(ProviderException.class, () -> greeter(s).greet("Ada"));

    assertTrue(e.getMessage().contains("'openai'") && e.getMessage().contains("OPENAI_API_KEY"), e.getMessage());
    assertTrue(e.getMessage().contains("Greeter.greet"), e.getMessage());
    assertEquals(List.of(), server.requests());
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
