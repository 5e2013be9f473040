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
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RunAllTest {

  @Test
  void everyExampleRunsOfflineAndPrintsATrace() {
    List<Example> examples = RunAll.examples();
    assertTrue(examples.size() >= 10, "examples: " + examples.size());
    Set<String> seeds = examples.stream().map(Example::seed).collect(Collectors.toSet());
    assertEquals(Set.of("000", "001", "002", "003", "004"), seeds);
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
    RunAll.Mode mode = RunAll.Mode.choose();
    if (System.getenv("OPENAI_API_KEY") == null && System.getenv("ANTHROPIC_API_KEY") == null && System.getenv("GEMINI_API_KEY") == null
        && System.getenv("GOOGLE_API_KEY") == null && System.getProperty("prompt4j.provider") == null && System.getenv("PROMPT4J_PROVIDER") == null) {
      assertTrue(mode.offline());
      assertTrue(mode.banner().contains("OFFLINE"));
      assertTrue(mode.banner().contains("OPENAI_API_KEY"));
    }
  }
}
