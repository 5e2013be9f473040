package dev.prompt4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.prompt4j.CallParameters;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.internal.Configuration;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptMethod;
import dev.prompt4j.internal.ResolvedCall;
import dev.prompt4j.provider.GeminiProvider;
import dev.prompt4j.provider.Greeter;
import dev.prompt4j.provider.GreeterImpl;
import dev.prompt4j.provider.OfflineModel;
import dev.prompt4j.provider.OpenAiProvider;
import dev.prompt4j.provider.ProviderSettings;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/**
 * Every configuration source and the precedence: code over system properties over environment over
 * {@code prompt4j.properties} over the annotation; within one source method over interface over
 * global, and a higher source wins whatever its level.
 */
class ConfigurationPrecedenceTest {

  static Properties props(String... keyValues) {
    Properties p = new Properties();
    for (int i = 0; i < keyValues.length; i += 2) {
      p.setProperty(keyValues[i], keyValues[i + 1]);
    }
    return p;
  }

  static Greeter greeter(Properties system, Map<String, String> environment, Properties file) {
    return new GreeterImpl(PromptContext.create(Configuration.of(system, environment, file), ConfigurationPrecedenceTest.class.getClassLoader()));
  }

  static ResolvedCall resolve(Greeter greeter, PromptMethod<?> method) {
    return ((GreeterImpl) greeter).prompt4jContext().resolve(method);
  }

  static String model(Greeter greeter, PromptMethod<?> method) {
    ResolvedCall call = resolve(greeter, method);
    return call.targets().get(0).provider() + ":" + call.targets().get(0).model();
  }

  @Test
  void theAnnotationWhenNothingIsConfigured() {
    Greeter g = greeter(new Properties(), Map.of(), new Properties());
    assertEquals("offline:annotated-model", model(g, GreeterImpl.GREET));
    assertEquals(CallParameters.none().withTemperature(0.5), resolve(g, GreeterImpl.GREET).parameters());
  }

  @Test
  void eachSourceOverTheOneBelow() {
    Properties file = props("prompt4j.Greeter.model", "file-model");
    Map<String, String> env = Map.of("PROMPT4J_GREETER_MODEL", "env-model");
    Properties system = props("prompt4j.Greeter.model", "sys-model");

    assertEquals("offline:file-model", model(greeter(new Properties(), Map.of(), file), GreeterImpl.GREET), "file over annotation");
    assertEquals("offline:env-model", model(greeter(new Properties(), env, file), GreeterImpl.GREET), "environment over file");
    assertEquals("offline:sys-model", model(greeter(system, env, file), GreeterImpl.GREET), "system property over environment");
    Greeter code = Prompt4j.override(greeter(system, env, file)).model("code-model").build();
    assertEquals("offline:code-model", model(code, GreeterImpl.GREET), "code over system property");
  }

  @Test
  void withinASourceMethodOverInterfaceOverGlobal() {
    Properties file = props(
        "prompt4j.provider", "openai", "prompt4j.model", "global-model",
        "prompt4j.Greeter.model", "interface-model",
        "prompt4j.Greeter.greet.model", "method-model");
    Greeter g = greeter(new Properties(), Map.of(), file);
    assertEquals("openai:method-model", model(g, GreeterImpl.GREET));
    assertEquals("openai:interface-model", model(g, GreeterImpl.MOOD_OF));
  }

  @Test
  void aHigherSourceWinsWhateverItsLevel() {
    Properties file = props("prompt4j.Greeter.greet.model", "file-method-model");
    Map<String, String> env = Map.of("PROMPT4J_MODEL", "env-global-model");
    assertEquals("offline:env-global-model", model(greeter(new Properties(), env, file), GreeterImpl.GREET));
  }

  @Test
  void parametersMergeAcrossSourcesAndKeyStyles() {
    Properties file = props("prompt4j.Greeter.max-tokens", "100", "prompt4j.Greeter.greet.stop", "END, STOP");
    Map<String, String> env = Map.of("PROMPT4J_GREETER_GREET_TOP_P", "0.8");
    Properties system = props("prompt4j.Greeter.greet.temperature", "0.9", "prompt4j.seed", "7");
    Greeter g = Prompt4j.override(greeter(system, env, file)).method("greet").maxTokens(50).build();

    assertEquals(new CallParameters(0.9, 50, 0.8, List.of("END", "STOP"), 7L), resolve(g, GreeterImpl.GREET).parameters());
    assertEquals(new CallParameters(0.5, 100, null, null, 7L), resolve(g, GreeterImpl.MOOD_OF).parameters());
  }

  @Test
  void fallbacksFromConfiguration() {
    Properties file = props("prompt4j.Greeter.fallbacks", "openai:gpt-4o, anthropic:claude-haiku-4-5");
    ResolvedCall call = resolve(greeter(new Properties(), Map.of(), file), GreeterImpl.GREET);
    assertEquals("[offline:annotated-model, openai:gpt-4o, anthropic:claude-haiku-4-5]", call.targets().toString());
  }

  @Test
  void thePromptVersionChangesWithTheConfiguration() {
    String plain = resolve(greeter(new Properties(), Map.of(), new Properties()), GreeterImpl.GREET).promptVersion();
    String again = resolve(greeter(new Properties(), Map.of(), new Properties()), GreeterImpl.GREET).promptVersion();
    String changed = resolve(greeter(props("prompt4j.temperature", "0.1"), Map.of(), new Properties()), GreeterImpl.GREET).promptVersion();
    assertEquals(plain, again);
    assertEquals(12, plain.length());
    org.junit.jupiter.api.Assertions.assertNotEquals(plain, changed);
  }

  @Test
  void providerKeysAndUrlsRankTheUsualVariablesWithTheEnvironment() {
    OpenAiProvider openai = new OpenAiProvider();
    Properties file = props("prompt4j.providers.openai.api-key", "file-key", "prompt4j.providers.openai.timeout", "5s",
        "prompt4j.providers.openai.max-retries", "4");
    assertEquals("file-key", Configuration.of(new Properties(), Map.of(), file).provider(openai).apiKey());
    assertEquals("env-key", Configuration.of(new Properties(), Map.of("OPENAI_API_KEY", "env-key"), file).provider(openai).apiKey());
    assertEquals("prompt4j-env-key", Configuration.of(new Properties(),
        Map.of("OPENAI_API_KEY", "env-key", "PROMPT4J_PROVIDERS_OPENAI_API_KEY", "prompt4j-env-key"), file).provider(openai).apiKey());
    ProviderSettings sys = Configuration.of(props("prompt4j.providers.openai.api-key", "sys-key"),
        Map.of("OPENAI_API_KEY", "env-key", "OPENAI_BASE_URL", "http://proxy/v1"), file).provider(openai);
    assertEquals("sys-key", sys.apiKey());
    assertEquals("http://proxy/v1", sys.baseUrl());
    assertEquals(java.time.Duration.ofSeconds(5), sys.timeout());
    assertEquals(4, sys.maxRetries());

    GeminiProvider gemini = new GeminiProvider();
    assertEquals("gemini", Configuration.of(new Properties(), Map.of("GEMINI_API_KEY", "gemini", "GOOGLE_API_KEY", "google"), new Properties())
        .provider(gemini).apiKey());
    assertEquals("google", Configuration.of(new Properties(), Map.of("GOOGLE_API_KEY", "google"), new Properties()).provider(gemini).apiKey());
    assertNull(Configuration.of(new Properties(), Map.of(), new Properties()).provider(gemini).apiKey());
  }

  @Test
  void loadReadsSystemPropertiesAndTheClassPathFile() {
    // src/test/resources/prompt4j.properties sets prompt4j.Greeter.moodOf.model=from-file
    System.setProperty("prompt4j.Greeter.describe.model", "from-system-property");
    try {
      Greeter g = new GreeterImpl(PromptContext.create(Configuration.load(), getClass().getClassLoader()));
      assertEquals("offline:from-file", model(g, GreeterImpl.MOOD_OF));
      assertEquals("offline:from-system-property", model(g, GreeterImpl.DESCRIBE));
      assertEquals("offline:annotated-model", model(g, GreeterImpl.GREET));
    } finally {
      System.clearProperty("prompt4j.Greeter.describe.model");
    }
  }

  @Test
  void aConfiguredProviderAnswersEndToEnd() {
    // configuration switches the provider to the offline one with a script: no recompilation
    Properties system = props("prompt4j.Greeter.provider", "offline", "prompt4j.Greeter.model", "scripted",
        "prompt4j.providers.offline.script", "offline/greeter.json", "prompt4j.Greeter.greet.temperature", "0.25");
    Greeter g = greeter(system, Map.of(), new Properties());
    assertEquals("I have no scripted answer.", g.greet("Ada"));
    OfflineModel.Request request = dev.prompt4j.provider.OfflineProvider.model("offline/greeter.json").requests("Greeter.greet").get(0);
    assertEquals("scripted", request.parameters().modelName());
    assertEquals(0.25, request.parameters().temperature());
  }
}
