package com.acme;

import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.PromptMethod;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Implements {@link PlainPrompt} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_PlainPrompt implements PlainPrompt, GeneratedPrompts {
  private static final PromptMethod<String> HELLO = PromptMethod.of(
      PlainPrompt.class,
      "hello",
      CallSpec.of("openai", "gpt-4o-mini"),
      "7673e5d15595",
      Outputs.text());

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_PlainPrompt() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_PlainPrompt(PromptContext context) {
    this.context = context;
  }

  @Override
  public String hello(String name) {
    Objects.requireNonNull(name, "name of PlainPrompt.hello is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(HELLO, invocation -> Messages.single("Say hello to " + name
        + " in one short sentence.")).value();
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public PlainPrompt prompt4jWith(PromptContext context) {
    return new Prompt4j_PlainPrompt(context);
  }

  @Override
  public PromptFactory<PlainPrompt> prompt4jFactory() {
    return FACTORY;
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<PlainPrompt> {
    @Override
    public Class<PlainPrompt> type() {
      return PlainPrompt.class;
    }

    @Override
    public List<String> methods() {
      return List.of("hello");
    }

    @Override
    public PlainPrompt create(PromptContext context) {
      return new Prompt4j_PlainPrompt(context);
    }
  }
}
