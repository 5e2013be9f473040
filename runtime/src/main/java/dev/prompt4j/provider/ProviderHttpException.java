package dev.prompt4j.provider;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/**
 * An HTTP error answer from a provider, with the {@code Retry-After} the server asked for. langchain4j's
 * own {@link HttpException} keeps only the status and the body; the HTTP client Prompt4j gives the
 * langchain4j model clients throws this subclass instead, so the retry policy can honour the header.
 * langchain4j maps it to its usual exceptions ({@code RateLimitException}, ...) with this as the cause.
 *
 * <pre>{@code
 * catch (ProviderException e) {
 *   if (e.getCause() instanceof ProviderHttpException http) {
 *     http.retryAfter();   // the wait the server asked for, if any
 *   }
 * }
 * }</pre>
 */
public class ProviderHttpException extends HttpException {
  private static final long serialVersionUID = 1L;

  private final transient Duration retryAfter;

  /**
   * @param statusCode the HTTP status
   * @param body the body of the answer (the message of the exception, as in langchain4j)
   * @param retryAfter the wait the server asked for, or {@code null}
   */
  public ProviderHttpException(int statusCode, String body, Duration retryAfter) {
    super(statusCode, body);
    this.retryAfter = retryAfter;
  }

  /**
   * The body of the error answer.
   *
   * @return the body of the error answer
   */
  public String body() {
    return getMessage();
  }

  /**
   * The wait the server asked for in {@code Retry-After}, or {@code null} when it sent none.
   *
   * @return the wait the server asked for in {@code Retry-After}, or {@code null} when it sent none
   */
  public Duration retryAfter() {
    return retryAfter;
  }
}
