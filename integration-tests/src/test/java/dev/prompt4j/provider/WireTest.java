package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prompt4j.Attempt;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptRuntime;
import dev.prompt4j.ProviderException;
import dev.prompt4j.Response;
import dev.prompt4j.Usage;
import dev.prompt4j.testing.Calls;
import dev.prompt4j.testing.Runtimes;
import dev.prompt4j.provider.FakeProviderServer.Recorded;
import dev.prompt4j.provider.FakeProviderServer.Reply;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The real langchain4j clients, built by Prompt4j's providers, against a local fake of each provider's
 * HTTP API: what goes over the wire, what comes back, and what happens when the server misbehaves.
 * Waits between retries are real but tiny ({@code prompt4j.retry.initial-delay=1ms}); what was waited is
 * read from the failed attempts' descriptions.
 */
class WireTest extends FakeServerTest {
  private static final String KEY = "sk-test-SECRET-4711";



  private static Greeter greeter(Map<String, String> settings) {
    return Runtimes.isolated(settings).create(Greeter.class);
  }

  /** The waits of the failed attempts, as their descriptions say ("... (retry 1 of 2 after 3 ms)"); empty: none. */
  private static List<Duration> waits(List<Attempt> attempts) {
    Pattern retry = Pattern.compile("\\(retry \\d+ of \\d+ after (\\d+) ms\\)$");
    return attempts.stream().flatMap(a -> a.errors().stream()).map(retry::matcher).filter(Matcher::find)
        .map(m -> Duration.ofMillis(Long.parseLong(m.group(1)))).toList();
  }

  private Map<String, String> openAi() {
    Map<String, String> s = new HashMap<>();
    s.put("prompt4j.retry.initial-delay", "1ms");
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
        () -> assertEquals(List.of(), response.failedAttempts()),
        () -> assertEquals(List.of(), response.calls().get(0).failedAttempts()));
  }

  @Test
  void anthropicMessages() {
    Map<String, String> s = new HashMap<>();
    s.put("prompt4j.Greeter.provider", "anthropic");
    s.put("prompt4j.Greeter.model", "claude-haiku-4-5");
    s.put("prompt4j.Greeter.max-tokens", "200");
    s.put("prompt4j.providers.anthropic.base-url", server.baseUrl()); // as ANTHROPIC_BASE_URL: no /v1
    s.put("prompt4j.providers.anthropic.api-key", KEY);
    server.defaultText("Hello!");

    Response<String> response = greeter(s).describe("Ada");

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
    s.put("prompt4j.providers.gemini.api-key", KEY);
    server.defaultText("cheerful");

    Response<String> response = greeter(s).describe("Ada");

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

    // The base URL is the server root, as Ollama documents it; /v1 is added.
    s.put("prompt4j.providers.ollama.base-url", server.baseUrl());
    String answer = greeter(s).greet("Ada");

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

    assertAll(
        () -> assertEquals("Ada is thoughtful and calm.", response.value()),
        () -> assertEquals("offline", response.provider()),
        () -> assertEquals("annotated-model", response.model()),
        () -> assertEquals("calm", response.calls().get(0).value()),
        () -> assertTrue(response.usage().inputTokens() > 0, "word counts as usage"),
        () -> assertTrue(((dev.langchain4j.data.message.UserMessage) response.messages().get(response.messages().size() - 1)).singleText()
            .contains("Describe Ada, who is calm.")),
        () -> assertEquals(List.of(), server.requests(), "no HTTP"));
  }

  @Test
  void openAiIsSentTheSeedAndAnthropicIsNot() {
    Map<String, String> s = openAi();
    s.put("prompt4j.Greeter.greet.seed", "42");
    s.put("prompt4j.Greeter.moodOf.provider", "anthropic");
    s.put("prompt4j.Greeter.moodOf.model", "claude-haiku-4-5");
    s.put("prompt4j.Greeter.moodOf.seed", "42");
    s.put("prompt4j.providers.anthropic.base-url", server.baseUrl());
    s.put("prompt4j.providers.anthropic.api-key", KEY);
    Greeter greeter = greeter(s);

    Response<?> openAi = Calls.traced(() -> greeter.greet("Ada"));
    Response<?> anthropic = Calls.traced(() -> greeter.moodOf("Ada"));

    JsonNode openAiBody = server.requests().get(0).json();
    JsonNode anthropicBody = server.requests().get(1).json();
    assertAll(
        () -> assertEquals(42, openAiBody.path("seed").asInt(), openAiBody.toString()),
        () -> assertEquals(42L, openAi.parameters().seed()),
        () -> assertNull(openAi.unsentParameters().seed()),
        () -> assertEquals("/v1/messages", server.requests().get(1).path()),
        () -> assertFalse(anthropicBody.has("seed"), anthropicBody.toString()),
        () -> assertNull(anthropic.parameters().seed()),
        () -> assertEquals(42L, anthropic.unsentParameters().seed()),
        () -> assertTrue(anthropic.toJson().contains("\"unsentParameters\""), anthropic.toJson()));
  }

  @Test
  void unauthorizedFailsAtOnceWithAClearMessageAndNeverShowsTheKey() {
    server.enqueue(Reply.raw(401,
        "{\"error\":{\"message\":\"Incorrect API key provided\",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_api_key\"}}"));

    ProviderException e = assertThrows(ProviderException.class, () -> greeter(openAi()).greet("Ada"));

    assertAll(
        () -> assertEquals(1, server.requests().size(), "401 is not retried"),
        () -> assertEquals(List.of(), waits(e.attempts())),
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
    Map<String, String> s = openAi();
    PromptRuntime runtime = Prompt4j.builder().properties(s).build();
    Greeter greeter = runtime.create(Greeter.class);
    Response<String> response = greeter.describe("Ada");
    ProviderSettings settings = new ProviderSettings("openai", KEY, null, null, null);

    assertEquals("Bearer " + KEY, server.requests().get(0).header("Authorization"), "the key configured was sent");
    assertFalse(response.toJson().contains(KEY));
    assertFalse(response.toString().contains(KEY));
    assertFalse(settings.toString().contains(KEY));
    assertFalse(greeter.toString().contains(KEY));
    assertFalse(Prompt4j.override(greeter).model("other").toString().contains(KEY));
    assertFalse(runtime.toString().contains(KEY));
  }

  @Test
  void rateLimitIsRetriedAfterTheServersRetryAfter() {
    server.enqueue(
        Reply.raw(429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"param\":null,\"code\":\"rate_limit_exceeded\"}}")
            .header("Retry-After", "1"),
        Reply.ok("finally"));

    Response<String> response = greeter(openAi()).describe("Ada");

    assertAll(
        () -> assertEquals(List.of(Duration.ofSeconds(1)), waits(response.calls().get(0).failedAttempts()), "waited what Retry-After asked"),
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
    Map<String, String> s = openAi();
    s.put("prompt4j.retry.initial-delay", "4ms");
    Greeter greeter = greeter(s);

    Response<?> call = Calls.traced(() -> assertEquals("up", greeter.greet("Ada")));

    assertEquals(3, server.requests().size());
    List<Duration> waits = waits(call.failedAttempts());
    assertEquals(2, waits.size(), call.failedAttempts().toString());
    // initial delay 4ms doubled per retry, jitter in the upper half of each
    assertTrue(between(waits.get(0), 2, 4), waits.toString());
    assertTrue(between(waits.get(1), 4, 8), waits.toString());
    assertTrue(call.failedAttempts().get(1).errors().get(0).endsWith("(retry 2 of 2 after " + waits.get(1).toMillis() + " ms)"));
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
        () -> assertEquals(List.of(), waits(response.failedAttempts())),
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

    Response<?> response = Calls.traced(() -> greeter.greet("Ada"));

    assertEquals("gemini here", response.value());
    assertEquals("gemini", response.provider());
    assertEquals(3, response.failedAttempts().size(), "the request and its 2 retries");
    assertEquals(2, waits(response.failedAttempts()).size());
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
