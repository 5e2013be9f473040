package dev.prompt4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Response;
import dev.prompt4j.Trace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunAllTest {

  @Test
  void everyExampleRunsOfflineAndPrintsATrace() {
    List<Example> examples = RunAll.examples();
    assertTrue(examples.size() >= 10, "examples: " + examples.size());
    Set<String> seeds = examples.stream().map(Example::seed).collect(Collectors.toSet());
    assertEquals(Set.of("000", "001", "002", "003", "004", "media", "tools"), seeds); // every seed, and the feature examples
    for (Example example : examples) {
      Env env = Env.offline(example.script());
      Trace.Captured<?> run = Trace.capture(() -> example.run(env));
      assertFalse(RunAll.render(run.value()).isBlank(), example.name());
      assertFalse(env.requests().isEmpty(), example.name() + " made prompt calls");
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      List<Response<?>> calls = new java.util.ArrayList<>(run.calls());
      if (run.value() instanceof Traced traced) calls.addAll(traced.calls());
      TracePrinter.print(calls, new PrintStream(bytes, true, StandardCharsets.UTF_8));
      String trace = bytes.toString(StandardCharsets.UTF_8);
      assertTrue(trace.contains("offline/"), example.name() + ":\n" + trace);
      assertTrue(trace.contains(" call(s), "), trace);
    }
  }

  @Test
  void withoutAKeyTheRunnerSaysItIsOfflineAndHowToGoLive() {
    RunAll.Mode mode = RunAll.Mode.choose(key -> null, Map.of("PATH", "/usr/bin", "OPENAI_API_KEY", " ")::get);

    assertTrue(mode.offline(), "a blank key is no key");
    assertTrue(mode.banner().contains("OFFLINE"));
    assertTrue(mode.banner().contains("OPENAI_API_KEY"));
    assertEquals(Map.of(), mode.properties());
  }

  @Test
  void aKeyOrAProviderSettingGoesLiveOnTheMatchingProvider() {
    RunAll.Mode openai = RunAll.Mode.choose(key -> null, Map.of("OPENAI_API_KEY", "sk-test")::get);
    assertFalse(openai.offline());
    assertTrue(openai.banner().contains("LIVE on openai"), openai.banner());
    assertFalse(openai.banner().contains("sk-test"), "the banner never shows a key");

    RunAll.Mode anthropic = RunAll.Mode.choose(key -> null, Map.of("ANTHROPIC_API_KEY", "k")::get);
    assertEquals(Map.of("prompt4j.provider", "anthropic", "prompt4j.model", "claude-haiku-4-5"), anthropic.properties());

    RunAll.Mode gemini = RunAll.Mode.choose(Map.of("prompt4j.model", "gemini-2.5-pro")::get, Map.of("GOOGLE_API_KEY", "k")::get);
    assertEquals(Map.of("prompt4j.provider", "gemini"), gemini.properties());
    assertEquals("gemini/gemini-2.5-pro", gemini.description());

    RunAll.Mode ollama = RunAll.Mode.choose(Map.of("prompt4j.provider", "ollama", "prompt4j.model", "llama3.2")::get, key -> null);
    assertEquals("ollama/llama3.2", ollama.description());
    assertTrue(RunAll.Mode.choose(key -> null, Map.of("PROMPT4J_PROVIDER", "offline", "OPENAI_API_KEY", "k")::get).offline(),
        "prompt4j.provider=offline wins over a key");
  }
}
