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
 * {@link Tuned} made on its first call: every call goes to the instance {@code target} makes, once.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4jLazy_Tuned implements Tuned, GeneratedPrompts {
  private final Supplier<? extends Tuned> make;

  private volatile Tuned target;

  /**
   * An instance whose target {@code make} makes on the first call (once; a failure is tried again on the next call).
   */
  public Prompt4jLazy_Tuned(Supplier<? extends Tuned> make) {
    this.make = make;
  }

  /**
   * The target, made now if no call has made it.
   */
  private Tuned target() {
    Tuned made = target;
    if (made == null) {
      synchronized (this) {
        made = target;
        if (made == null) {
          made = Objects.requireNonNull(make.get(), "the target of Prompt4jLazy_Tuned");
          target = made;
        }
      }
    }
    return made;
  }

  @Override
  public String haiku(String topic) {
    return target().haiku(topic);
  }

  @Override
  public String essay(String topic) {
    return target().essay(topic);
  }

  @Override
  public String greet(String name) {
    return target().greet(name);
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
    Tuned made = target;
    return made != null ? made.toString() : "com.acme.Tuned (Prompt4j, made on the first call)";
  }
}
