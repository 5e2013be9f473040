package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.prompt4j.internal.CallOverride;
import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.Configuration;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Model clients are built once per provider and model, and shared by every call and every override of a context. */
class ModelReuseTest {
  interface Reused {}

  private static final PromptMethod<String> FIRST = PromptMethod.of(Reused.class, "first", CallSpec.of("counting", "m-1"), "h", Outputs.text());
  private static final PromptMethod<String> SECOND = PromptMethod.of(Reused.class, "second", CallSpec.of("counting", "m-2"), "h", Outputs.text());

  @Test
  void oneClientPerModelAcrossCallsThreadsAndOverrides() throws Exception {
    int before = CountingProvider.CLIENTS.get();
    PromptContext context = PromptContext.create(Configuration.empty(), getClass().getClassLoader());
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<String>> answers = new ArrayList<>();
      for (int i = 0; i < 64; i++) {
        answers.add(pool.submit(() -> context.invoke(FIRST, inv -> Messages.single("hi")).value()));
      }
      for (Future<String> answer : answers) {
        assertEquals("answer of m-1", answer.get());
      }
    } finally {
      pool.shutdown();
    }
    assertEquals(1, CountingProvider.CLIENTS.get() - before);

    PromptContext overridden = context.withOverride("", CallOverride.NONE.withParameters(dev.prompt4j.CallParameters.none().withTemperature(0.1)));
    assertEquals("answer of m-1", overridden.invoke(FIRST, inv -> Messages.single("hi")).value());
    assertEquals(1, CountingProvider.CLIENTS.get() - before);

    assertEquals("answer of m-2", context.invoke(SECOND, inv -> Messages.single("hi")).value());
    assertEquals(2, CountingProvider.CLIENTS.get() - before);
  }
}
