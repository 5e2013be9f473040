package dev.prompt4j.provider;

import dev.prompt4j.Prompt4jException;

/**
 * A provider answered, but with a body Prompt4j refuses to hand on: longer than {@code
 * prompt4j.providers.<name>.max-response-bytes}, not UTF-8, not JSON, or nested too deeply. Not
 * retried: the same request would most likely get the same answer. The message names provider,
 * model and host, what arrived, and for the cap the key that raises it.
 */
public class ProviderResponseException extends Prompt4jException {
  private static final long serialVersionUID = 1L;

  public ProviderResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
