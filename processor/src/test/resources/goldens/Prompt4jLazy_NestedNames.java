package com.acme;

import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.ToolResumption;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import javax.annotation.processing.Generated;

/**
 * {@link NestedNames} made on its first call: every call goes to the instance {@code target} makes, once.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4jLazy_NestedNames implements NestedNames, GeneratedPrompts {
  private final Supplier<? extends NestedNames> make;

  private volatile NestedNames target;

  /**
   * An instance whose target {@code make} makes on the first call (once; a failure is tried again on the next call).
   */
  public Prompt4jLazy_NestedNames(Supplier<? extends NestedNames> make) {
    this.make = make;
  }

  /**
   * The target, made now if no call has made it.
   */
  private NestedNames target() {
    NestedNames made = target;
    if (made == null) {
      synchronized (this) {
        made = target;
        if (made == null) {
          made = Objects.requireNonNull(make.get(), "the target of Prompt4jLazy_NestedNames");
          target = made;
        }
      }
    }
    return made;
  }

  @Override
  public NestedNames.Response summarize(String topic, String audience) {
    return target().summarize(topic, audience);
  }

  @Override
  public dev.prompt4j.Response<NestedNames.Values> pick(String topic) {
    return target().pick(topic);
  }

  @Override
  public String note(String topic, NestedNames.FieldTask task) {
    return target().note(topic, task);
  }

  @Override
  public CompletableFuture<dev.prompt4j.Response<String>> tell(String topic) {
    return target().tell(topic);
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
  public dev.prompt4j.Response<?> prompt4jResume(String method, ToolResumption resumption) {
    return ((GeneratedPrompts) target()).prompt4jResume(method, resumption);
  }

  @Override
  public String toString() {
    NestedNames made = target;
    return made != null ? made.toString() : "com.acme.NestedNames (Prompt4j, made on the first call)";
  }
}
