package dev.prompt4j;

import dev.langchain4j.data.message.ChatMessage;
import java.time.Duration;
import java.util.List;

/**
 * Sees every prompt call as it runs: the call, each request sent to a model (an attempt: the first,
 * a retry, a re-ask or a fallback), each computed field, and the end. Telemetry, cost accounting and
 * logging are listeners; {@code prompt4j-opentelemetry} is one.
 *
 * <p>Listeners come from three places, all used together: {@link java.util.ServiceLoader} ({@code
 * META-INF/services/dev.prompt4j.PromptListener} on the runtime's class path), {@link
 * Prompt4j.Builder#listener}, and the configuration key {@code prompt4j.listeners} (class names,
 * comma-separated, each with a public no-argument constructor).
 *
 * <pre>{@code
 * PromptRuntime runtime = Prompt4j.builder()
 *     .listener(new PromptListener() {
 *       public void attemptFinished(PromptCall call, AttemptStart attempt, AttemptEnd end) {
 *         System.out.println(call.method() + " #" + attempt.number() + " " + end.usage() + " " + end.duration());
 *       }
 *     })
 *     .build();
 * }</pre>
 *
 * <p>Every method has a no-op default. Methods run on the thread doing the work (a field's events on
 * the thread that computes it), so they must be quick and thread-safe. A listener that throws is
 * logged once (a warning through {@link System.Logger}) and the call goes on: a listener never breaks
 * a call. With no listener at all the runtime makes no event and calls nothing.
 */
public interface PromptListener {
  /**
   * A prompt call started, before its computed fields.
   *
   * @param call the call, passed to each of its events
   */
  default void callStarted(PromptCall call) {}

  /**
   * An async or streaming prompt method (one returning {@code CompletableFuture} or a stream) was
   * called: this runs on the caller's thread, before the call is handed to the executor, so a listener can take what belongs to
   * the caller's thread (a tracing context, an MDC map) and get it back in {@link
   * #callStarted(PromptCall, Object)} on the thread that runs the call. Not called for calls made on
   * the caller's own thread, nor when no listener is registered.
   *
   * <pre>{@code
   * public Object captureCaller() { return Context.current(); }
   * public void callStarted(PromptCall call, Object caller) { Context parent = caller instanceof Context c ? c : Context.current(); ... }
   * }</pre>
   *
   * <p>If the call is cancelled before it starts, what was returned is dropped without {@code callStarted}.
   *
   * @return anything, or {@code null} (the default) for nothing
   */
  default Object captureCaller() {
    return null;
  }

  /**
   * A prompt call started, before its computed fields; what the runtime calls. The default calls
   * {@link #callStarted(PromptCall)}: override this one only to use what {@link #captureCaller()} took.
   *
   * @param call the call, passed to each of its events
   * @param caller what this listener's {@link #captureCaller()} returned on the caller's thread for an
   *     async call, or {@code null} for a call started on the caller's thread
   */
  default void callStarted(PromptCall call, Object caller) {
    callStarted(call);
  }

  /**
   * A request is about to be sent.
   *
   * @param call the call
   * @param attempt what is sent, to which model, and why
   */
  default void attemptStarted(PromptCall call, AttemptStart attempt) {}

  /**
   * A request ended, with an answer or a failure. An answer that fails to parse or validate still
   * ends its attempt normally; the re-ask that follows says why in {@link AttemptStart#detail()}.
   *
   * @param call the call
   * @param attempt the attempt as it started
   * @param end how it ended
   */
  default void attemptFinished(PromptCall call, AttemptStart attempt, AttemptEnd end) {}

  /**
   * The call moves to its next model (a {@code @Call(fallbacks = ...)}), before that model's first
   * attempt starts.
   *
   * @param call the call
   * @param fallback from which model to which, and why
   */
  default void fallbackTaken(PromptCall call, Fallback fallback) {}

  /**
   * A computed field of the call starts, on the thread that computes it.
   *
   * @param call the call the field belongs to
   * @param field the field name
   */
  default void fieldStarted(PromptCall call, String field) {}

  /**
   * A computed field ended, on the thread that computed it.
   *
   * @param call the call the field belongs to
   * @param field the field name
   * @param duration how long it ran
   * @param failure why it failed, or {@code null}
   */
  default void fieldFinished(PromptCall call, String field, Duration duration, Throwable failure) {}

  /**
   * A tool the model asked for ran, or was refused (unknown name, invalid arguments, declined), on the thread
   * that ran it.
   *
   * @param call the call
   * @param tool the tool's name
   * @param duration how long it ran
   * @param failure why it failed, or {@code null}
   */
  default void toolCalled(PromptCall call, String tool, Duration duration, Throwable failure) {}

  /**
   * A tool the model asked for is about to run (or be refused), on the thread that runs it; {@link
   * #toolFinished} follows on the same thread. Calls of one turn run concurrently, each on its own
   * thread, so match the two events by {@code call}, {@code turn} and {@code id}.
   *
   * <pre>{@code
   * public void toolStarted(PromptCall call, int turn, String id, String tool, String arguments) {
   *   System.out.println(call.method() + " runs " + tool + arguments);
   * }
   * }</pre>
   *
   * @param call the call
   * @param turn the model turn that asked for it, from 1
   * @param id the call's id (the provider's, or one Prompt4j gave it)
   * @param tool the tool's name
   * @param arguments the arguments as the model sent them (JSON)
   */
  default void toolStarted(PromptCall call, int turn, String id, String tool, String arguments) {}

  /**
   * {@link #toolStarted(PromptCall, int, String, String, String)} with the tool's description (from
   * its Javadoc or {@code @Tool}), which Prompt4j calls; the default drops the description and calls
   * that one, so a listener overrides one of the two.
   *
   * @param call the call
   * @param turn the model turn that asked for it, from 1
   * @param id the call's id (the provider's, or one Prompt4j gave it)
   * @param tool the tool's name
   * @param description what the tool does, as its specification tells the model; {@code null} for a
   *     name the call has no tool for
   * @param arguments the arguments as the model sent them (JSON)
   */
  default void toolStarted(PromptCall call, int turn, String id, String tool, String description, String arguments) {
    toolStarted(call, turn, id, tool, arguments);
  }

  /**
   * A tool call ended, on the thread that ran it: the record the response keeps (name, arguments,
   * result or error, duration, turn). The default calls {@link #toolCalled}, so a listener overrides
   * one of the two.
   *
   * @param call the call
   * @param record the tool call
   * @param failure why it failed (the tool's exception, or an {@link IllegalArgumentException} naming
   *     why it was refused), or {@code null}
   */
  default void toolFinished(PromptCall call, ToolCallRecord record, Throwable failure) {
    toolCalled(call, record.name(), record.duration(), failure);
  }

  /**
   * The first chunk of a streamed answer arrived (methods returning {@code PromptStream}, {@code
   * Flow.Publisher<String>} or {@code Stream<String>}), on the provider's thread: return quickly.
   *
   * @param call the call
   * @param attempt the attempt being streamed
   * @param timeToFirstChunk from the start of the attempt
   */
  default void streamFirstChunk(PromptCall call, AttemptStart attempt, Duration timeToFirstChunk) {}

  /**
   * A streamed answer is complete; {@link #attemptFinished} follows.
   *
   * @param call the call
   * @param attempt the attempt that was streamed
   */
  default void streamCompleted(PromptCall call, AttemptStart attempt) {}

  /**
   * The call ended: with its response, or with the failure it throws.
   *
   * @param call the call
   * @param response the response, or {@code null} when it failed
   * @param failure the exception thrown to the caller, or {@code null}
   */
  default void callFinished(PromptCall call, Response<?> response, Throwable failure) {}

  /**
   * One request as it is sent.
   *
   * @param number the request's number within the call, from 1
   * @param reason why it is sent: {@code first}, {@code retry}, {@code re-ask} or {@code fallback}
   * @param detail for a retry the failure retried, for a re-ask the errors sent back, for a fallback
   *     why the previous model was left; {@code null} for the first
   * @param provider the provider asked
   * @param model the model asked
   * @param fallbackIndex 0 for the call's own model, 1 for its first fallback, ...
   * @param parameters the call parameters the request carries
   * @param messages the messages sent
   * @param outputType {@code text}, or {@code json} for a structured answer
   * @param serverAddress the host the provider's client sends to, or {@code null} when unknown (a client given by code)
   * @param serverPort its port, or {@code -1}
   * @param streaming whether the answer is streamed
   */
  record AttemptStart(int number, String reason, String detail, String provider, String model, int fallbackIndex,
      CallParameters parameters, List<ChatMessage> messages, String outputType, String serverAddress, int serverPort,
      boolean streaming) {}

  /**
   * How a request ended.
   *
   * @param responseId the provider's id of the answer, or {@code null}
   * @param responseModel the model that answered as the provider names it, or {@code null}
   * @param finishReason why the model stopped ({@code STOP}, {@code LENGTH}, ...), or {@code null}
   * @param usage tokens of this request
   * @param cost what this request cost at list price ({@link Cost#UNKNOWN} when the model has no price)
   * @param text the answer's text, or {@code null} when it failed
   * @param failure why it failed, or {@code null}
   * @param duration how long it took
   */
  record AttemptEnd(String responseId, String responseModel, String finishReason, Usage usage, Cost cost, String text,
      Throwable failure, Duration duration) {}

  /**
   * A move to the next model.
   *
   * @param fromProvider the provider left
   * @param fromModel the model left
   * @param toProvider the provider asked next
   * @param toModel the model asked next
   * @param index the fallback's position, from 1
   * @param reason why the previous model was left
   */
  record Fallback(String fromProvider, String fromModel, String toProvider, String toModel, int index, String reason) {}
}
