package dev.prompt4j.internal.call;

import dev.prompt4j.Cost;
import dev.prompt4j.Usage;
import dev.prompt4j.internal.cost.PriceTable;

/**
 * The tokens a call used, per model asked: priced only when someone asks for the cost, so a call
 * whose cost nobody reads does no decimal arithmetic. One node per model that answered (a fallback
 * adds one).
 */
final class Charges implements java.util.function.BiFunction<Target, Usage, Cost> {
  private final PriceTable prices;
  private final Target target;
  private final Usage usage;
  private final Charges previous; // the models asked before, or null

  private Charges(PriceTable prices, Target target, Usage usage, Charges previous) {
    this.prices = prices;
    this.target = target;
    this.usage = usage;
    this.previous = previous;
  }

  /** {@code charges} with {@code used} tokens of {@code target} added. */
  static Charges add(Charges charges, PriceTable prices, Target target, Usage used) {
    if (charges != null && charges.target == target) {
      return new Charges(prices, target, charges.usage.plus(used), charges.previous);
    }
    return new Charges(prices, target, used, charges);
  }

  /** Every model's tokens at its price; the answering target and the total usage are already in the chain. */
  @Override
  public Cost apply(Target answering, Usage total) {
    Cost cost = target.cost(prices, usage);
    return previous == null ? cost : previous.apply(answering, total).plus(cost);
  }
}
