package dev.prompt4j;

import java.time.Duration;
import java.util.List;

/**
 * One request made for a prompt call that did not give the final answer: a transport or provider
 * failure (then retried or passed to a fallback), or an answer that could not be parsed or validated
 * (then re-asked).
 *
 * <pre>{@code
 * for (Attempt a : response.failedAttempts()) {
 *   log.info(a.provider() + ":" + a.model() + " failed after " + a.duration() + ": " + a.errors());
 * }
 * }</pre>
 *
 * @param provider the provider asked
 * @param model the model asked
 * @param rawText the model's answer, {@code null} when none arrived
 * @param errors what was wrong: the failure, or each parse or validation error
 * @param duration how long the request took
 */
public record Attempt(String provider, String model, String rawText, List<String> errors, Duration duration) {
  /**
   * Copies the errors.
   *
   * @param provider the provider asked
   * @param model the model asked
   * @param rawText the model's answer, {@code null} when none arrived
   * @param errors what was wrong: the failure, or each parse or validation error
   * @param duration how long the request took
   */
  public Attempt {
    errors = List.copyOf(errors);
  }
}
