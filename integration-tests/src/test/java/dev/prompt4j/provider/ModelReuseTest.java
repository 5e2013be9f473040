package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptRuntime;
import dev.prompt4j.testing.Runtimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Model clients are built once per provider and model, and shared by every call, instance and override of a runtime. */
class ModelReuseTest {
  @Call(provider = "counting", model = "m-1")
  interface Reused {
    @Prompt("hi")
    String first();

    @Prompt("hi")
    @Call(provider = "counting", model = "m-2")
    String second();
  }

  @Test
  void oneClientPerModelAcrossCallsThreadsInstancesAndOverrides() throws Exception {
    int before = CountingProvider.CLIENTS.get();
    PromptRuntime runtime = Runtimes.isolated(Map.of());
    Reused reused = runtime.create(Reused.class);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        answers.add(pool.submit(reused::first));
      }
      for (Future<String> answer : answers) {
        assertEquals("answer of m-1", answer.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, CountingProvider.CLIENTS.get() - before);

    Reused overridden = Prompt4j.override(reused).temperature(0.1).build();
    assertEquals("answer of m-1", overridden.first());
    assertEquals("answer of m-1", runtime.create(Reused.class).first());
    assertEquals(1, CountingProvider.CLIENTS.get() - before);

    assertEquals("answer of m-2", reused.second());
    assertEquals(2, CountingProvider.CLIENTS.get() - before);
  }
}
