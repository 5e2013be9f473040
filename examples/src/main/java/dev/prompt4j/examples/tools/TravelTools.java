package dev.prompt4j.examples.tools;

import dev.prompt4j.Tool;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Positive;
import java.util.Locale;
import java.util.Map;

/** Two tools of the travel agent: a forecast and a currency converter (fixed data, so runs repeat). */
public class TravelTools {
  private static final Map<String, Double> PER_EUR = Map.of("EUR", 1.0, "USD", 1.08, "GBP", 0.85, "JPY", 162.0);

  /**
   * The weather forecast of a city for the next days.
   *
   * @param city the city, such as Lisbon
   * @param days how many days ahead, 1 to 7
   */
  @Tool
  public String forecast(String city, @Min(1) @Max(7) int days) {
    return city + ", next " + days + " day(s): 18-22C, sunny, light wind";
  }

  /**
   * Converts an amount of money between currencies (EUR, USD, GBP, JPY).
   *
   * @param amount the amount to convert
   * @param from the currency of the amount, such as EUR
   * @param to the currency wanted, such as USD
   */
  @Tool
  public String convert(@Positive double amount, String from, String to) {
    Double f = PER_EUR.get(from.toUpperCase(Locale.ROOT));
    Double t = PER_EUR.get(to.toUpperCase(Locale.ROOT));
    if (f == null || t == null) {
      throw new IllegalArgumentException("unknown currency; use one of " + PER_EUR.keySet());
    }
    return String.format(Locale.ROOT, "%.2f %s = %.2f %s", amount, from, amount / f * t, to);
  }
}
