package dev.prompt4j.internal;

import dev.prompt4j.CallParameters;
import java.util.List;

/**
 * The {@code @Call} configuration the processor read for one method (method attributes over the
 * interface's), before run-time overrides.
 *
 * @param provider provider name
 * @param model model name
 * @param parameters call parameters set in the annotation
 * @param fallbacks fallback models as {@code provider:model}
 */
public record CallSpec(String provider, String model, CallParameters parameters, List<String> fallbacks) {
  public CallSpec {
    parameters = parameters == null ? CallParameters.NONE : parameters;
    fallbacks = List.copyOf(fallbacks);
  }

  /** A provider and model with no parameter and no fallback. */
  public static CallSpec of(String provider, String model) {
    return new CallSpec(provider, model, CallParameters.NONE, List.of());
  }

  /** A copy with these parameters. */
  public CallSpec withParameters(CallParameters parameters) {
    return new CallSpec(provider, model, parameters, fallbacks);
  }

  /** A copy with these fallbacks. */
  public CallSpec withFallbacks(String... fallbacks) {
    return new CallSpec(provider, model, parameters, List.of(fallbacks));
  }
}
