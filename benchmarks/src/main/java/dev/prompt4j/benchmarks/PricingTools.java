package dev.prompt4j.benchmarks;

import dev.prompt4j.Tool;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;

/**
 * The tool of the dispatch benchmark, annotated for both frameworks: Prompt4j's {@code @Tool}
 * (generated dispatcher) and LangChain4j's (reflective {@code DefaultToolExecutor}).
 */
public class PricingTools {
  /** What {@link #quote} returns, sent back as JSON. */
  public record Quote(String sku, int quantity, boolean express, double total) {}

  /**
   * The price of an order line.
   *
   * @param sku the product code
   * @param quantity how many
   * @param express whether express delivery is wanted
   */
  @Tool
  @dev.langchain4j.agent.tool.Tool("The price of an order line.")
  public Quote quote(@NotBlank String sku, @Min(1) int quantity, boolean express) {
    return new Quote(sku, quantity, express, quantity * 9.5 + (express ? 5 : 0));
  }
}
