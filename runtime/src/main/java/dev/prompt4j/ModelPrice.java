package dev.prompt4j;

import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The list price of one model, in US dollars per million tokens, and the date it was read. Prompt4j
 * ships a versioned table of these; configuration ({@code prompt4j.prices.<provider>.<model>=input,output[,cachedInput]})
 * and {@link PriceSource}s replace entries.
 *
 * @param provider the provider name, such as {@code openai}
 * @param model the model name, such as {@code gpt-4o-mini}
 * @param inputPerMillion dollars per million input tokens
 * @param outputPerMillion dollars per million output tokens
 * @param cachedInputPerMillion dollars per million cached input tokens ({@code inputPerMillion} when the provider has no discount)
 * @param taken when the price was read, or {@code null} when not known (set by configuration)
 */
public record ModelPrice(String provider, String model, BigDecimal inputPerMillion, BigDecimal outputPerMillion,
    BigDecimal cachedInputPerMillion, LocalDate taken) {
  private static final BigDecimal MILLION = BigDecimal.valueOf(1_000_000);

  /**
   * Checks the prices.
   *
   * @param provider the provider name, such as {@code openai}
   * @param model the model name, such as {@code gpt-4o-mini}
   * @param inputPerMillion dollars per million input tokens
   * @param outputPerMillion dollars per million output tokens
   * @param cachedInputPerMillion dollars per million cached input tokens ({@code inputPerMillion} when the provider has no discount)
   * @param taken when the price was read, or {@code null} when not known (set by configuration)
   */
  public ModelPrice {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(inputPerMillion, "inputPerMillion");
    Objects.requireNonNull(outputPerMillion, "outputPerMillion");
    if (cachedInputPerMillion == null) {
      cachedInputPerMillion = inputPerMillion;
    }
    if (inputPerMillion.signum() < 0 || outputPerMillion.signum() < 0 || cachedInputPerMillion.signum() < 0) {
      throw new IllegalArgumentException("a price is not negative: " + provider + ":" + model);
    }
  }

  /**
   * What {@code usage} costs at this price: cached input tokens at the cached price, the rest of the
   * input at the input price, output at the output price.
   *
   * @param usage tokens of one request or of several to this model
   * @return the cost
   */
  public Cost cost(Usage usage) {
    long cached = Math.min(usage.cachedInputTokens(), usage.inputTokens());
    BigDecimal micro = inputPerMillion.multiply(BigDecimal.valueOf(usage.inputTokens() - cached))
        .add(cachedInputPerMillion.multiply(BigDecimal.valueOf(cached)))
        .add(outputPerMillion.multiply(BigDecimal.valueOf(usage.outputTokens())));
    return Cost.usd(micro.divide(MILLION, MathContext.DECIMAL64));
  }
}
