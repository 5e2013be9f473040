package com.acme;

import dev.prompt4j.Response;
import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.PromptMethod;
import dev.prompt4j.internal.ToolResumption;
import dev.prompt4j.internal.tools.ToolSet;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Implements {@link Shipping} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_Shipping implements Shipping, GeneratedPrompts {
  private static final PromptMethod<String> SHIP = PromptMethod.of(
      Shipping.class,
      "ship",
      CallSpec.of("openai", "gpt-4o-mini"),
      "dce1367226fd",
      Outputs.text());

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_Shipping() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_Shipping(PromptContext context) {
    this.context = context;
  }

  @Override
  public Response<String> ship(int count, String city) {
    Objects.requireNonNull(city, "city of Shipping.ship is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(SHIP, invocation -> Messages.single("Ship " + count + " parcels to "
        + city + " as cheaply as possible."),
        ToolSet.of(new Prompt4jTools_Shipping_Tools(new Shipping.Tools())));
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public Shipping prompt4jWith(PromptContext context) {
    return new Prompt4j_Shipping(context);
  }

  @Override
  public PromptFactory<Shipping> prompt4jFactory() {
    return FACTORY;
  }

  @Override
  public Response<?> prompt4jResume(String method, ToolResumption resumption) {
    switch (method) {
      case "ship": return this.context.resume(SHIP, resumption,
          ToolSet.of(new Prompt4jTools_Shipping_Tools(new Shipping.Tools())));
      default: return null;
    }
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<Shipping> {
    @Override
    public Class<Shipping> type() {
      return Shipping.class;
    }

    @Override
    public List<String> methods() {
      return List.of("ship");
    }

    @Override
    public Shipping create(PromptContext context) {
      return new Prompt4j_Shipping(context);
    }
  }
}
