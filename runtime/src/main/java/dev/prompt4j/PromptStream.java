package dev.prompt4j;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

/**
 * The streamed answer of a {@code @Prompt} method declared to return {@code PromptStream<T>}: text
 * chunks as they arrive, events (text, reasoning, partial structured answers, restarts, tool calls) and, at the
 * end, the validated {@link Response}. The call starts when the method returns; computed fields are
 * resolved before the first request is sent.
 *
 * <pre>{@code
 * interface Writer {
 *   @Prompt("Write a haiku about {topic}")
 *   PromptStream<String> haiku(String topic);
 * }
 * PromptStream<String> s = writer.haiku("autumn");
 * for (String chunk : s) System.out.print(chunk);     // blocks between chunks
 * Response<String> r = s.result();                    // validated, with timeToFirstChunk() and chunkCount()
 * }</pre>
 *
 * <p>One consumer: the chunks can be read once, through {@link #iterator()}, {@link #text()}, {@link
 * #events()}, {@link #textPublisher()} or {@link #eventPublisher()} (the first one used claims them;
 * another throws {@link IllegalStateException}). {@link #result()} can always be called.
 *
 * <p>Buffering: events wait in a queue for the consumer. When the consumer falls behind by more than
 * {@value #MAX_BUFFERED_EVENTS} events, further text is merged into the last queued text event and
 * a partial replaces the last queued partial, so the queue never holds more than that many events
 * (and, for a list answer, the list's elements: an {@link StreamEvent.Item} is never merged) and
 * its text never more than the answer (which the provider's body cap bounds); nothing is dropped
 * and the provider is never blocked.
 *
 * <p>Validation and re-ask: the final answer is parsed and validated as for a non-streamed call. When
 * it is re-asked, or an attempt fails after chunks were delivered (and is retried or falls back), a
 * {@link StreamEvent.Restarted} event comes before the new attempt's chunks. Retries before the first
 * chunk are invisible.
 *
 * @param <T> the answer type
 */
public interface PromptStream<T> extends Iterable<String> {
  /** Events queued for a slow consumer before text is merged (see the class comment). */
  int MAX_BUFFERED_EVENTS = 1024;

  /**
   * The answer's text chunks, blocking for each; restarts are not visible here (use {@link #events()}).
   *
   * @return a blocking stream of text chunks, ending when the answer is complete
   * @throws IllegalStateException when the chunks were already claimed
   */
  Stream<String> text();

  /**
   * Every event, blocking for each, ending with {@link StreamEvent.Completed}; a failed call ends the
   * stream by throwing its exception.
   *
   * @return a blocking stream of events
   */
  Stream<StreamEvent> events();

  /**
   * The text chunks for a {@link Flow.Subscriber}, honouring its demand; cancelling the subscription
   * cancels the call.
   *
   * @return a publisher for one subscriber
   */
  Flow.Publisher<String> textPublisher();

  /**
   * The events for a {@link Flow.Subscriber}; cancelling the subscription cancels the call.
   *
   * @return a publisher for one subscriber
   */
  Flow.Publisher<StreamEvent> eventPublisher();

  /**
   * The typed partials of a record answer {@code T}, blocking for each: instances of the generated
   * partial type ({@code TPartial} for a top-level record {@code T}, {@code Outer_TPartial} for a
   * record nested in {@code Outer}), each emitted only when the answer so far changed. Restarts are
   * not visible here: after one, partials start again from the new attempt's first (use {@link
   * #events()} to see them).
   *
   * <pre>{@code
   * PromptStream<Plan> s = planner.plan("a trip");
   * s.partials(PlanPartial.class).forEach(p -> System.out.println(p.steps()));
   * }</pre>
   *
   * @param type the answer's generated partial type
   * @param <P> the partial type
   * @return a blocking stream of partials
   * @throws IllegalStateException when the chunks were already claimed
   * @throws ClassCastException when a partial is not a {@code type} (naming the partial type it is)
   */
  <P> Stream<P> partials(Class<P> type);

  /**
   * As {@link #partials(Class)}, for a {@link Flow.Subscriber}; cancelling the subscription cancels
   * the call.
   *
   * @param type the answer's generated partial type
   * @param <P> the partial type
   * @return a publisher for one subscriber
   */
  <P> Flow.Publisher<P> partialPublisher(Class<P> type);

  /**
   * The elements of a {@code List<X>} answer ({@code X} a record), one by one as each completes,
   * each read and validated (Bean Validation) as the final answer is; see {@link StreamEvent.Item}.
   *
   * <pre>{@code
   * PromptStream<List<Step>> s = planner.steps("a trip");
   * s.items(Step.class).forEach(step -> System.out.println(step.name()));
   * }</pre>
   *
   * @param type the element type {@code X}
   * @param <X> the element type
   * @return a blocking stream of elements
   * @throws IllegalStateException when the chunks were already claimed
   */
  <X> Stream<X> items(Class<X> type);

  /**
   * As {@link #items(Class)}, for a {@link Flow.Subscriber}; cancelling the subscription cancels
   * the call.
   *
   * @param type the element type {@code X}
   * @param <X> the element type
   * @return a publisher for one subscriber
   */
  <X> Flow.Publisher<X> itemPublisher(Class<X> type);

  /**
   * The final, validated response, waiting for it.
   *
   * @return the response
   * @throws Prompt4jException as the non-streamed call would (an {@link OutputException}, a
   *     {@link ProviderException}, ...); {@link java.util.concurrent.CancellationException} when cancelled
   */
  Response<T> result();

  /**
   * The final response, without blocking.
   *
   * @return the response's future; cancelling it cancels the call
   */
  CompletableFuture<Response<T>> future();

  /**
   * Stops the call: the HTTP stream is closed, no further chunk is delivered, and {@link #result()}
   * throws {@link java.util.concurrent.CancellationException}.
   */
  void cancel();

  /**
   * Whether {@link #cancel()} was called.
   *
   * @return whether the stream was cancelled
   */
  boolean isCancelled();
}
