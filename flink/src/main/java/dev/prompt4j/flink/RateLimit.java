package dev.prompt4j.flink;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/**
 * The limits a provider puts on one model, for the whole job: requests and tokens per window (a
 * minute unless told), and the bounds of the adaptive concurrency. Each subtask of the function
 * takes an equal share of the requests and tokens.
 *
 * <pre>{@code
 * RateLimit limit = RateLimit.of("openai", "gpt-4o-mini")
 *     .requestsPerMinute(500)
 *     .tokensPerMinute(200_000)
 *     .estimatedTokensPerRequest(400)     // charged up front, corrected when the answer says
 *     .concurrency(4, 64);                // start at 4 calls in flight per subtask, at most 64
 * }</pre>
 *
 * <p>Immutable and serializable: the function that holds it is shipped to every subtask.
 *
 * @param provider the provider the limit belongs to, such as {@code "openai"} (documentation and metrics)
 * @param model the model, such as {@code "gpt-4o-mini"}
 * @param requests requests per window for the whole job; 0 for no request limit
 * @param tokens tokens (input and output) per window for the whole job; 0 for no token limit
 * @param window the window the limits count in
 * @param estimatedTokensPerRequest tokens charged when a request starts, before its usage is known
 * @param initialConcurrency calls in flight per subtask to start with
 * @param maxConcurrency calls in flight per subtask at most
 */
public record RateLimit(
    String provider, String model, long requests, long tokens, Duration window, long estimatedTokensPerRequest,
    int initialConcurrency, int maxConcurrency) implements Serializable {

  /** Checks the values. */
  public RateLimit {
    Objects.requireNonNull(provider, "provider");
    Objects.requireNonNull(model, "model");
    Objects.requireNonNull(window, "window");
    if (requests < 0 || tokens < 0) {
      throw new IllegalArgumentException("RateLimit " + provider + ":" + model + ": requests and tokens must be at least 0 (0: no limit)");
    }
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("RateLimit " + provider + ":" + model + ": the window must be positive, not " + window);
    }
    if (estimatedTokensPerRequest < 1) {
      throw new IllegalArgumentException("RateLimit " + provider + ":" + model + ": estimatedTokensPerRequest must be at least 1");
    }
    if (initialConcurrency < 1 || maxConcurrency < initialConcurrency) {
      throw new IllegalArgumentException("RateLimit " + provider + ":" + model + ": concurrency must satisfy 1 <= initial ("
          + initialConcurrency + ") <= max (" + maxConcurrency + ")");
    }
  }

  /**
   * No request or token limit yet, a one-minute window, 500 estimated tokens per request, and
   * concurrency from 8 up to 256 calls in flight per subtask.
   *
   * @param provider a provider name
   * @param model a model name
   * @return the limit
   */
  public static RateLimit of(String provider, String model) {
    return new RateLimit(provider, model, 0, 0, Duration.ofMinutes(1), 500, 8, 256);
  }

  /**
   * @param perMinute requests per minute for the whole job
   * @return a copy with that limit and a one-minute window
   */
  public RateLimit requestsPerMinute(long perMinute) {
    return new RateLimit(provider, model, perMinute, tokens, Duration.ofMinutes(1), estimatedTokensPerRequest, initialConcurrency, maxConcurrency);
  }

  /**
   * @param perMinute tokens per minute for the whole job
   * @return a copy with that limit and a one-minute window
   */
  public RateLimit tokensPerMinute(long perMinute) {
    return new RateLimit(provider, model, requests, perMinute, Duration.ofMinutes(1), estimatedTokensPerRequest, initialConcurrency, maxConcurrency);
  }

  /**
   * Counts {@link #requests()} and {@link #tokens()} in {@code window} instead of a minute (tests,
   * and providers that state limits per second or per day).
   *
   * @param window the window
   * @return a copy with that window
   */
  public RateLimit per(Duration window) {
    return new RateLimit(provider, model, requests, tokens, window, estimatedTokensPerRequest, initialConcurrency, maxConcurrency);
  }

  /**
   * @param estimate tokens charged when a request starts; the difference to the reported usage is
   *     charged (or refunded) when the answer arrives
   * @return a copy with that estimate
   */
  public RateLimit estimatedTokensPerRequest(long estimate) {
    return new RateLimit(provider, model, requests, tokens, window, estimate, initialConcurrency, maxConcurrency);
  }

  /**
   * @param initial calls in flight per subtask to start with
   * @param max calls in flight per subtask at most; also bound by the async operator's capacity
   * @return a copy with those bounds
   */
  public RateLimit concurrency(int initial, int max) {
    return new RateLimit(provider, model, requests, tokens, window, estimatedTokensPerRequest, initial, max);
  }
}
