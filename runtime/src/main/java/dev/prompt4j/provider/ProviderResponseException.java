package dev.prompt4j.provider;

import dev.prompt4j.Prompt4jException;

/**
 * A provider answered, but with a body Prompt4j refuses to hand on: longer than {@code
 * prompt4j.providers.<name>.max-response-bytes}, not UTF-8, not JSON, or nested too deeply. Not
 * retried: the same request would most likely get the same answer. The message names provider,
 * model and host, what arrived, and for the cap the key that raises it.
 *
 * <pre>{@code
 * # prompt4j.properties: refuse answers larger than 2 MiB
 * prompt4j.providers.openai.max-response-bytes=2MiB
 * }</pre>
 */
public class ProviderResponseException extends Prompt4jException {
  private static final long serialVersionUID = 1L;

  /**
   * An answer that cannot be read.
   *
   * @param message what was wrong with it, naming the provider and model
   * @param cause the underlying failure, or {@code null}
   */
  public ProviderResponseException(String message, Throwable cause) {
    super(message, cause);
  }
}
