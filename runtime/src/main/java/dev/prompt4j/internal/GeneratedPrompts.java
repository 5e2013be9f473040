package dev.prompt4j.internal;

/**
 * Implemented by every generated class, so overrides can make a copy of an instance with other
 * settings without reflection.
 */
public interface GeneratedPrompts {
  /** The context this instance calls models through. */
  PromptContext prompt4jContext();

  /** A new instance of the same generated class working in {@code context}. */
  Object prompt4jWith(PromptContext context);

  /** The factory of this generated class (its prompt methods, its interface). */
  PromptFactory<?> prompt4jFactory();
}
