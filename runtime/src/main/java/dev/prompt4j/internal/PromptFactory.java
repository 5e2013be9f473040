package dev.prompt4j.internal;

import java.util.List;

/**
 * Creates the generated implementation of one prompt interface. The processor writes one per
 * interface and registers it for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds it
 * without reflection.
 *
 * @param <T> the prompt interface
 */
public interface PromptFactory<T> {
  /** The prompt interface. */
  Class<T> type();

  /** The names of its prompt methods, sorted. */
  List<String> methods();

  /** A new implementation working in {@code context}. */
  T create(PromptContext context);
}
