package dev.prompt4j.config;

import static dev.prompt4j.testing.Calls.traced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.prompt4j.CallParameters;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptRuntime;
import dev.prompt4j.Response;
import dev.prompt4j.provider.Greeter;
import dev.prompt4j.test.OfflineModel;
import dev.prompt4j.testing.Calls;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Configuration and its precedence, read back from the calls generated code makes: code over
 * configuration over the annotation; within one source method over interface over global; system
 * properties over {@code prompt4j.properties} for the default sources. (The environment's rank is in
 * {@code EnvironmentTest}, run with variables set by the build.)
 */
class ConfigurationPrecedenceTest {
  /** A Greeter configured by {@code properties} alone, its providers answered in process. */
  static Greeter greeter(Map<String, String> properties) {
    return Prompt4j.builder().properties(properties).client("offline", Calls.echo("offline")).client("openai", Calls.echo("openai"))
        .client("anthropic", Calls.echo("anthropic")).build().create(Greeter.class);
  }

  static String model(Response<?> call) {
    return call.provider() + ":" + call.model();
  }

  static String greetModel(Greeter greeter) {
    return model(traced(() -> greeter.greet("Ada")));
  }

  @Test
  void theAnnotationWhenNothingIsConfigured() {
    Response<?> call = traced(() -> greeter(Map.of()).greet("Ada"));
    assertEquals("offline:annotated-model", model(call));
    assertEquals(CallParameters.none().withTemperature(0.5), call.parameters());
  }

  @Test
  void configurationOverTheAnnotationAndCodeOverConfiguration() {
    Greeter configured = greeter(Map.of("prompt4j.Greeter.model", "file-model"));
    assertEquals("offline:file-model", greetModel(configured), "configuration over annotation");
    Greeter code = Prompt4j.override(configured).model("code-model").build();
    assertEquals("offline:code-model", greetModel(code), "code over configuration");
  }

  @Test
  void withinASourceMethodOverInterfaceOverGlobal() {
    Greeter g = greeter(Map.of(
        "prompt4j.provider", "openai", "prompt4j.model", "global-model",
        "prompt4j.Greeter.model", "interface-model",
        "prompt4j.Greeter.greet.model", "method-model"));
    assertEquals("openai:method-model", greetModel(g));
    assertEquals("openai:interface-model", model(traced(() -> g.moodOf("Ada"))));
  }

  @Test
  void parametersMergeAcrossLevelsKeySpellingsAndCode() {
    Greeter g = Prompt4j.override(greeter(Map.of(
            "prompt4j.Greeter.max-tokens", "100", "prompt4j.Greeter.greet.stop", "END, STOP", "prompt4j.Greeter.greet.topP", "0.8",
            "prompt4j.Greeter.greet.temperature", "0.9", "prompt4j.seed", "7")))
        .method("greet").maxTokens(50).build();

    Response<?> greet = traced(() -> g.greet("Ada"));
    Response<?> moodOf = traced(() -> g.moodOf("Ada"));

    // A client given in code cannot take a seed: it is reported as not sent.
    assertEquals(new CallParameters(0.9, 50, 0.8, List.of("END", "STOP"), null), greet.parameters());
    assertEquals(7L, greet.unsentParameters().seed());
    assertEquals(new CallParameters(0.5, 100, null, null, null), moodOf.parameters());
    assertEquals(7L, moodOf.unsentParameters().seed());
  }

  @Test
  void fallbacksFromConfiguration() {
    OfflineModel failing = OfflineModel.builder().whenMatches("").replyWith(request -> {
      throw new IllegalStateException("down");
    }).build();
    Greeter g = Prompt4j.builder()
        .properties(Map.of("prompt4j.Greeter.fallbacks", "openai:gpt-4o, anthropic:claude-haiku-4-5"))
        .client("offline", failing).client("openai", failing).client("anthropic", Calls.echo("anthropic"))
        .build().create(Greeter.class);

    Response<?> call = traced(() -> g.greet("Ada"));

    assertEquals(List.of("offline:annotated-model", "openai:gpt-4o"),
        call.failedAttempts().stream().map(a -> a.provider() + ":" + a.model()).toList());
    assertEquals("anthropic:claude-haiku-4-5", model(call));
    assertEquals("anthropic: Hi Ada", call.value());
  }

  @Test
  void thePromptVersionChangesWithTheConfiguration() {
    String plain = traced(() -> greeter(Map.of()).greet("Ada")).promptVersion();
    String again = traced(() -> greeter(Map.of()).greet("Ada")).promptVersion();
    String changed = traced(() -> greeter(Map.of("prompt4j.temperature", "0.1")).greet("Ada")).promptVersion();
    assertEquals(plain, again);
    assertEquals(12, plain.length());
    assertNotEquals(plain, changed);
  }

  @Test
  void theDefaultSourcesAreSystemPropertiesOverTheClassPathFile() {
    // src/test/resources/prompt4j.properties sets prompt4j.Greeter.moodOf.model=from-file and
    // prompt4j.Greeter.greet.model=file-loses; configuration is read when the runtime is built.
    PromptRuntime runtime;
    System.setProperty("prompt4j.Greeter.greet.model", "from-system-property");
    try {
      runtime = Prompt4j.builder().client("offline", Calls.echo("offline")).build();
    } finally {
      System.clearProperty("prompt4j.Greeter.greet.model");
    }
    Greeter g = runtime.create(Greeter.class);

    assertEquals("offline:from-file", model(traced(() -> g.moodOf("Ada"))));
    assertEquals("offline:from-system-property", greetModel(g), "a system property over the file");
    assertEquals("offline:annotated-model", model(traced(() -> g.describe("Ada"))));
  }

  @Test
  void aConfiguredProviderAnswersEndToEnd() {
    // configuration switches the provider to the offline one with a script: no recompilation
    Greeter g = Prompt4j.builder().properties(Map.of("prompt4j.Greeter.provider", "offline", "prompt4j.Greeter.model", "scripted",
        "prompt4j.providers.offline.script", "offline/greeter.json", "prompt4j.Greeter.greet.temperature", "0.25")).build()
        .create(Greeter.class);
    dev.prompt4j.Trace.Captured<String> run = dev.prompt4j.Trace.capture(() -> g.greet("Ada"));
    assertEquals("I have no scripted answer.", run.value());
    dev.prompt4j.Response<?> call = run.calls().get(0);
    assertEquals("offline", call.provider());
    assertEquals("scripted", call.model());
    assertEquals(0.25, call.parameters().temperature());
  }
}
