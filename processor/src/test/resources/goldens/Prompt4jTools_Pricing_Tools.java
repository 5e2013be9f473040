package com.acme;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.prompt4j.internal.output.ArgumentsReader;
import dev.prompt4j.internal.tools.ResultJson;
import dev.prompt4j.internal.tools.ToolBox;
import dev.prompt4j.internal.tools.ToolResults;
import dev.prompt4j.internal.tools.ToolSpec;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * The tools of {@link Pricing.Tools}: their schemas and a dispatcher that calls them without reflection.
 *
 * <p>Written by the Prompt4j annotation processor: change the class, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4jTools_Pricing_Tools implements ToolBox {
  private static final ToolSpec QUOTE = new ToolSpec(
  "quote",
  "The price of an order line.",
  "{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\",\"description\":\"the product code\",\"minLength\":1,\"pattern\":\"\\\\S\"},\"quantity\":{\"type\":\"integer\",\"description\":\"how many\",\"minimum\":1},\"express\":{\"type\":\"boolean\",\"description\":\"whether express delivery is wanted\"}},\"required\":[\"sku\",\"quantity\",\"express\"],\"additionalProperties\":false}",
  false, false);

  private static final ArgumentsReader QUOTE_ARGUMENTS = new ArgumentsReader(QUOTE.parametersSchema(), List.of("sku", "quantity", "express"),
  new TypeReference<String>() {
  },
  new TypeReference<Integer>() {
  },
  new TypeReference<Boolean>() {
  });

  private static final ToolSpec LABEL = new ToolSpec(
  "label",
  "The label of a product.",
  "{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\",\"description\":\"the product code\"}},\"required\":[\"sku\"],\"additionalProperties\":false}",
  false, false);

  private static final ArgumentsReader LABEL_ARGUMENTS = new ArgumentsReader(LABEL.parametersSchema(), List.of("sku"),
  new TypeReference<String>() {
  });

  private static final List<ToolSpec> SPECS = List.of(QUOTE, LABEL);

  private final Pricing.Tools target;

  /**
   * Tools that call {@code target}.
   */
  public Prompt4jTools_Pricing_Tools(Pricing.Tools target) {
    this.target = Objects.requireNonNull(target, "the Tools instance is null");
  }

  @Override
  public List<ToolSpec> specs() {
    return SPECS;
  }

  @Override
  public String call(String name, String arguments) throws Exception {
    switch (name) {
      case "quote": {
        Object[] a = QUOTE_ARGUMENTS.read(arguments);
        Pricing.Quote result = target.quote((String) a[0], (Integer) a[1], (Boolean) a[2]);
        return result == null ? "null" : ResultJson.object()
            .field("sku", result.sku())
            .field("quantity", result.quantity())
            .field("express", result.express())
            .field("total", result.total())
            .boxed("discount", result.discount())
            .field("tier", result.tier())
            .end();
      }
      case "label": {
        Object[] a = LABEL_ARGUMENTS.read(arguments);
        return ToolResults.text(target.label((String) a[0]));
      }
      default: throw new IllegalArgumentException("Tools has no tool named " + name);
    }
  }
}
