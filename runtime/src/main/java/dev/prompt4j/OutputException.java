package dev.prompt4j;

import dev.langchain4j.data.message.ChatMessage;
import java.util.List;

/**
 * The model never gave an answer of the expected type within the allowed attempts. Every attempt's raw
 * text and errors, and the messages of the last request, are kept.
 *
 * <pre>{@code
 * try {
 *   Faqs faqs = writer.write(sources);
 * } catch (OutputException e) {
 *   e.attempts().forEach(a -> log.warn(a.rawText() + " -> " + a.errors()));
 * }
 * }</pre>
 */
public class OutputException extends Prompt4jException {
  private static final long serialVersionUID = 1L;

  private final transient List<Attempt> attempts;
  private final transient List<ChatMessage> messages;

  /**
   * No valid answer after every attempt.
   *
   * @param message what went wrong, naming the method and the model
   * @param method the prompt method (simple name)
   * @param attempts every attempt, in order, with its raw answer and errors
   * @param messages the conversation of the last attempt
   */
  public OutputException(String message, String method, List<Attempt> attempts, List<ChatMessage> messages) {
    this(message, method, attempts, messages, null);
  }

  /**
   * As above, when reading an answer failed with {@code cause} rather than finding it invalid.
   *
   * @param message what went wrong, naming the method and the model
   * @param method the prompt method (simple name)
   * @param attempts every attempt, in order, with its raw answer and errors
   * @param messages the conversation of the last attempt
   * @param cause the failure of reading the answer
   */
  public OutputException(String message, String method, List<Attempt> attempts, List<ChatMessage> messages, Throwable cause) {
    super(message, method, cause);
    this.attempts = List.copyOf(attempts);
    this.messages = List.copyOf(messages);
  }

  /**
   * Every attempt, in order, with its raw text and the errors found.
   *
   * @return every attempt, in order, with its raw text and the errors found
   */
  public List<Attempt> attempts() {
    return attempts;
  }

  /**
   * The messages of the last request (the conversation with every re-ask).
   *
   * @return the messages of the last request (the conversation with every re-ask)
   */
  public List<ChatMessage> messages() {
    return messages;
  }
}
