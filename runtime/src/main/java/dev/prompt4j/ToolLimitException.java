package dev.prompt4j;

import java.util.List;

/**
 * A tool loop reached one of its limits ({@code prompt4j.max-tool-round-trips}, {@code
 * prompt4j.max-tool-calls}, {@code prompt4j.max-calls-per-tool}) with {@code prompt4j.on-tool-limit=fail}
 * (the default), or a tool failed with {@code prompt4j.on-tool-error=fail}.
 *
 * <pre>{@code
 * try { agent.plan(trip); } catch (ToolLimitException e) { e.toolCalls().forEach(System.out::println); }
 * }</pre>
 */
public final class ToolLimitException extends Prompt4jException {
  private static final long serialVersionUID = 1L;
  private final transient List<ToolCallRecord> toolCalls;

  /**
   * @param message what limit was reached, and where
   * @param toolCalls the calls made until then
   */
  public ToolLimitException(String message, List<ToolCallRecord> toolCalls) {
    super(message);
    this.toolCalls = List.copyOf(toolCalls);
  }

  /**
   * The tool calls made before the limit.
   *
   * @return the calls, in order
   */
  public List<ToolCallRecord> toolCalls() {
    return toolCalls;
  }
}
