package com.acme;

import dev.prompt4j.CallParameters;
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
 * Implements {@link Tuned} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_Tuned implements Tuned, GeneratedPrompts {
  private static final PromptMethod<String> HAIKU = PromptMethod.of(
      Tuned.class,
      "haiku",
      CallSpec.of("openai", "gpt-4o-mini").withParameters(CallParameters.none().withTemperature(0.2).withStop("END").withSeed(42L)).withFallbacks("anthropic:claude-haiku-4-5"),
      "e57ebfb76fa8",
      Outputs.text());

  private static final PromptMethod<String> ESSAY = PromptMethod.of(
      Tuned.class,
      "essay",
      CallSpec.of("anthropic", "claude-sonnet-4-5").withParameters(CallParameters.none().withTemperature(0.2).withMaxTokens(300).withTopP(0.9).withStop("###", "\n"
          + "\n").withSeed(42L)).withFallbacks("openai:gpt-4o", "ollama:llama3"),
      "740e3ec4624b",
      Outputs.text());

  private static final PromptMethod<String> GREET = PromptMethod.of(
      Tuned.class,
      "greet",
      CallSpec.of("ollama", "llama3").withParameters(CallParameters.none().withTemperature(0.0).withStop("END").withSeed(-7L)).withFallbacks("anthropic:claude-haiku-4-5"),
      "90e286ce308b",
      Outputs.text());

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_Tuned() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_Tuned(PromptContext context) {
    this.context = context;
  }

  @Override
  public String haiku(String topic) {
    Objects.requireNonNull(topic, "topic of Tuned.haiku is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(HAIKU, invocation -> Messages.single("Write a haiku about " + topic
        + ".")).value();
  }

  @Override
  public String essay(String topic) {
    Objects.requireNonNull(topic, "topic of Tuned.essay is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(ESSAY, invocation -> Messages.single("Write an essay about " + topic
        + ".")).value();
  }

  @Override
  public String greet(String name) {
    Objects.requireNonNull(name, "name of Tuned.greet is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(GREET, invocation -> Messages.single("Say \"hi\" to " + name
        + "\\.")).value();
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public Tuned prompt4jWith(PromptContext context) {
    return new Prompt4j_Tuned(context);
  }

  @Override
  public PromptFactory<Tuned> prompt4jFactory() {
    return FACTORY;
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<Tuned> {
    @Override
    public Class<Tuned> type() {
      return Tuned.class;
    }

    @Override
    public List<String> methods() {
      return List.of("essay", "greet", "haiku");
    }

    @Override
    public Tuned create(PromptContext context) {
      return new Prompt4j_Tuned(context);
    }
  }
}
