package dev.prompt4j;

import java.util.List;

/**
 * Configuration, model clients and an executor, shared by the prompt instances made from it. The
 * default runtime stands behind {@link Prompt4j#create}; {@link Prompt4j#builder()} makes others.
 *
 * <pre>{@code
 * PromptRuntime runtime = Prompt4j.builder()
 *     .properties(Map.of("prompt4j.provider", "ollama", "prompt4j.model", "llama3.2"))
 *     .build();
 * Support support = runtime.create(Support.class);
 * }</pre>
 *
 * <p>A runtime is immutable and safe to share between threads; clients are built once per provider
 * and model and reused by every instance of the runtime.
 */
public interface PromptRuntime {
  /**
   * The generated implementation of {@code type}, calling models through this runtime.
   *
   * @param type a prompt interface
   * @param <T> the prompt interface
   * @return a new instance
   * @throws Prompt4jException when no implementation was generated for {@code type}
   */
  <T> T create(Class<T> type);

  /**
   * The prompt methods of {@code type} as this runtime would call them, without calling a model: provider
   * and model after the {@code @Call} annotation and configuration, fallbacks, attempts and prompt
   * version, sorted by method name.
   *
   * <pre>{@code
   * runtime.describe(TrendAnalysis.class).forEach(m -> System.out.println(m.method() + " " + m.model()));
   * }</pre>
   *
   * @param type a prompt interface
   * @return one description per prompt method
   * @throws Prompt4jException when no implementation was generated for {@code type}
   * @throws UnsupportedOperationException when this runtime is not Prompt4j's own
   */
  default List<MethodDescription> describe(Class<?> type) {
    throw new UnsupportedOperationException(getClass().getName() + " does not describe prompt methods");
  }
}
