package dev.prompt4j.flink;

import java.io.Serializable;

/**
 * What an {@link AsyncPrompt} emits for one element: its answer or its dead letter, never neither.
 * {@link Prompt4jFlink#split} sends the dead letters to a side output.
 *
 * @param input the element
 * @param value the answer, or {@code null} when the element failed
 * @param deadLetter why it failed, or {@code null} when it succeeded
 * @param <I> the element type
 * @param <O> the answer type
 */
public record PromptOutcome<I, O>(I input, O value, DeadLetter<I> deadLetter) implements Serializable {
  /**
   * @param input the element
   * @param value its answer
   * @param <I> the element type
   * @param <O> the answer type
   * @return a success
   */
  public static <I, O> PromptOutcome<I, O> success(I input, O value) {
    return new PromptOutcome<>(input, value, null);
  }

  /**
   * @param deadLetter the failure
   * @param <I> the element type
   * @param <O> the answer type
   * @return a failure
   */
  public static <I, O> PromptOutcome<I, O> failure(DeadLetter<I> deadLetter) {
    return new PromptOutcome<>(deadLetter.input(), null, deadLetter);
  }

  /** @return whether the element has an answer */
  public boolean succeeded() {
    return deadLetter == null;
  }
}
