package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.Prompt4jException;

/**
 * Prompt4j's configuration in the Spring {@code Environment} is not valid: the runtime's message
 * (key, value, what would be valid), the key and where the application sets it. {@link
 * Prompt4jFailureAnalyzer} turns it into Spring Boot's start-up failure report.
 */
public final class Prompt4jConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final String key;
  private final String origin;

  Prompt4jConfigurationException(Prompt4jException cause, String key, String origin) {
    super(cause.getMessage() + (origin == null ? "" : " [set in " + origin + "]"), cause);
    this.key = key;
    this.origin = origin;
  }

  /**
   * The key the runtime named.
   *
   * @return a {@code prompt4j.*} key, or {@code null} when the message names none
   */
  public String key() {
    return key;
  }

  /**
   * Where the application sets the key.
   *
   * @return a file and line such as {@code class path resource [application.yml] - 3:18}, or {@code null}
   */
  public String origin() {
    return origin;
  }
}
