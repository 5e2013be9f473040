package dev.prompt4j.internal;

import dev.prompt4j.Overrides;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptRuntime;
import dev.prompt4j.Response;
import dev.prompt4j.Trace;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The engine behind the public API, registered for {@link java.util.ServiceLoader} as {@link
 * Prompt4j.Engine}. Not part of the generated-code ABI.
 */
public final class Prompt4jEngine implements Prompt4j.Engine {
  /** Made by {@link java.util.ServiceLoader}. */
  public Prompt4jEngine() {}

  @Override
  public PromptRuntime defaultRuntime() {
    return PromptContext.defaults();
  }

  @Override
  public PromptRuntime runtime(Prompt4j.Settings settings) {
    RuntimeCore core = RuntimeCore.of(settings);
    return new PromptContext(core, Map.of(), core.executor);
  }

  @Override
  public void check(Prompt4j.Settings settings) {
    RuntimeCore.check(settings);
  }

  @Override
  public List<String> promptMethods(Object instance) {
    return instance instanceof GeneratedPrompts generated ? generated.prompt4jFactory().methods() : null;
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T override(T instance, Map<String, Overrides.Change> changes, Executor executor) {
    GeneratedPrompts generated = (GeneratedPrompts) instance;
    return (T) generated.prompt4jWith(generated.prompt4jContext().withOverrides(changes, executor));
  }

  @Override
  public <T> Response<T> restore(Object instance, String state, List<Object> tools) {
    return ToolApprovals.restore((GeneratedPrompts) instance, state, tools);
  }

  @Override
  public <T> Trace.Captured<T> capture(Supplier<T> work) {
    List<Response<?>> calls = new CopyOnWriteArrayList<>();
    TraceScope previous = TraceScope.enter(TraceScope.collecting(calls::add, TraceScope.current()));
    try {
      return new Trace.Captured<>(work.get(), List.copyOf(calls));
    } finally {
      TraceScope.restore(previous);
    }
  }

  @Override
  public Executor propagating(Executor executor) {
    return task -> {
      TraceScope scope = TraceScope.current();
      executor.execute(() -> {
        TraceScope previous = TraceScope.enter(scope);
        try {
          task.run();
        } finally {
          TraceScope.restore(previous);
        }
      });
    };
  }
}
