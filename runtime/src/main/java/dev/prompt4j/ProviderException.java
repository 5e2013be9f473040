package dev.prompt4j;

import java.util.List;

/**
 * A prompt call got no answer: every provider tried (the model, then its fallbacks) failed. The
 * message names the interface method, provider and model; the HTTP status and body of the last
 * failure are kept when there was one, and every attempt is listed.
 */
public class ProviderException extends Prompt4jException {
  private static final long serialVersionUID = 1L;

  private final String provider;
  private final String model;
  private final int statusCode;
  private final String body;
  private final transient List<Attempt> attempts;

  public ProviderException(
      String message, String method, String provider, String model, int statusCode, String body, List<Attempt> attempts, Throwable cause) {
    super(message, method, cause);
    this.provider = provider;
    this.model = model;
    this.statusCode = statusCode;
    this.body = body;
    this.attempts = List.copyOf(attempts);
  }

  /** The provider of the last attempt. */
  public String provider() {
    return provider;
  }

  /** The model of the last attempt. */
  public String model() {
    return model;
  }

  /** The HTTP status of the last failure, or 0 when there was no HTTP answer. */
  public int statusCode() {
    return statusCode;
  }

  /** The body of the last failed HTTP answer, or {@code null}. */
  public String body() {
    return body;
  }

  /** Every attempt made, in order. */
  public List<Attempt> attempts() {
    return attempts;
  }
}
