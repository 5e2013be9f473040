package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.PromptRuntime;
import java.util.function.Supplier;

/**
 * The application's runtime, built on the first call of any prompt bean rather than during the
 * context's refresh: building it loads the model clients' classes, Jackson, the price table and the
 * providers, which is most of Prompt4j's start-up cost. Configuration is checked at start-up all the
 * same ({@code Prompt4j.Builder#check}), so a wrong key still fails there. {@link #create} returns an
 * instance that makes the generated implementation on its first call ({@link LazyPrompts}).
 */
final class LazyPromptRuntime implements PromptRuntime {
  private final Once<PromptRuntime> runtime;

  LazyPromptRuntime(Supplier<PromptRuntime> build) {
    this.runtime = new Once<>(build);
  }

  /** The runtime, built now if no call has built it yet; once, whichever thread comes first. */
  PromptRuntime runtime() {
    return runtime.get();
  }

  /** Whether a call (or anything else) has built the runtime yet. */
  boolean built() {
    return runtime.ifMade() != null;
  }

  @Override
  public <T> T create(Class<T> type) {
    return LazyPrompts.of(type, this);
  }

  @Override
  public String toString() {
    return "Prompt4j runtime (" + (built() ? "built" : "built on the first call") + ")";
  }
}
