package dev.prompt4j;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;
import java.util.Optional;

/**
 * What calls cost at list price, in US dollars, or unknown. A model that has no price gives an
 * unknown cost, never zero; adding an unknown cost to a known one gives an unknown total that still
 * keeps the known part ({@link #knownUsd()}), so a chain with one unpriced model reports "at least".
 *
 * <pre>{@code
 * Response<String> r = trends.analyzeTrend("AI adoption");
 * r.cost().usd().ifPresent(usd -> System.out.println("this call: $" + usd));
 * System.out.println("with its fields' calls: " + r.totalCost());   // $0.000412, or unknown (at least $0.0003)
 * }</pre>
 */
public final class Cost {
  /** Nothing spent: a call that used no tokens, or a free (offline) model. */
  public static final Cost ZERO = new Cost(BigDecimal.ZERO, true);
  /** A cost that cannot be told: the model has no price. */
  public static final Cost UNKNOWN = new Cost(BigDecimal.ZERO, false);

  private final BigDecimal knownUsd;
  private final boolean known;

  private Cost(BigDecimal knownUsd, boolean known) {
    this.knownUsd = knownUsd;
    this.known = known;
  }

  /**
   * A known cost.
   *
   * @param amount US dollars, not negative
   * @return the cost
   */
  public static Cost usd(BigDecimal amount) {
    Objects.requireNonNull(amount, "amount");
    if (amount.signum() < 0) {
      throw new IllegalArgumentException("a cost is not negative: " + amount);
    }
    return amount.signum() == 0 ? ZERO : new Cost(amount.stripTrailingZeros(), true);
  }

  /**
   * The cost in US dollars, empty when it is unknown.
   *
   * @return the amount, or empty
   */
  public Optional<BigDecimal> usd() {
    return known ? Optional.of(knownUsd) : Optional.empty();
  }

  /**
   * Whether the whole cost is known.
   *
   * @return {@code false} when some part of it came from a model with no price
   */
  public boolean isKnown() {
    return known;
  }

  /**
   * The sum of the parts whose price is known: the whole cost when {@link #isKnown()}, else a lower bound.
   *
   * @return US dollars
   */
  public BigDecimal knownUsd() {
    return knownUsd;
  }

  /**
   * The sum of this cost and {@code other}: unknown when either is.
   *
   * @param other another cost
   * @return the sum
   */
  public Cost plus(Cost other) {
    if (other == null || other == ZERO) {
      return this;
    }
    if (this == ZERO) {
      return other;
    }
    BigDecimal sum = knownUsd.add(other.knownUsd);
    return known && other.known ? usd(sum) : new Cost(sum, false);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Cost c && known == c.known && knownUsd.compareTo(c.knownUsd) == 0;
  }

  @Override
  public int hashCode() {
    return Objects.hash(known, knownUsd.stripTrailingZeros());
  }

  /** {@code $0.000412}, or {@code unknown} (with {@code at least $...} when part of it is known). */
  @Override
  public String toString() {
    if (known) {
      return "$" + plain(knownUsd);
    }
    return knownUsd.signum() == 0 ? "unknown" : "unknown (at least $" + plain(knownUsd) + ")";
  }

  private static String plain(BigDecimal amount) {
    // Six significant digits are more than any price list has.
    BigDecimal shown = amount.precision() > 6 ? amount.round(new java.math.MathContext(6, RoundingMode.HALF_EVEN)) : amount;
    return shown.stripTrailingZeros().toPlainString();
  }
}
