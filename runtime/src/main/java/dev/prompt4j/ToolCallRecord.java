package dev.prompt4j;

import java.time.Duration;

/**
 * One tool call of a prompt call, as the {@link Response} tree records it.
 *
 * <pre>{@code
 * response.toolCalls().forEach(c -> System.out.println(c.turn() + " " + c.name() + c.arguments() + " -> " + c.result()));
 * }</pre>
 *
 * @param turn the model turn that asked for it, from 1
 * @param id the provider's id of the call (may be {@code null} for providers that give none)
 * @param name the tool name the model asked for
 * @param arguments the arguments as the model sent them (JSON)
 * @param result what was sent back to the model: the tool's result, or the error text
 * @param error why the call failed ({@code unknown tool}, {@code invalid arguments}, the tool's exception,
 *     {@code declined}), or {@code null} when it ran
 * @param duration how long the tool ran
 */
public record ToolCallRecord(int turn, String id, String name, String arguments, String result, String error, Duration duration) {
  /**
   * Whether the tool ran and returned.
   *
   * @return {@code true} without error
   */
  public boolean succeeded() {
    return error == null;
  }
}
