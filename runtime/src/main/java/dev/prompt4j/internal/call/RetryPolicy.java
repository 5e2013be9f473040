package dev.prompt4j.internal.call;

import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.provider.ProviderHttpException;
import dev.prompt4j.provider.ProviderSettings;
import dev.prompt4j.internal.config.Configuration;
import dev.prompt4j.internal.config.Setting;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * When to send a failed request again, and how long to wait first.
 *
 * <ul>
 *   <li>Retried: HTTP 408, 409, 425, 429 and 5xx (529 included), time-outs, lost connections, and
 *       langchain4j's {@link RetriableException}s. Not retried: 400, 401, 403, 404, 422 and other 4xx,
 *       configuration problems (a missing key), and answers that cannot be read (a malformed body).
 *   <li>At most {@code prompt4j.providers.<name>.max-retries} retries (default {@value
 *       #DEFAULT_MAX_RETRIES}), so {@code max-retries + 1} requests per model.
 *   <li>The wait before retry {@code n} (from 0) is {@code initial-delay * 2^n}, capped at {@code
 *       max-delay}, with jitter: a random point in its upper half. A {@code Retry-After} from the
 *       server (seconds or an HTTP date, on 429 and 503) replaces it; one longer than {@code max-delay}
 *       ends the retries for that model, so the next fallback is asked instead of waiting.
 *   <li>A provider that cannot be reached (connection refused, unknown host) is not retried when a
 *       fallback follows: the fallback is asked at once.
 * </ul>
 *
 * <p>The sleeper is injectable so tests never sleep for real.
 */
public final class RetryPolicy {
  /** Retries per model when {@code prompt4j.providers.<name>.max-retries} is not set. */
  public static final int DEFAULT_MAX_RETRIES = 2;
  /** The first wait when {@code prompt4j.retry.initial-delay} is not set. */
  public static final Duration DEFAULT_INITIAL_DELAY = Duration.ofMillis(500);
  /** The longest wait when {@code prompt4j.retry.max-delay} is not set. */
  public static final Duration DEFAULT_MAX_DELAY = Duration.ofSeconds(20);

  /** Waits between attempts; tests record instead of sleeping. */
  @FunctionalInterface
  public interface Sleeper {
    /** Waits {@code duration}. */
    void sleep(Duration duration) throws InterruptedException;

    /** Really sleeps. */
    Sleeper THREAD = duration -> Thread.sleep(duration.toMillis(), (int) (duration.toNanos() % 1_000_000));
  }

  /**
   * What a failure was.
   *
   * @param retriable whether sending again may help
   * @param unreachable whether the provider could not be reached at all
   * @param statusCode the HTTP status, or 0 when there was no HTTP answer
   * @param body the body of the HTTP error answer, or {@code null}
   * @param retryAfter the wait the server asked for, or {@code null}
   * @param description one line for traces and messages
   */
  public record Failure(boolean retriable, boolean unreachable, int statusCode, String body, Duration retryAfter, String description) {}

  private final Duration initialDelay;
  private final Duration maxDelay;
  private final Sleeper sleeper;
  private final DoubleSupplier random;

  /**
   * @param initialDelay the first wait
   * @param maxDelay the longest wait, {@code Retry-After} included
   * @param sleeper how to wait
   * @param random a source of numbers in [0, 1) for the jitter
   */
  public RetryPolicy(Duration initialDelay, Duration maxDelay, Sleeper sleeper, DoubleSupplier random) {
    this.initialDelay = initialDelay;
    this.maxDelay = maxDelay;
    this.sleeper = sleeper;
    this.random = random;
  }

  /**
   * The policy configured by {@code prompt4j.retry.*}, sleeping with {@code sleeper}.
   *
   * @param configuration the configuration
   * @param sleeper how to wait
   * @return the policy
   */
  public static RetryPolicy from(Configuration configuration, Sleeper sleeper) {
    Duration initial = configuration.global(Setting.RETRY_INITIAL_DELAY);
    Duration max = configuration.global(Setting.RETRY_MAX_DELAY);
    return new RetryPolicy(initial == null ? DEFAULT_INITIAL_DELAY : initial, max == null ? DEFAULT_MAX_DELAY : max, sleeper,
        () -> ThreadLocalRandom.current().nextDouble());
  }

  /** A copy that waits with {@code sleeper}. */
  public RetryPolicy withSleeper(Sleeper sleeper) {
    return new RetryPolicy(initialDelay, maxDelay, sleeper, random);
  }

  /** Retries allowed for one model of the provider with these settings. */
  public int maxRetries(ProviderSettings settings) {
    Integer configured = settings == null ? null : settings.maxRetries();
    return configured == null ? DEFAULT_MAX_RETRIES : Math.max(0, configured);
  }

  /** The exponential wait before retry {@code retry} (0 for the first), with jitter in its upper half. */
  public Duration backoff(int retry) {
    long base = initialDelay.toNanos();
    long cap = maxDelay.toNanos();
    long delay = base;
    for (int i = 0; i < retry && delay < cap; i++) {
      delay = delay > Long.MAX_VALUE / 2 ? Long.MAX_VALUE : delay * 2;
    }
    delay = Math.min(delay, cap);
    long jittered = delay / 2 + (long) (random.getAsDouble() * (delay / 2.0));
    return Duration.ofNanos(jittered);
  }

  /**
   * The wait before retry {@code retry} after {@code failure}: the server's {@code Retry-After} when it
   * sent one, the backoff otherwise; {@code null} when the server asks for more than the maximum wait.
   */
  public Duration delay(Failure failure, int retry) {
    if (failure.retryAfter() != null) {
      return failure.retryAfter().compareTo(maxDelay) > 0 ? null : failure.retryAfter();
    }
    return backoff(retry);
  }

  /** Waits; an interrupt ends the call. */
  void sleep(Duration duration) {
    if (duration.isZero() || duration.isNegative()) {
      return;
    }
    try {
      sleeper.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new Prompt4jException("Interrupted while waiting " + duration.toMillis() + " ms to retry", e);
    }
  }

  /** Classifies a failure of a langchain4j client (or of Prompt4j before the request was sent). */
  public static Failure classify(Throwable failure) {
    HttpException http = null;
    boolean timeout = false;
    boolean unreachable = false;
    boolean unknownHost = false;
    boolean io = false;
    boolean malformed = false;
    for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
      if (http == null && t instanceof HttpException h) http = h;
      if (t instanceof dev.langchain4j.exception.TimeoutException || t instanceof SocketTimeoutException
          || (t instanceof HttpTimeoutException && !(t instanceof HttpConnectTimeoutException))) timeout = true;
      if (t instanceof ConnectException || t instanceof NoRouteToHostException || t instanceof HttpConnectTimeoutException) unreachable = true;
      if (t instanceof UnknownHostException || t instanceof UnresolvedAddressException || t instanceof UnresolvedModelServerException) {
        unreachable = true;
        unknownHost = true;
      }
      if (t instanceof com.fasterxml.jackson.core.JsonProcessingException) malformed = true;
      else if (t instanceof IOException) io = true;
    }
    if (http != null) {
      int status = http.statusCode();
      String body = http.getMessage();
      Duration retryAfter = http instanceof ProviderHttpException p ? p.retryAfter() : null;
      boolean retriable = status == 408 || status == 409 || status == 425 || status == 429 || status >= 500;
      return new Failure(retriable, false, status, body, retryAfter, "HTTP " + status + ": " + abbreviate(body));
    }
    if (failure instanceof Prompt4jException) {
      return new Failure(false, false, 0, null, null, failure.getMessage());
    }
    if (unreachable) {
      return new Failure(!unknownHost, true, 0, null, null, "unreachable: " + rootMessage(failure));
    }
    if (timeout) {
      return new Failure(true, false, 0, null, null, "timed out: " + rootMessage(failure));
    }
    if (malformed) {
      return new Failure(false, false, 0, null, null, "malformed answer: " + rootMessage(failure));
    }
    if (failure instanceof NonRetriableException) {
      return new Failure(false, false, 0, null, null, rootMessage(failure));
    }
    if (failure instanceof RetriableException || io) {
      return new Failure(true, false, 0, null, null, rootMessage(failure));
    }
    return new Failure(false, false, 0, null, null, "unreadable answer or client error: " + rootMessage(failure));
  }

  private static String rootMessage(Throwable failure) {
    Throwable root = failure;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String message = root.getMessage();
    String text = root.getClass().getSimpleName() + (message == null ? "" : ": " + message);
    if (root != failure && failure.getMessage() != null && !failure.getMessage().equals(message) && !failure.getMessage().contains(text)) {
      text = failure.getClass().getSimpleName() + ": " + failure.getMessage() + " (" + text + ")";
    }
    return abbreviate(text);
  }

  static String abbreviate(String text) {
    if (text == null) {
      return "";
    }
    String oneLine = text.strip();
    return oneLine.length() <= 500 ? oneLine : oneLine.substring(0, 500) + "...";
  }
}
