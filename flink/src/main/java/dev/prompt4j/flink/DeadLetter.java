package dev.prompt4j.flink;

import dev.prompt4j.Attempt;
import dev.prompt4j.OutputException;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.ProviderException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * An element that got no answer, with everything needed to look into it or replay it: the element,
 * why, and what the model said at each attempt. Plain data (no exception object), so it serializes
 * the same in every state backend and sink.
 *
 * @param input the element
 * @param reason {@code FAILED} (the call failed), {@code TIMED_OUT} (Flink's time-out fired first)
 *     or {@code THROTTLED} (still answered 429 after the limiter's re-sends)
 * @param errorType the exception's class name
 * @param message the exception's message
 * @param method the prompt method, when known
 * @param statusCode the provider's HTTP status, 0 when there was none
 * @param attempts each attempt's model and raw answer, in order
 * @param <I> the element type
 */
public record DeadLetter<I>(
    I input, String reason, String errorType, String message, String method, int statusCode, List<RawAttempt> attempts)
    implements Serializable {

  /** Copies the attempts. */
  public DeadLetter {
    attempts = attempts == null ? List.of() : List.copyOf(attempts);
  }

  /**
   * One request and its answer, as {@link Attempt} without the duration type.
   *
   * @param provider the provider
   * @param model the model
   * @param rawText the answer's text, {@code null} when there was none (a transport error)
   * @param errors why the answer was refused
   */
  public record RawAttempt(String provider, String model, String rawText, List<String> errors) implements Serializable {
    /** Copies the errors. */
    public RawAttempt {
      errors = errors == null ? List.of() : List.copyOf(errors);
    }
  }

  /**
   * The dead letter of {@code input} that failed with {@code error}; the attempts come from an
   * {@link OutputException} or a {@link ProviderException} found in the cause chain.
   *
   * @param input the element
   * @param reason {@code FAILED}, {@code TIMED_OUT} or {@code THROTTLED}
   * @param error the failure
   * @param <I> the element type
   * @return the dead letter
   */
  public static <I> DeadLetter<I> of(I input, String reason, Throwable error) {
    Throwable cause = unwrap(error);
    String method = null;
    int status = 0;
    List<Attempt> attempts = List.of();
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof OutputException o) {
        attempts = o.attempts();
        method = o.method();
        break;
      }
      if (t instanceof ProviderException p) {
        attempts = p.attempts();
        method = p.method();
        status = p.statusCode();
        break;
      }
      if (t instanceof Prompt4jException p && method == null) {
        method = p.method();
      }
    }
    List<RawAttempt> raw = new ArrayList<>(attempts.size());
    for (Attempt a : attempts) {
      raw.add(new RawAttempt(a.provider(), a.model(), a.rawText(), a.errors()));
    }
    return new DeadLetter<>(input, reason, cause.getClass().getName(), String.valueOf(cause.getMessage()), method, status, raw);
  }

  static Throwable unwrap(Throwable error) {
    Throwable t = error;
    while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
      t = t.getCause();
    }
    return t;
  }
}
