package dev.prompt4j.flink;

import java.io.Serializable;
import java.util.concurrent.CompletableFuture;

/**
 * What an {@link AsyncPrompt} does with one element: call a {@code CompletableFuture} method of the
 * prompt instance. Serializable, so write it as a lambda that captures nothing but serializable values.
 *
 * <pre>{@code
 * PromptCall<TicketTriage, Ticket, Triage> call = (triage, ticket) -> triage.classifyAsync(ticket.text());
 * }</pre>
 *
 * <p>Call a {@code CompletableFuture<Response<T>>} method through {@link Prompt4jFlink#asyncResponse} to
 * give the rate limiter and the metrics the requests and tokens each element used (re-asks and nested
 * calls included); through {@link Prompt4jFlink#async} they count one request and the estimated tokens.
 *
 * @param <P> the prompt interface
 * @param <I> the element type
 * @param <O> the answer type
 */
@FunctionalInterface
public interface PromptCall<P, I, O> extends Serializable {
  /**
   * @param prompt the subtask's prompt instance
   * @param input the element
   * @return the answer, completed later; never block in here
   */
  CompletableFuture<O> call(P prompt, I input);
}
