package com.acme;

import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.FieldTask;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.PromptMethod;
import dev.prompt4j.internal.Values;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import javax.annotation.processing.Generated;

/**
 * Implements {@link Nulls} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_Nulls implements Nulls, GeneratedPrompts {
  private static final PromptMethod<String> GREET = PromptMethod.of(
      Nulls.class,
      "greet",
      CallSpec.of("openai", "gpt-4o-mini"),
      "b51134411314",
      Outputs.text());

  private static final PromptMethod<String> SIGN = PromptMethod.of(
      Nulls.class,
      "sign",
      CallSpec.of("openai", "gpt-4o-mini"),
      "58cee2775c2f",
      Outputs.text());

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_Nulls() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_Nulls(PromptContext context) {
    this.context = context;
  }

  @Override
  public String greet(String name, Optional<String> title, int age) {
    Objects.requireNonNull(name, "name of Nulls.greet is null; pass a value, or declare the parameter Optional");
    Objects.requireNonNull(title, "title of Nulls.greet is null; pass Optional.empty() for no value");
    return this.context.invoke(GREET, invocation -> Messages.single("Greet " + name
        + Values.text(title) + ", " + age + ". Zero" + "\u200b" + "width, ideographic" + "\u3000"
        + "space, no" + "\u00a0" + "break.")).value();
  }

  @Override
  public String sign(int age) {
    return this.context.invoke(SIGN, invocation -> {
      FieldTask<Optional<String>> signature = invocation.field("signature",
          () -> Objects.requireNonNull(this.signature(),
          "computed field signature of Nulls returned null; return Optional.empty() for no value"));
      return Messages.single("Sign as " + Values.text(signature.join()) + ", age " + age);
    }).value();
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public Nulls prompt4jWith(PromptContext context) {
    return new Prompt4j_Nulls(context);
  }

  @Override
  public PromptFactory<Nulls> prompt4jFactory() {
    return FACTORY;
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<Nulls> {
    @Override
    public Class<Nulls> type() {
      return Nulls.class;
    }

    @Override
    public List<String> methods() {
      return List.of("greet", "sign");
    }

    @Override
    public Nulls create(PromptContext context) {
      return new Prompt4j_Nulls(context);
    }
  }
}
