package com.acme;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Tool;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/** Tool results: a record written by generated code, and one (renamed by Jackson) left to Jackson. */
@Call(provider = "openai", model = "gpt-4o-mini", tools = Pricing.Tools.class)
public interface Pricing {
  enum Tier { BASIC, GOLD }

  record Quote(String sku, int quantity, boolean express, double total, Integer discount, Tier tier) {}

  record Label(@com.fasterxml.jackson.annotation.JsonProperty("text") String value) {}

  class Tools {
    /**
     * The price of an order line.
     *
     * @param sku the product code
     * @param quantity how many
     * @param express whether express delivery is wanted
     */
    @Tool
    public Quote quote(@NotBlank String sku, @Min(1) int quantity, boolean express) {
      return new Quote(sku, quantity, express, quantity * 9.5, null, Tier.BASIC);
    }

    /**
     * The label of a product.
     *
     * @param sku the product code
     */
    @Tool
    public Label label(String sku) {
      return new Label(sku);
    }
  }

  @Prompt("Price {count} of {sku}.")
  String price(int count, String sku);
}
