package dev.prompt4j;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A person's decisions on the {@linkplain Response#pending() pending tool calls} of a paused call:
 * each approved call runs, each declined call does not, and the model reads "declined by the user" as
 * its result. Every pending call needs a decision.
 *
 * <pre>{@code
 * Response<String> done = paused.resume(ToolDecisions.create().approve("call_1").decline("call_2"));
 * }</pre>
 */
public final class ToolDecisions {
  private final Map<String, Boolean> decisions = new LinkedHashMap<>();

  private ToolDecisions() {}

  /**
   * No decision yet.
   *
   * @return empty decisions
   */
  public static ToolDecisions create() {
    return new ToolDecisions();
  }

  /**
   * Every call of {@code pending} approved.
   *
   * @param pending the pending calls, as {@link Response#pending()} lists them
   * @return the decisions
   */
  public static ToolDecisions approveAll(List<PendingToolCall> pending) {
    ToolDecisions all = new ToolDecisions();
    pending.forEach(c -> all.approve(c.id()));
    return all;
  }

  /**
   * Lets the call with {@code id} run.
   *
   * @param id a {@link PendingToolCall#id()}
   * @return this
   */
  public ToolDecisions approve(String id) {
    decisions.put(id, Boolean.TRUE);
    return this;
  }

  /**
   * Stops the call with {@code id}: the model is told the user declined it.
   *
   * @param id a {@link PendingToolCall#id()}
   * @return this
   */
  public ToolDecisions decline(String id) {
    decisions.put(id, Boolean.FALSE);
    return this;
  }

  /**
   * The decisions by call id: {@code true} approved, {@code false} declined.
   *
   * @return a copy
   */
  public Map<String, Boolean> asMap() {
    return Map.copyOf(decisions);
  }

  @Override
  public String toString() {
    return "ToolDecisions" + decisions;
  }
}
