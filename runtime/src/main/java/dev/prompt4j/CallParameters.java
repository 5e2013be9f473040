package dev.prompt4j;

import java.util.ArrayList;
import java.util.List;

/**
 * The call parameters sent with a request; {@code null} means "not set" (the provider's default).
 *
 * <p>Parameters from several sources are combined with {@link #overriddenBy}: a set value of the
 * override wins, an unset one keeps this value. So overriding {@code temperature} alone keeps the
 * annotation's {@code maxTokens}.
 *
 * <pre>{@code
 * CallParameters precise = CallParameters.none().withTemperature(0.0).withMaxTokens(200);
 * Support tuned = Prompt4j.override(support).parameters(precise).build();
 * }</pre>
 *
 * @param temperature sampling temperature
 * @param maxTokens maximum output tokens
 * @param topP nucleus sampling
 * @param stop stop sequences ({@code null} when not set; an empty list clears inherited ones)
 * @param seed sampling seed
 */
public record CallParameters(Double temperature, Integer maxTokens, Double topP, List<String> stop, Long seed) {

  /** No parameter set. */
  public static final CallParameters NONE = new CallParameters(null, null, null, null, null);

  /**
   * Copies the stop sequences.
   *
   * @param temperature sampling temperature
   * @param maxTokens maximum output tokens
   * @param topP nucleus sampling
   * @param stop stop sequences ({@code null} when not set; an empty list clears inherited ones)
   * @param seed sampling seed
   */
  public CallParameters {
    stop = stop == null ? null : List.copyOf(stop);
  }

  /**
   * Starts from no parameter.
   *
   * @return starts from no parameter
   */
  public static CallParameters none() {
    return NONE;
  }

  /**
   * Returns these parameters with the set values of {@code override} replacing this one's.
   *
   * @param override the override
   * @return these parameters with the set values of {@code override} replacing this one's
   */
  public CallParameters overriddenBy(CallParameters override) {
    if (override == null || override.equals(NONE)) {
      return this;
    }
    return new CallParameters(
        override.temperature != null ? override.temperature : temperature,
        override.maxTokens != null ? override.maxTokens : maxTokens,
        override.topP != null ? override.topP : topP,
        override.stop != null ? override.stop : stop,
        override.seed != null ? override.seed : seed);
  }

  /**
   * A copy with the temperature set.
   *
   * @param value the value
   * @return a copy with the temperature set
   */
  public CallParameters withTemperature(double value) {
    return new CallParameters(value, maxTokens, topP, stop, seed);
  }

  /**
   * A copy with the maximum output tokens set.
   *
   * @param value the value
   * @return a copy with the maximum output tokens set
   */
  public CallParameters withMaxTokens(int value) {
    return new CallParameters(temperature, value, topP, stop, seed);
  }

  /**
   * A copy with top-p set.
   *
   * @param value the value
   * @return a copy with top-p set
   */
  public CallParameters withTopP(double value) {
    return new CallParameters(temperature, maxTokens, value, stop, seed);
  }

  /**
   * A copy with the stop sequences set.
   *
   * @param values the values
   * @return a copy with the stop sequences set
   */
  public CallParameters withStop(String... values) {
    return new CallParameters(temperature, maxTokens, topP, List.of(values), seed);
  }

  /**
   * A copy with the seed set.
   *
   * @param value the value
   * @return a copy with the seed set
   */
  public CallParameters withSeed(long value) {
    return new CallParameters(temperature, maxTokens, topP, stop, value);
  }

  @Override
  public String toString() {
    List<String> parts = new ArrayList<>();
    if (temperature != null) parts.add("temperature=" + temperature);
    if (maxTokens != null) parts.add("maxTokens=" + maxTokens);
    if (topP != null) parts.add("topP=" + topP);
    if (stop != null) parts.add("stop=" + stop);
    if (seed != null) parts.add("seed=" + seed);
    return "CallParameters" + parts;
  }
}
