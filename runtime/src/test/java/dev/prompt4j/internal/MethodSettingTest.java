package dev.prompt4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.type.TypeReference;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Every per-method setting follows one rule: the highest source wins at any level; within it, method over interface over global. */
class MethodSettingTest {
  interface Faqs {}

  private static final PromptMethod<Map<String, String>> WRITE = PromptMethod.of(
      Faqs.class, "write", CallSpec.of("test", "m"), "h",
      Outputs.json(new TypeReference<Map<String, String>>() {}, "Map", "{\"type\":\"object\"}"), 5);

  private static Properties properties(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  @Test
  void aGlobalSystemPropertyBeatsAMethodKeyInTheFile() {
    Configuration configuration = Configuration.of(
        properties("prompt4j.max-attempts", "2", "prompt4j.timeout", "3s"),
        Map.of(),
        properties("prompt4j.Faqs.write.max-attempts", "7", "prompt4j.Faqs.write.timeout", "9s"));

    assertEquals(2, new OutputSettings(configuration).maxAttempts(WRITE));
    assertEquals(Duration.ofSeconds(3), configuration.duration("Faqs", "write", "timeout"));
  }

  @Test
  void withinOneSourceTheMethodKeyBeatsTheInterfaceAndGlobalKeys() {
    Configuration configuration = Configuration.of(new Properties(), Map.of("PROMPT4J_MAX_ATTEMPTS", "2", "PROMPT4J_FAQS_MAX_ATTEMPTS", "3",
        "PROMPT4J_FAQS_WRITE_MAX_ATTEMPTS", "4"), new Properties());

    assertEquals(4, new OutputSettings(configuration).maxAttempts(WRITE));
    assertEquals("PROMPT4J_FAQS_WRITE_MAX_ATTEMPTS",
        Configuration.environmentName(configuration.methodSetting("Faqs", "write", "max-attempts").key()));
  }

  @Test
  void theAnnotationAppliesWhenNothingIsConfigured() {
    assertEquals(5, new OutputSettings(Configuration.empty()).maxAttempts(WRITE));
  }

  @Test
  void durationsInEveryDocumentedForm() {
    assertEquals(Duration.ofSeconds(30), Configuration.parseDuration("PT30S"));
    assertEquals(Duration.ofSeconds(90), Configuration.parseDuration("pt1m30s"));
    assertEquals(Duration.ofMillis(500), Configuration.parseDuration("PT0.5S"));
    assertEquals(Duration.ofSeconds(30), Configuration.parseDuration("30s"));
    assertEquals(Duration.ofMillis(500), Configuration.parseDuration("500ms"));
    assertEquals(Duration.ofMinutes(2), Configuration.parseDuration("2m"));
    assertEquals(Duration.ofMillis(1500), Configuration.parseDuration("1.5"));
  }

  @Test
  void aBadProviderTimeoutNamesItsKey() {
    Configuration configuration = Configuration.of(properties("prompt4j.providers.openai.timeout", "soon"), Map.of(), new Properties());

    dev.prompt4j.Prompt4jException e =
        org.junit.jupiter.api.Assertions.assertThrows(dev.prompt4j.Prompt4jException.class, () -> configuration.provider("openai"));

    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("prompt4j.providers.openai.timeout"), e.getMessage());
    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("'soon'"), e.getMessage());
  }
}
