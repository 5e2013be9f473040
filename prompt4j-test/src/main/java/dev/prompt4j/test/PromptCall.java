package dev.prompt4j.test;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One request a test's runtime sent, as the {@link PromptTestKit} saw it: which method, the rendered
 * messages, the parameters, who answered and when.
 *
 * <pre>{@code
 * PromptCall classify = kit.calls().of("Support.classify").get(0);
 * assertTrue(classify.userText().contains("charged twice"));
 * }</pre>
 *
 * @param interfaceName the prompt interface's simple name, or {@code null} outside a prompt call
 * @param methodName the prompt method, or {@code null}
 * @param provider the provider asked
 * @param model the model asked
 * @param promptVersion the call's prompt version, or {@code null}
 * @param messages the messages sent, in order
 * @param parameters the request parameters
 * @param answeredBy who answered
 * @param answer the answer's text, or {@code null} when the request failed
 * @param failure the failure's message, or {@code null}
 * @param startedAt when the request was sent
 * @param duration how long it took to answer or fail
 * @param thread the name of the sending thread
 */
public record PromptCall(String interfaceName, String methodName, String provider, String model, String promptVersion,
    List<ChatMessage> messages, ChatRequestParameters parameters, AnsweredBy answeredBy, String answer, String failure,
    Instant startedAt, Duration duration, String thread) {

  /** Who answered a request. */
  public enum AnsweredBy {
    /** A stub scripted in the test. */
    STUB,
    /** The offline script of {@link Prompt4jTest#script()}. */
    SCRIPT,
    /** A recording. */
    RECORDING,
    /** The real provider. */
    PROVIDER,
    /** Nobody: no recording in {@link Prompt4jTest.Mode#REPLAY}. */
    NONE
  }

  /**
   * Copies the messages.
   *
   * @param interfaceName the prompt interface's simple name, or {@code null} outside a prompt call
   * @param methodName the prompt method, or {@code null}
   * @param provider the provider asked
   * @param model the model asked
   * @param promptVersion the call's prompt version, or {@code null}
   * @param messages the messages sent, in order
   * @param parameters the request parameters
   * @param answeredBy who answered
   * @param answer the answer's text, or {@code null} when the request failed
   * @param failure the failure's message, or {@code null}
   * @param startedAt when the request was sent
   * @param duration how long it took to answer or fail
   * @param thread the name of the sending thread
   */
  public PromptCall {
    messages = List.copyOf(messages);
  }

  /**
   * {@code Interface.method}.
   *
   * @return {@code Interface.method}
   */
  public String method() {
    return interfaceName + "." + methodName;
  }

  /**
   * The text of the system messages, joined by newlines; empty when there is none.
   *
   * @return the text of the system messages, joined by newlines; empty when there is none
   */
  public String systemText() {
    return MessageText.join(messages, m -> m instanceof SystemMessage);
  }

  /**
   * The text of the user messages, joined by newlines.
   *
   * @return the text of the user messages, joined by newlines
   */
  public String userText() {
    return MessageText.join(messages, m -> m instanceof UserMessage);
  }

  /**
   * The text of every message, joined by newlines.
   *
   * @return the text of every message, joined by newlines
   */
  public String text() {
    return MessageText.join(messages, m -> true);
  }

  /**
   * When the answer (or failure) came.
   *
   * @return when the answer (or failure) came
   */
  public Instant endedAt() {
    return startedAt.plus(duration);
  }

  /**
   * Whether this request and {@code other} were in flight at the same time.
   *
   * @param other the other
   * @return whether this request and {@code other} were in flight at the same time
   */
  public boolean overlaps(PromptCall other) {
    return startedAt.isBefore(other.endedAt()) && other.startedAt().isBefore(endedAt());
  }

  @Override
  public String toString() {
    return method() + " -> " + provider + ":" + model + " (" + answeredBy + ", " + duration.toMillis() + " ms on " + thread + ")";
  }
}
