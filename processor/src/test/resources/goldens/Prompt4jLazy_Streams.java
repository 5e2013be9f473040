package com.acme;

import dev.prompt4j.PromptStream;
import dev.prompt4j.Response;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.ToolResumption;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.function.Supplier;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import reactor.core.publisher.Flux;

/**
 * {@link Streams} made on its first call: every call goes to the instance {@code target} makes, once.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4jLazy_Streams implements Streams, GeneratedPrompts {
  private final Supplier<? extends Streams> make;

  private volatile Streams target;

  /**
   * An instance whose target {@code make} makes on the first call (once; a failure is tried again on the next call).
   */
  public Prompt4jLazy_Streams(Supplier<? extends Streams> make) {
    this.make = make;
  }

  /**
   * The target, made now if no call has made it.
   */
  private Streams target() {
    Streams made = target;
    if (made == null) {
      synchronized (this) {
        made = target;
        if (made == null) {
          made = Objects.requireNonNull(make.get(), "the target of Prompt4jLazy_Streams");
          target = made;
        }
      }
    }
    return made;
  }

  @Override
  public PromptStream<String> haiku(String topic) {
    return target().haiku(topic);
  }

  @Override
  public PromptStream<Streams.Story> outline(String topic) {
    return target().outline(topic);
  }

  @Override
  public PromptStream<Streams.Plan> plan(String topic) {
    return target().plan(topic);
  }

  @Override
  public PromptStream<Streams.Review> review(String topic) {
    return target().review(topic);
  }

  @Override
  public Flow.Publisher<Streams_PlanPartial> planPartials(String topic) {
    return target().planPartials(topic);
  }

  @Override
  public Flow.Publisher<Streams.Step> steps(String topic) {
    return target().steps(topic);
  }

  @Override
  public Stream<Streams.Step> moreSteps(String topic) {
    return target().moreSteps(topic);
  }

  @Override
  public PromptStream<List<Streams.Step>> allSteps(String topic) {
    return target().allSteps(topic);
  }

  @Override
  public Flow.Publisher<String> tell(String topic) {
    return target().tell(topic);
  }

  @Override
  public Stream<String> facts(String topic) {
    return target().facts(topic);
  }

  @Override
  public Flux<Streams_PlanPartial> planFlux(String topic) {
    return target().planFlux(topic);
  }

  @Override
  public Flux<Streams.Step> stepFlux(String topic) {
    return target().stepFlux(topic);
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
    Streams made = target;
    return made != null ? made.toString() : "com.acme.Streams (Prompt4j, made on the first call)";
  }
}
