package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prompt4j.CallParameters;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptRuntime;
import dev.prompt4j.Response;
import dev.prompt4j.testing.Calls;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The default sources: system properties over environment variables over {@code prompt4j.properties},
 * whatever the level of the key. The build sets the variables (integration-tests/pom.xml) and
 * src/test/resources/prompt4j.properties the file keys; system properties are set only while the
 * runtime is built, which is when configuration is read.
 */
class EnvironmentTest extends FakeServerTest {


  /** A runtime of the default sources, with {@code systemProperties} set while it is built. */
  private static PromptRuntime defaults(Map<String, String> systemProperties) {
    systemProperties.forEach(System::setProperty);
    try {
      return Prompt4j.builder().build();
    } finally {
      systemProperties.keySet().forEach(System::clearProperty);
    }
  }

  @Test
  void eachSourceOverTheOneBelowWhateverTheLevel() {
    PromptRuntime runtime = defaults(Map.of("prompt4j.Greeter.describe.model", "from-system-property",
        "prompt4j.Greeter.provider", "openai", "prompt4j.providers.openai.base-url", server.baseUrl() + "/v1"));
    Greeter g = runtime.create(Greeter.class);

    Response<?> greet = Calls.traced(() -> g.greet("Ada"));
    Response<?> moodOf = Calls.traced(() -> g.moodOf("Ada"));
    Response<?> describe = Calls.traced(() -> g.describe("Ada"));

    assertEquals("from-environment", greet.model(), "environment (PROMPT4J_GREETER_GREET_MODEL) over the file");
    assertEquals("from-file", moodOf.model(), "the file where nothing else sets the key");
    assertEquals("from-system-property", describe.model(), "a system property over everything");
    // PROMPT4J_TEMPERATURE (global) beats the file's method key; the levels and sources merge.
    assertEquals(new CallParameters(0.3, 100, 0.8, null, null), moodOf.parameters());
    assertEquals(0.3, greet.parameters().temperature());
    assertEquals("Bearer sk-from-environment", server.requests().get(0).header("Authorization"),
        "OPENAI_API_KEY over prompt4j.providers.openai.api-key of the file");
  }

  @Test
  void systemPropertiesBeatTheProvidersVariablesAndGoogleApiKeyStandsForGemini() {
    PromptRuntime runtime = defaults(Map.of("prompt4j.providers.openai.api-key", "sk-from-system-property",
        "prompt4j.Greeter.greet.provider", "openai", "prompt4j.providers.openai.base-url", server.baseUrl() + "/v1",
        "prompt4j.Greeter.moodOf.provider", "gemini", "prompt4j.providers.gemini.base-url", server.baseUrl()));
    Greeter g = runtime.create(Greeter.class);

    g.greet("Ada");
    g.moodOf("Ada");

    assertEquals("Bearer sk-from-system-property", server.requests().get(0).header("Authorization"));
    assertEquals("google-from-environment", server.requests().get(1).header("x-goog-api-key"), "GOOGLE_API_KEY when GEMINI_API_KEY is not set");
  }
}
