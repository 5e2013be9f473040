package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.testing.Runtimes;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Gemini sends thought parts only when the request asks for them: {@code
 * prompt4j.providers.gemini.include-thoughts=true} puts {@code includeThoughts} in the request's
 * {@code thinkingConfig}; without it the request carries no thinking configuration at all.
 */
class GeminiThoughtsWireTest extends FakeServerTest {
  private Map<String, String> gemini() {
    Map<String, String> s = new HashMap<>();
    s.put("prompt4j.Greeter.provider", "gemini");
    s.put("prompt4j.Greeter.model", "gemini-2.5-flash");
    s.put("prompt4j.providers.gemini.base-url", server.baseUrl());
    s.put("prompt4j.providers.gemini.api-key", "sk-test-THOUGHTS");
    return s;
  }

  private JsonNode greetAndRecord(Map<String, String> settings) {
    server.defaultText("hello");
    assertEquals("hello", Runtimes.isolated(settings).create(Greeter.class).greet("Ada"));
    return server.requests().get(0).json();
  }

  @Test
  void includeThoughtsIsAskedForWhenSet() {
    Map<String, String> s = gemini();
    s.put("prompt4j.providers.gemini.include-thoughts", "true");
    JsonNode body = greetAndRecord(s);
    assertTrue(body.path("generationConfig").path("thinkingConfig").path("includeThoughts").asBoolean(), body.toPrettyString());
  }

  @Test
  void noThinkingConfigurationWhenNotSet() {
    JsonNode body = greetAndRecord(gemini());
    assertTrue(body.path("generationConfig").path("thinkingConfig").isMissingNode(), body.toPrettyString());
  }

  @Test
  void falseIsSentAsFalse() {
    Map<String, String> s = gemini();
    s.put("prompt4j.providers.gemini.include-thoughts", "false");
    JsonNode body = greetAndRecord(s);
    assertFalse(body.path("generationConfig").path("thinkingConfig").path("includeThoughts").asBoolean(true), body.toPrettyString());
  }

  @Test
  void aValueOtherThanTrueOrFalseIsNamed() {
    Map<String, String> s = gemini();
    s.put("prompt4j.providers.gemini.include-thoughts", "yes");
    Prompt4jException e = org.junit.jupiter.api.Assertions.assertThrows(Prompt4jException.class,
        () -> Runtimes.isolated(s).create(Greeter.class).greet("Ada"));
    assertTrue(e.getMessage().contains("prompt4j.providers.gemini.include-thoughts") && e.getMessage().contains("yes"), e.getMessage());
  }
}
