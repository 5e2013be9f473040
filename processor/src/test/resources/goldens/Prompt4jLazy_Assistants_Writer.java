package com.acme;

import dev.prompt4j.Response;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.ToolResumption;
import java.util.Objects;
import java.util.function.Supplier;
import javax.annotation.processing.Generated;

/**
 * {@link Assistants.Writer} made on its first call: every call goes to the instance {@code target} makes, once.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4jLazy_Assistants_Writer implements Assistants.Writer, GeneratedPrompts {
  private final Supplier<? extends Assistants.Writer> make;

  private volatile Assistants.Writer target;

  /**
   * An instance whose target {@code make} makes on the first call (once; a failure is tried again on the next call).
   */
  public Prompt4jLazy_Assistants_Writer(Supplier<? extends Assistants.Writer> make) {
    this.make = make;
  }

  /**
   * The target, made now if no call has made it.
   */
  private Assistants.Writer target() {
    Assistants.Writer made = target;
    if (made == null) {
      synchronized (this) {
        made = target;
        if (made == null) {
          made = Objects.requireNonNull(make.get(), "the target of Prompt4jLazy_Assistants_Writer");
          target = made;
        }
      }
    }
    return made;
  }

  @Override
  public String title(String topic) {
    return target().title(topic);
  }

  @Override
  public PromptContext prompt4jContext() {
    return ((GeneratedPrompts) target()).prompt4jContext();
  }

  @Override
  public Object prompt4jWith(PromptContext context) {
    return ((GeneratedPrompts) target()).prompt4jWith(context);
  }

  @Override
  public PromptFactory<?> prompt4jFactory() {
    return ((GeneratedPrompts) target()).prompt4jFactory();
  }

  @Override
  public Response<?> prompt4jResume(String method, ToolResumption resumption) {
    return ((GeneratedPrompts) target()).prompt4jResume(method, resumption);
  }

  @Override
  public String toString() {
    Assistants.Writer made = target;
    return made != null ? made.toString() : "com.acme.Assistants.Writer (Prompt4j, made on the first call)";
  }
}
