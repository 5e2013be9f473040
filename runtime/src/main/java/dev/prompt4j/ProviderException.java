package dev.prompt4j;

import java.util.List;

/**
 * A prompt call got no answer: every provider tried (the model, then its fallbacks) failed. The
 * message names the interface method, provider and model; the HTTP status and body of the last
 * failure are kept when there was one, and every attempt is listed.
 *
 * <pre>{@code
 * try {
 *   support.answer(question);
 * } catch (ProviderException e) {
 *   if (e.statusCode() == 429) { ... }   // e.provider(), e.model(), e.body(), e.attempts()
 * }
 * }</pre>
 */
public class ProviderException extends Prompt4jException {
  private static final long serialVersionUID = 1L;

  /** The provider of the last attempt. */
  private final String provider;
  /** The model of the last attempt. */
  private final String model;
  /** The HTTP status of the last failure, or 0. */
  private final int statusCode;
  /** The body of the last HTTP error answer, or {@code null}. */
  private final String body;
  /** Every attempt (not serialized). */
  private final transient List<Attempt> attempts;

  /**
   * No answer from the provider.
   *
   * @param message what went wrong, naming the method and the models asked
   * @param method the prompt method (simple name)
   * @param provider the provider of the last attempt
   * @param model the model of the last attempt
   * @param statusCode the HTTP status of the last failure, or 0 when there was no HTTP answer
   * @param body the body of the last HTTP error answer, or {@code null}
   * @param attempts every attempt, in order
   * @param cause the last failure
   */
  public ProviderException(
      String message, String method, String provider, String model, int statusCode, String body, List<Attempt> attempts, Throwable cause) {
    super(message, method, cause);
    this.provider = provider;
    this.model = model;
    this.statusCode = statusCode;
    this.body = body;
    this.attempts = List.copyOf(attempts);
  }

  /**
   * The provider of the last attempt.
   *
   * @return the provider of the last attempt
   */
  public String provider() {
    return provider;
  }

  /**
   * The model of the last attempt.
   *
   * @return the model of the last attempt
   */
  public String model() {
    return model;
  }

  /**
   * The HTTP status of the last failure, or 0 when there was no HTTP answer.
   *
   * @return the HTTP status of the last failure, or 0 when there was no HTTP answer
   */
  public int statusCode() {
    return statusCode;
  }

  /**
   * The body of the last failed HTTP answer, or {@code null}.
   *
   * @return the body of the last failed HTTP answer, or {@code null}
   */
  public String body() {
    return body;
  }

  /**
   * Every attempt made, in order.
   *
   * @return every attempt made, in order
   */
  public List<Attempt> attempts() {
    return attempts;
  }
}
