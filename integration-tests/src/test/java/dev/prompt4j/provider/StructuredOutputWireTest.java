package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import dev.prompt4j.testing.Runtimes;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The native structured-output request body of each provider, as its real langchain4j client sends it
 * to a local fake server, with {@code prompt4j.output-mode=native}.
 */
class StructuredOutputWireTest extends FakeServerTest {
  private static final String KEY = "sk-test-STRUCTURED";

  /** The answer type of the tests. */
  record Person(@NotBlank String name, @Min(0) int age) {}

  /** The provider and model are configured per test. */
  @Call(provider = "openai", model = "gpt-4o-mini")
  interface People {
    @Prompt("Ada is 36.")
    Response<Person> extract();
  }


  @BeforeEach
  void answerWithAda() {
    server.defaultText("{\"name\":\"Ada\",\"age\":36}");
  }

  private Response<Person> ask(String provider, String model, Map<String, String> settings) {
    Map<String, String> properties = new HashMap<>(settings);
    properties.putIfAbsent("prompt4j.output-mode", "native");
    properties.put("prompt4j.provider", provider);
    properties.put("prompt4j.model", model);
    Response<Person> response = Runtimes.isolated(properties).create(People.class).extract();
    assertEquals(new Person("Ada", 36), response.value());
    assertEquals("auto".equals(properties.get("prompt4j.output-mode")) && provider.equals("anthropic") ? "instructions" : "native",
        response.outputMode());
    assertEquals(1, server.requests().size());
    return response;
  }

  private static void assertPersonSchema(JsonNode schema) {
    assertEquals("object", schema.path("type").asText().toLowerCase(java.util.Locale.ROOT), schema.toString());
    assertEquals("string", schema.path("properties").path("name").path("type").asText().toLowerCase(java.util.Locale.ROOT), schema.toString());
    assertEquals("integer", schema.path("properties").path("age").path("type").asText().toLowerCase(java.util.Locale.ROOT), schema.toString());
    assertTrue(schema.path("properties").path("age").path("description").asText().contains("minimum 0"), schema.toString());
  }

  @Test
  void openAiSendsAJsonSchemaResponseFormat() {
    Map<String, String> s = new HashMap<>();
    s.put("prompt4j.providers.openai.base-url", server.baseUrl() + "/v1");
    s.put("prompt4j.providers.openai.api-key", KEY);
    ask("openai", "gpt-4o-mini", s);

    JsonNode format = server.requests().get(0).json().path("response_format");
    assertEquals("json_schema", format.path("type").asText(), format.toString());
    assertEquals("Person", format.path("json_schema").path("name").asText());
    assertPersonSchema(format.path("json_schema").path("schema"));
    assertEquals("[\"name\",\"age\"]", format.path("json_schema").path("schema").path("required").toString());
    // The prompt is sent as written: the schema travels in the response format.
    assertEquals("Ada is 36.", server.requests().get(0).json().path("messages").get(0).path("content").asText());
  }

  @Test
  void anthropicSendsAnOutputFormat() {
    Map<String, String> s = new HashMap<>();
    s.put("prompt4j.providers.anthropic.base-url", server.baseUrl());
    s.put("prompt4j.max-tokens", "200");
    s.put("prompt4j.providers.anthropic.api-key", KEY);
    ask("anthropic", "claude-sonnet-4-5", s);

    JsonNode body = server.requests().get(0).json();
    JsonNode format = body.path("output_config").path("format");
    if (format.isMissingNode()) {
      format = body.path("output_format");
    }
    assertEquals("json_schema", format.path("type").asText(), body.toString());
    assertPersonSchema(format.path("schema"));
  }

  @Test
  void geminiSendsAResponseSchema() {
    Map<String, String> s = new HashMap<>();
    s.put("prompt4j.providers.gemini.base-url", server.baseUrl());
    s.put("prompt4j.providers.gemini.api-key", KEY);
    ask("gemini", "gemini-2.0-flash", s);

    JsonNode config = server.requests().get(0).json().path("generationConfig");
    assertEquals("application/json", config.path("responseMimeType").asText(), config.toString());
    JsonNode schema = config.has("responseSchema") ? config.path("responseSchema") : config.path("responseJsonSchema");
    assertPersonSchema(schema);
  }

  @Test
  void ollamaSendsTheSchemaThroughItsOpenAiEndpoint() {
    ask("ollama", "llama3.2", Map.of("prompt4j.providers.ollama.base-url", server.baseUrl()));

    JsonNode format = server.requests().get(0).json().path("response_format");
    assertEquals("json_schema", format.path("type").asText(), format.toString());
    assertPersonSchema(format.path("json_schema").path("schema"));
  }

  @Test
  void autoModeIsNativeWhereTheClientDeclaresIt() {
    for (String provider : java.util.List.of("openai", "gemini", "ollama", "anthropic")) {
      server.clearRequests();
      Map<String, String> s = new HashMap<>();
      s.put("prompt4j.output-mode", "auto");
      s.put("prompt4j.providers." + provider + ".base-url", server.baseUrl() + (provider.equals("openai") ? "/v1" : ""));
      s.put("prompt4j.providers." + provider + ".api-key", KEY);
      ask(provider, "m-1", s);
    }
  }
}
