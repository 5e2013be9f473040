package com.acme;

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
 * Implements {@link Orders} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_Orders implements Orders, GeneratedPrompts {
  private static final PromptMethod<String> THANK_YOU = PromptMethod.of(
      Orders.class,
      "thankYou",
      CallSpec.of("openai", "gpt-4o-mini"),
      "53ff51eed838",
      Outputs.text());

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_Orders() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_Orders(PromptContext context) {
    this.context = context;
  }

  @Override
  public String thankYou(Orders.Order order, Orders.Address address) {
    Objects.requireNonNull(order, "order of Orders.thankYou is null; pass a value, or declare the parameter Optional");
    Objects.requireNonNull(address, "address of Orders.thankYou is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(THANK_YOU, invocation -> Messages.single("Thank "
        + order.customer().name() + " (" + order.customer().tier() + " tier) for ordering:\n"
        + Values.list(order.items()) + "\n"
            + "\n"
            + "Shipments:\n" + Values.lists(order.shipments()) + "\n"
            + "\n"
            + "Delivery to " + address.getCity() + "; remote area: " + address.isRemote()
            + ". Answer in {\"text\": \"...\"} form.")).value();
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public Orders prompt4jWith(PromptContext context) {
    return new Prompt4j_Orders(context);
  }

  @Override
  public PromptFactory<Orders> prompt4jFactory() {
    return FACTORY;
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<Orders> {
    @Override
    public Class<Orders> type() {
      return Orders.class;
    }

    @Override
    public List<String> methods() {
      return List.of("thankYou");
    }

    @Override
    public Orders create(PromptContext context) {
      return new Prompt4j_Orders(context);
    }
  }
}
