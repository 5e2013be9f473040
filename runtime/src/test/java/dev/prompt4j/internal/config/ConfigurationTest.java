package dev.prompt4j.internal.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Prompt4jException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every per-method setting follows one rule: the highest source wins at any level; within it, the
 * qualified method key over the simple method key over the qualified interface key over the simple
 * interface key over the global key. Values are typed: a bad one names its key, source and what is valid.
 */
class ConfigurationTest {
  private static final MethodKey WRITE = new MethodKey("Faqs", "com.acme.Faqs", "write");
  private static final Map<String, List<String>> PROVIDERS = Map.of("openai", List.of(), "offline", List.of("script"));

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

    assertEquals(2, configuration.methodSetting(WRITE, Setting.MAX_ATTEMPTS));
    assertEquals(Duration.ofSeconds(3), configuration.methodSetting(WRITE, Setting.TIMEOUT));
  }

  @Test
  void withinOneSourceTheMethodKeyBeatsTheInterfaceAndGlobalKeys() {
    Configuration configuration = Configuration.of(new Properties(), Map.of("PROMPT4J_MAX_ATTEMPTS", "2", "PROMPT4J_FAQS_MAX_ATTEMPTS", "3",
        "PROMPT4J_FAQS_WRITE_MAX_ATTEMPTS", "4"), new Properties());

    assertEquals(4, configuration.methodSetting(WRITE, Setting.MAX_ATTEMPTS));
  }

  @Test
  void theQualifiedInterfaceNameBeatsTheSimpleNameAtTheSameLevel() {
    Configuration configuration = Configuration.of(Map.of(
        "prompt4j.Faqs.write.model", "simple-method",
        "prompt4j.com.acme.Faqs.write.model", "qualified-method",
        "prompt4j.com.acme.Faqs.model", "qualified-interface",
        "prompt4j.Faqs.model", "simple-interface"), "test");

    assertEquals("qualified-method", configuration.callOverride(WRITE).model());
    assertEquals("qualified-interface", configuration.callOverride(new MethodKey("Faqs", "com.acme.Faqs", "read")).model());
    assertEquals("simple-interface", configuration.callOverride(new MethodKey("Faqs", "org.other.Faqs", "read")).model());
    assertEquals("simple-method", configuration.callOverride(new MethodKey("Faqs", "org.other.Faqs", "write")).model());
  }

  @Test
  void callParametersMergeAcrossLevelsAndSources() {
    Configuration configuration = Configuration.of(
        properties("prompt4j.Faqs.temperature", "0.2"), Map.of("PROMPT4J_MAX_TOKENS", "300"), properties("prompt4j.seed", "7"));

    var change = configuration.callOverride(WRITE);
    assertEquals(0.2, change.parameters().temperature());
    assertEquals(300, change.parameters().maxTokens());
    assertEquals(7L, change.parameters().seed());
  }

  @Test
  void aBadValueNamesItsKeyItsSourceAndWhatIsValid() {
    Configuration configuration = Configuration.of(new Properties(), Map.of("PROMPT4J_FAQS_TEMPERATURE", "hot"), new Properties());

    Prompt4jException e = assertThrows(Prompt4jException.class, () -> configuration.callOverride(WRITE));

    assertTrue(e.getMessage().contains("prompt4j.Faqs.temperature"), e.getMessage());
    assertTrue(e.getMessage().contains("environment variable PROMPT4J_FAQS_TEMPERATURE"), e.getMessage());
    assertTrue(e.getMessage().contains("'hot'"), e.getMessage());
    assertTrue(e.getMessage().contains("a decimal number"), e.getMessage());
  }

  @Test
  void outOfRangeValuesAreRefused() {
    for (String[] bad : new String[][] {{"prompt4j.top-p", "1.5"}, {"prompt4j.max-tokens", "0"}, {"prompt4j.timeout", "-5s"},
        {"prompt4j.output-mode", "json"}, {"prompt4j.fallbacks", "gpt-4o"}}) {
      Configuration configuration = Configuration.of(Map.of(bad[0], bad[1]), "the test map");
      Prompt4jException e = assertThrows(Prompt4jException.class, () -> {
        configuration.callOverride(WRITE);
        configuration.methodSetting(WRITE, Setting.TIMEOUT);
        configuration.methodSetting(WRITE, Setting.OUTPUT_MODE);
      }, bad[0]);
      assertTrue(e.getMessage().contains(bad[0] + " (the test map)"), e.getMessage());
    }
  }

  @Test
  void aBadProviderTimeoutNamesItsKey() {
    Configuration configuration = Configuration.of(properties("prompt4j.providers.openai.timeout", "soon"), Map.of(), new Properties());

    Prompt4jException e = assertThrows(Prompt4jException.class, () -> configuration.provider("openai"));

    assertTrue(e.getMessage().contains("prompt4j.providers.openai.timeout (system property)"), e.getMessage());
    assertTrue(e.getMessage().contains("'soon'"), e.getMessage());
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
  void anUnknownSettingFailsWithTheClosestValidKey() {
    Configuration misspelt = Configuration.of(Map.of("prompt4j.Faqs.write.temprature", "0.2"), "file /etc/p.properties");

    Prompt4jException e = assertThrows(Prompt4jException.class, () -> misspelt.checkKeys(PROVIDERS));

    assertTrue(e.getMessage().contains("Unknown configuration key prompt4j.Faqs.write.temprature (file /etc/p.properties)"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean prompt4j.Faqs.write.temperature?"), e.getMessage());
  }

  @Test
  void theTestKitsKeysAreLeftToIt() {
    Configuration kit = Configuration.of(Map.of("prompt4j.test.mode", "RECORD", "prompt4j.test.cassettes", "target/c"), "system property");
    assertEquals(List.of(), kit.checkKeys(PROVIDERS));
    assertThrows(Prompt4jException.class,
        () -> Configuration.of(Map.of("prompt4j.tests.mode", "RECORD"), "system property").checkKeys(PROVIDERS));
  }

  @Test
  void anUnknownProviderOptionFailsAndAnUnknownProviderWarns() {
    Prompt4jException e = assertThrows(Prompt4jException.class,
        () -> Configuration.of(Map.of("prompt4j.providers.openai.api-kee", "x"), "test").checkKeys(PROVIDERS));
    assertTrue(e.getMessage().contains("did you mean prompt4j.providers.openai.api-key?"), e.getMessage());
    assertTrue(!e.getMessage().contains("'x'"), "a key's value is never quoted: " + e.getMessage());

    List<String> warnings = Configuration.of(Map.of("prompt4j.providers.mine.endpoint", "x"), "test").checkKeys(PROVIDERS);
    assertEquals(1, warnings.size());
    assertTrue(warnings.get(0).contains("provider 'mine', which is not on the class path"), warnings.get(0));
  }

  @Test
  void validKeysPassAndUnclearEnvironmentVariablesOnlyWarn() {
    Configuration configuration = Configuration.of(
        properties("prompt4j.com.acme.Faqs.write.max-attempts", "2", "prompt4j.providers.offline.script", "s.json",
            "prompt4j.retry.max-delay", "2s", "prompt4j.Faqs.maxTokens", "9"),
        Map.of("PROMPT4J_FAQS_MODEL", "m", "PROMPT4J_HOME", "/opt"), new Properties());

    List<String> warnings = configuration.checkKeys(PROVIDERS);

    assertEquals(1, warnings.size(), warnings.toString());
    assertTrue(warnings.get(0).startsWith("Environment variable PROMPT4J_HOME"), warnings.get(0));
  }

  @Test
  void aBlankValueCountsAsUnset() {
    Configuration configuration = Configuration.of(properties("prompt4j.model", "  "), Map.of(), properties("prompt4j.model", "m"));

    assertEquals("m", configuration.callOverride(WRITE).model());
    assertNull(Configuration.empty().callOverride(WRITE).model());
  }

  @Test
  void checkingTheKeysAlsoReadsEveryValue() {
    Configuration configuration = Configuration.of(Map.of("prompt4j.Faqs.write.max-tokens", "many"), "file app.properties");

    Prompt4jException e = assertThrows(Prompt4jException.class, () -> configuration.checkKeys(PROVIDERS));

    assertTrue(e.getMessage().contains("prompt4j.Faqs.write.max-tokens (file app.properties) is 'many'"), e.getMessage());
  }

  @Test
  void everySettingReadsItsKindOfValueAndRefusesAnother() {
    Object[][] cases = {
        {Setting.PROVIDER, "openai", "openai", null},
        {Setting.TEMPERATURE, "0.7", 0.7, "-1"},
        {Setting.MAX_TOKENS, "400", 400, "0"},
        {Setting.TOP_P, "0.9", 0.9, "1.5"},
        {Setting.SEED, "42", 42L, "forty"},
        {Setting.STOP, " a, ,b ", List.of("a", "b"), null},
        {Setting.FALLBACKS, "anthropic:h, openai:m", List.of("anthropic:h", "openai:m"), "gpt-4o"},
        {Setting.TIMEOUT, "30s", Duration.ofSeconds(30), "-5s"},
        {Setting.OUTPUT_MODE, "auto", "auto", "json"},
        {Setting.ON_TOOL_LIMIT, "Answer", "answer", "stop"},
        {Setting.ON_TOOL_ERROR, "FAIL", "fail", "ignore"},
        {Setting.EXECUTOR_VIRTUAL, "TRUE", Boolean.TRUE, "yes"},
        {Setting.MEDIA_MAX_BYTES, "512KB", 512L * 1024, "0"},
        {Setting.MAX_RETRIES, "0", 0, "-1"},
        {Setting.LISTENERS, "com.acme.A,com.acme.B", List.of("com.acme.A", "com.acme.B"), null},
    };
    for (Object[] c : cases) {
      Setting<?> setting = (Setting<?>) c[0];
      assertEquals(c[2], setting.parse(new Configuration.Entry("prompt4j." + setting.name(), (String) c[1], "test")), setting.name());
      if (c[3] != null) {
        Prompt4jException e = assertThrows(Prompt4jException.class,
            () -> setting.parse(new Configuration.Entry("prompt4j." + setting.name(), (String) c[3], "test")), setting.name());
        assertTrue(e.getMessage().contains("write " + setting.valid()), e.getMessage());
      }
    }
  }

  @Test
  void onlyProviderOptionsBeyondTheCommonKeysAndInstanceTypesNeedProviders() {
    assertEquals(java.util.Set.of(), Configuration.of(Map.of("prompt4j.providers.openai.api-key", "k",
        "prompt4j.providers.anthropic.base-url", "http://127.0.0.1:1", "prompt4j.model", "m"), "test").providersToCheck());
    assertEquals(java.util.Set.of("offline", "openai"), Configuration.of(Map.of("prompt4j.providers.offline.script", "s.json",
        "prompt4j.providers.work.type", "openai", "prompt4j.providers.work.max-response-bytes", "9"), "test").providersToCheck());
  }
}
