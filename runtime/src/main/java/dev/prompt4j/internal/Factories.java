package dev.prompt4j.internal;

import dev.prompt4j.Prompt4jException;
import java.util.ServiceLoader;

/**
 * The generated factory of each prompt interface, found through its generated {@link ServiceLoader}
 * registration with the interface's own class loader. Kept per class with {@link ClassValue}, so a
 * class loader that goes away (a redeployed application) is not held.
 */
final class Factories {
  private Factories() {}

  private static final ClassValue<PromptFactory<?>> FACTORIES = new ClassValue<>() {
    @Override
    protected PromptFactory<?> computeValue(Class<?> type) {
      ClassLoader loader = type.getClassLoader();
      for (PromptFactory<?> candidate : ServiceLoader.load(PromptFactory.class, loader == null ? ClassLoader.getSystemClassLoader() : loader)) {
        if (candidate.type() == type) {
          return candidate;
        }
      }
      throw new Prompt4jException(
          "No generated implementation of " + type.getName() + ". Is it an interface with @Prompt methods, and is "
              + "dev.prompt4j:prompt4j-processor in the compiler's annotationProcessorPaths? Check for Prompt4j errors in the build output.");
    }
  };

  @SuppressWarnings("unchecked")
  static <T> PromptFactory<T> of(Class<T> type) {
    return (PromptFactory<T>) FACTORIES.get(type);
  }
}
