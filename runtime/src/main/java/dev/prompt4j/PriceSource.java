package dev.prompt4j;

/**
 * Prices for models the shipped table lacks or prices differently (a negotiated rate, a private
 * deployment), found with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.prompt4j.PriceSource}).
 * A price from a source wins over the shipped table; configuration keys {@code prompt4j.prices.*} win
 * over both.
 *
 * <pre>{@code
 * public final class OurPrices implements PriceSource {
 *   public ModelPrice price(String provider, String model) {
 *     return provider.equals("azure") ? new ModelPrice(provider, model, new BigDecimal("2.00"), new BigDecimal("8.00"), null, null) : null;
 *   }
 * }
 * }</pre>
 */
public interface PriceSource {
  /**
   * The price of {@code provider}'s {@code model}.
   *
   * @param provider the provider name
   * @param model the model name
   * @return the price, or {@code null} when this source has none
   */
  ModelPrice price(String provider, String model);
}
