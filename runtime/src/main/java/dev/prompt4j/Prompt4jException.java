package dev.prompt4j;

/**
 * The root of every exception Prompt4j throws.
 *
 * <pre>{@code
 * try {
 *   support.answer(question);
 * } catch (Prompt4jException e) {
 *   log.error("prompt " + e.method() + " failed", e);
 * }
 * }</pre>
 */
public class Prompt4jException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** The prompt method whose call failed, or {@code null}. */
  private final String method;

  /**
   * A failure not tied to one prompt method.
   *
   * @param message what went wrong
   */
  public Prompt4jException(String message) {
    this(message, null, null);
  }

  /**
   * A failure not tied to one prompt method, caused by {@code cause}.
   *
   * @param message what went wrong
   * @param cause the underlying failure, or {@code null}
   */
  public Prompt4jException(String message, Throwable cause) {
    this(message, null, cause);
  }

  /**
   * A failure of one prompt method's call.
   *
   * @param message what went wrong
   * @param method the prompt method whose call failed (its simple name), or {@code null}
   * @param cause the underlying failure, or {@code null}
   */
  public Prompt4jException(String message, String method, Throwable cause) {
    super(message, cause);
    this.method = method;
  }

  /**
   * The prompt method whose call failed (simple name), or {@code null} when none is concerned.
   *
   * @return the prompt method whose call failed (simple name), or {@code null} when none is concerned
   */
  public String method() {
    return method;
  }
}
