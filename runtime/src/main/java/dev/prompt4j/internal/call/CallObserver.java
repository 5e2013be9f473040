package dev.prompt4j.internal.call;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.prompt4j.Response;
import java.util.List;

/**
 * Where observation attaches to the call path: one per prompt call, made when the call starts, and
 * called at each step of it and of each request it sends. The listener SPI implements it. With no
 * listener the runtime hands every call {@link #NONE}, whose methods are empty: a call then makes no
 * event object and its steps cost one virtual call each.
 */
public interface CallObserver {
  /** Observes nothing. */
  CallObserver NONE = new CallObserver() {};

  /**
   * A request is about to be sent.
   *
   * @param plan the call
   * @param target the model asked
   * @param attempt the request's number within the call, from 1
   * @param reason why it is sent: {@code first}, {@code retry}, {@code re-ask} or {@code fallback}
   * @param detail the failure retried, the errors re-asked, why the previous model was left; or {@code null}
   * @param conversation the messages sent
   * @param structured whether a structured (JSON) answer is asked for
   */
  default void attemptStarted(CallPlan<?> plan, Target target, int attempt, String reason, String detail,
      List<ChatMessage> conversation, boolean structured) {}

  /**
   * A request ended.
   *
   * @param plan the call
   * @param target the model asked
   * @param attempt the request's number within the call, from 1
   * @param response the answer, or {@code null} when it failed
   * @param failure the failure, or {@code null}
   * @param nanos how long it took
   */
  default void attemptFinished(CallPlan<?> plan, Target target, int attempt, ChatResponse response, Throwable failure, long nanos) {}

  /**
   * The first chunk of a streamed answer arrived.
   *
   * @param plan the call
   * @param target the model asked
   * @param attempt the request's number within the call, from 1
   * @param nanos from the start of the request
   */
  default void streamFirstChunk(CallPlan<?> plan, Target target, int attempt, long nanos) {}

  /**
   * A streamed answer is complete; {@link #attemptFinished} follows.
   *
   * @param plan the call
   * @param target the model asked
   * @param attempt the request's number within the call, from 1
   */
  default void streamCompleted(CallPlan<?> plan, Target target, int attempt) {}

  /**
   * The call moves to its next model.
   *
   * @param plan the call
   * @param from the model left
   * @param to the model asked next
   * @param index {@code to}'s position among the fallbacks, from 1
   * @param reason why {@code from} was left
   */
  default void fallbackTaken(CallPlan<?> plan, Target from, Target to, int index, String reason) {}

  /**
   * A computed field starts, on the thread that computes it.
   *
   * @param field the field
   */
  default void fieldStarted(String field) {}

  /**
   * A computed field ended, on the thread that computed it.
   *
   * @param field the field
   * @param nanos how long it ran
   * @param failure why it failed, or {@code null}
   */
  default void fieldFinished(String field, long nanos, Throwable failure) {}

  /**
   * A tool the model asked for ran (or was refused: unknown, invalid arguments, declined).
   *
   * @param tool the tool name
   * @param nanos how long it ran
   * @param failure why it failed, or {@code null}
   */
  default void toolCalled(String tool, long nanos, Throwable failure) {}

  /**
   * A tool the model asked for is about to run (or be refused), on the thread that runs it.
   *
   * @param turn the model turn that asked for it, from 1
   * @param id the call's id
   * @param tool the tool name
   * @param description the tool's description, or {@code null} for a tool the call does not have
   * @param arguments the arguments as the model sent them (JSON)
   */
  default void toolStarted(int turn, String id, String tool, String description, String arguments) {}

  /**
   * A tool call ended, on the thread that ran it; the default reports it as {@link #toolCalled}.
   *
   * @param record the call as the response records it
   * @param failure why it failed, or {@code null}
   */
  default void toolFinished(dev.prompt4j.ToolCallRecord record, Throwable failure) {
    toolCalled(record.name(), record.duration().toNanos(), failure);
  }

  /**
   * The call ended.
   *
   * @param response its response, or {@code null}
   * @param failure what it throws, or {@code null}
   */
  default void callFinished(Response<?> response, Throwable failure) {}
}
