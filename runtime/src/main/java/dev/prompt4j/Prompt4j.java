package dev.prompt4j;

import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The entry point: creates implementations of prompt interfaces and overrides their configuration.
 *
 * <pre>{@code
 * TrendAnalysis trends = Prompt4j.create(TrendAnalysis.class);
 * TrendAnalysis cheap = Prompt4j.override(trends).model("gpt-4o-mini").temperature(0.2).build();
 * }</pre>
 *
 * <p>Implementations are the classes the annotation processor generated, found through their
 * generated {@link ServiceLoader} registration: no reflection, so native images need no metadata.
 */
public final class Prompt4j {
  private static final Map<Class<?>, PromptFactory<?>> FACTORIES = new ConcurrentHashMap<>();

  private Prompt4j() {}

  /**
   * The generated implementation of {@code type}, on the default context (configuration from system
   * properties, environment and {@code prompt4j.properties}; providers from the class path).
   *
   * @throws Prompt4jException when no implementation was generated for {@code type}
   */
  public static <T> T create(Class<T> type) {
    return create(type, PromptContext.defaults());
  }

  /** The generated implementation of {@code type} working in {@code context}. */
  public static <T> T create(Class<T> type, PromptContext context) {
    return factory(type).create(context);
  }

  /**
   * Starts an override of {@code instance}: provider, model, parameters, client or fallbacks, for the
   * whole interface or one method. {@link Overrides#build()} returns a new instance; {@code instance}
   * itself never changes.
   */
  public static <T> Overrides<T> override(T instance) {
    if (!(instance instanceof GeneratedPrompts generated)) {
      throw new IllegalArgumentException(
          "Prompt4j.override takes an instance made by Prompt4j.create, not " + (instance == null ? "null" : instance.getClass().getName()));
    }
    return new Overrides<>(instance, generated);
  }

  @SuppressWarnings("unchecked")
  static <T> PromptFactory<T> factory(Class<T> type) {
    PromptFactory<?> factory = FACTORIES.get(type);
    if (factory == null) {
      ClassLoader loader = type.getClassLoader();
      for (PromptFactory<?> candidate : ServiceLoader.load(PromptFactory.class, loader)) {
        FACTORIES.putIfAbsent(candidate.type(), candidate);
      }
      factory = FACTORIES.get(type);
    }
    if (factory == null) {
      throw new Prompt4jException(
          "No generated implementation of " + type.getName() + ". Is it an interface with @Prompt methods, and is "
              + "dev.prompt4j:prompt4j-processor in the compiler's annotationProcessorPaths? Check for Prompt4j errors in the build output.");
    }
    return (PromptFactory<T>) factory;
  }
}
