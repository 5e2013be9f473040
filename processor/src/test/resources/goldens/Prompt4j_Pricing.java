package com.acme;

import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.PromptMethod;
import dev.prompt4j.internal.tools.ToolSet;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Implements {@link Pricing} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_Pricing implements Pricing, GeneratedPrompts {
  private static final PromptMethod<String> PRICE = PromptMethod.of(
      Pricing.class,
      "price",
      CallSpec.of("openai", "gpt-4o-mini"),
      "142e38c770ba",
      Outputs.text());

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_Pricing() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_Pricing(PromptContext context) {
    this.context = context;
  }

  @Override
  public String price(int count, String sku) {
    Objects.requireNonNull(sku, "sku of Pricing.price is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(PRICE, invocation -> Messages.single("Price " + count + " of " + sku
        + "."), ToolSet.of(new Prompt4jTools_Pricing_Tools(new Pricing.Tools()))).value();
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public Pricing prompt4jWith(PromptContext context) {
    return new Prompt4j_Pricing(context);
  }

  @Override
  public PromptFactory<Pricing> prompt4jFactory() {
    return FACTORY;
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<Pricing> {
    @Override
    public Class<Pricing> type() {
      return Pricing.class;
    }

    @Override
    public List<String> methods() {
      return List.of("price");
    }

    @Override
    public Pricing create(PromptContext context) {
      return new Prompt4j_Pricing(context);
    }
  }
}
