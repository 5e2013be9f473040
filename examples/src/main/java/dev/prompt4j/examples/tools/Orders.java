package dev.prompt4j.examples.tools;

import dev.prompt4j.Tool;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The order tools of the refund desk: looking an order up is free, a refund needs a person's approval. */
public class Orders {
  /** Refunds made, for the example's output (a real system would call its payment service). */
  static final List<String> REFUNDS = new CopyOnWriteArrayList<>();

  /**
   * The state of an order: what was bought, for how much, and how it arrived.
   *
   * @param order the order number, such as A-1042
   */
  @Tool
  public String lookup(String order) {
    return order + ": trail shoes, 59.90 EUR, delivered 3 days ago, customer reports a torn sole";
  }

  /**
   * Refunds an order, in whole or in part.
   *
   * @param order the order number
   * @param amountEur the amount to refund, in EUR
   */
  @Tool(approval = Tool.Approval.REQUIRED)
  public String refund(String order, double amountEur) {
    REFUNDS.add(order + " " + amountEur);
    return "refunded " + amountEur + " EUR on " + order;
  }
}
