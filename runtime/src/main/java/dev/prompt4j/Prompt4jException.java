package dev.prompt4j;

/** The root of every exception Prompt4j throws. */
public class Prompt4jException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String method;

  public Prompt4jException(String message) {
    this(message, null, null);
  }

  public Prompt4jException(String message, Throwable cause) {
    this(message, null, cause);
  }

  /**
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
