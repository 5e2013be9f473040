package dev.prompt4j.internal.call;

import dev.langchain4j.model.chat.response.ChatResponse;

/**
 * Where observation attaches to the call path: the engine calls it at each step of a prompt call and
 * of each request it sends. The listener SPI and telemetry implement it; {@link #NONE} costs a
 * virtual call per step.
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
   */
  default void attemptStarted(CallPlan<?> plan, Target target, int attempt, String reason) {}

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
}
