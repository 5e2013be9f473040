package com.acme;

import dev.langchain4j.data.message.ChatMessage;
import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.PromptMethod;
import dev.prompt4j.internal.Values;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Implements {@link Support} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_Support implements Support, GeneratedPrompts {
  private static final PromptMethod<String> REPLY = PromptMethod.of(
      Support.class,
      "reply",
      CallSpec.of("openai", "gpt-4o-mini"),
      "45d8c7dc7744",
      Outputs.text());

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_Support() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_Support(PromptContext context) {
    this.context = context;
  }

  @Override
  public String reply(String product, List<ChatMessage> history, String question) {
    Objects.requireNonNull(product, "product of Support.reply is null; pass a value, or declare the parameter Optional");
    Objects.requireNonNull(history, "history of Support.reply is null; pass a value, or declare the parameter Optional");
    Objects.requireNonNull(question, "question of Support.reply is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(REPLY, invocation -> Messages.builder(5)
        .system("You are a helpful support agent for " + product + ".")
        .splice(history)
        .user(Values.text(question))
        .assistant("Let me check that for you.")
        .user("Go on.")
        .build()).value();
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public Support prompt4jWith(PromptContext context) {
    return new Prompt4j_Support(context);
  }

  @Override
  public PromptFactory<Support> prompt4jFactory() {
    return FACTORY;
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<Support> {
    @Override
    public Class<Support> type() {
      return Support.class;
    }

    @Override
    public List<String> methods() {
      return List.of("reply");
    }

    @Override
    public Support create(PromptContext context) {
      return new Prompt4j_Support(context);
    }
  }
}
