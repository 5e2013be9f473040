package com.acme;

import dev.prompt4j.Response;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.ToolResumption;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import javax.annotation.processing.Generated;

/**
 * {@link Nulls} made on its first call: every call goes to the instance {@code target} makes, once.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4jLazy_Nulls implements Nulls, GeneratedPrompts {
  private final Supplier<? extends Nulls> make;

  private volatile Nulls target;

  /**
   * An instance whose target {@code make} makes on the first call (once; a failure is tried again on the next call).
   */
  public Prompt4jLazy_Nulls(Supplier<? extends Nulls> make) {
    this.make = make;
  }

  /**
   * The target, made now if no call has made it.
   */
  private Nulls target() {
    Nulls made = target;
    if (made == null) {
      synchronized (this) {
        made = target;
        if (made == null) {
          made = Objects.requireNonNull(make.get(), "the target of Prompt4jLazy_Nulls");
          target = made;
        }
      }
    }
    return made;
  }

  @Override
  public String greet(String name, Optional<String> title, int age) {
    return target().greet(name, title, age);
  }

  @Override
  public String sign(int age) {
    return target().sign(age);
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
    Nulls made = target;
    return made != null ? made.toString() : "com.acme.Nulls (Prompt4j, made on the first call)";
  }
}
