package dev.prompt4j;

import java.util.List;
import java.util.Map;

/**
 * One event of a {@link PromptStream}, in the order the model produced them.
 *
 * <pre>{@code
 * stream.events().forEach(e -> {
 *   if (e instanceof StreamEvent.Text t) System.out.print(t.text());
 *   else if (e instanceof StreamEvent.Restarted r) System.out.println("\n[re-asked: " + r.errors() + "]");
 *   else if (e instanceof StreamEvent.Partial p) System.out.println("\n" + p.typed());   // a PlanPartial
 *   else if (e instanceof StreamEvent.ToolCall c) System.out.println("\n[" + c.name() + " " + c.arguments() + "]");
 * });
 * }</pre>
 */
public sealed interface StreamEvent {

  /**
   * A piece of the answer's text, as the provider sent it (never split inside a character).
   *
   * @param text the piece
   */
  record Text(String text) implements StreamEvent {}

  /**
   * A piece of the model's reasoning ("thinking"), kept apart from the answer: it is never part of
   * the text or of a structured answer.
   *
   * @param text the piece
   */
  record Reasoning(String text) implements StreamEvent {}

  /**
   * The structured answer so far, emitted only when it changed. Strings grow as they stream; numbers,
   * booleans and enum constants appear only once their token is complete. Records are maps of their
   * components, lists are lists, in the JSON shape of the answer type.
   *
   * <p>For a record answer {@code T} the same snapshot also comes typed: {@link #typed()} is the
   * generated partial type {@code TPartial} (every component nullable, nested records as their
   * partials); {@link PromptStream#partials(Class)} streams only these.
   *
   * @param value an immutable snapshot of the answer so far
   * @param typed the snapshot as the answer's generated partial type, or {@code null} when the
   *     answer has none (not a record)
   */
  record Partial(Map<String, Object> value, Object typed) implements StreamEvent {
    /**
     * A partial without a typed form.
     *
     * @param value an immutable snapshot of the answer so far
     */
    public Partial(Map<String, Object> value) {
      this(value, null);
    }
  }

  /**
   * One element of a {@code List<X>} answer ({@code X} a record), complete and valid: sent as soon as
   * the element's object closed in the stream, read and checked with Bean Validation as the final
   * answer is. An element that is not valid is not sent (the final answer fails and is re-asked).
   * After a {@link Restarted} event the new attempt's elements come again from index 0. Such an answer
   * streams items instead of {@link Partial}s.
   *
   * @param index the element's position in the list, from 0
   * @param value the element, an {@code X}
   */
  record Item(int index, Object value) implements StreamEvent {}

  /**
   * A new attempt starts after chunks of an earlier one were delivered: discard what was shown. Sent
   * before the new attempt's first chunk, for a re-ask (the answer was invalid), a retry after a
   * failure mid-stream, or a fallback.
   *
   * @param attempt the number of the attempt that starts, from 1
   * @param errors why the previous attempt's answer was not kept
   */
  record Restarted(int attempt, List<String> errors) implements StreamEvent {}

  /**
   * The model asked for a tool call (a method with tools): the tool runs next, the calls of one turn
   * concurrently. Text before this event belongs to the turn that asked for the tool, not to the
   * answer; the next turn's text is no restart.
   *
   * @param turn the model turn that asked, from 1
   * @param id the call's id (one is made up when the provider sends none)
   * @param name the tool's name
   * @param arguments the arguments, as the model wrote them (JSON)
   */
  record ToolCall(int turn, String id, String name, String arguments) implements StreamEvent {}

  /**
   * A tool call finished, as {@link Response#toolCalls()} records it: its result or error and its
   * duration. The results of one turn arrive in the order the calls finish.
   *
   * @param call the record of the call
   */
  record ToolResult(ToolCallRecord call) implements StreamEvent {}

  /**
   * The stream ended with a valid answer: the last event.
   *
   * @param response the final response, as {@link PromptStream#result()} returns it
   */
  record Completed(Response<?> response) implements StreamEvent {}
}
