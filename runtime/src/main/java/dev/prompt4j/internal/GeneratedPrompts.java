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

  /**
   * Goes on with a call of {@code method} that paused for approval: the generated class makes the
   * method's tools and calls {@link PromptContext#resume}. {@code null} when no method of this class has
   * a tool that needs approval (the default), or {@code method} is not one of them.
   */
  default dev.prompt4j.Response<?> prompt4jResume(String method, ToolResumption resumption) {
    return null;
  }
}
