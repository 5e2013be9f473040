package dev.prompt4j.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.CallParameters;
import java.util.List;

/**
 * What one source (code, or one configuration level) changes of a method's call; {@code null} fields
 * change nothing.
 *
 * @param provider provider name
 * @param model model name
 * @param parameters parameters merged over the lower sources' ({@link CallParameters#overriddenBy})
 * @param client a model client used instead of the provider's (code only)
 * @param fallbacks fallback models as {@code provider:model}, replacing lower sources' list
 */
public record CallOverride(String provider, String model, CallParameters parameters, ChatModel client, List<String> fallbacks) {
  /** Changes nothing. */
  public static final CallOverride NONE = new CallOverride(null, null, null, null, null);

  public CallOverride {
    fallbacks = fallbacks == null ? null : List.copyOf(fallbacks);
  }

  /** This override where it sets a value, {@code lower} where it does not; parameters merge. */
  public CallOverride over(CallOverride lower) {
    if (lower == null || lower == NONE) {
      return this;
    }
    if (this == NONE) {
      return lower;
    }
    CallParameters merged =
        lower.parameters == null ? parameters : parameters == null ? lower.parameters : lower.parameters.overriddenBy(parameters);
    return new CallOverride(
        provider != null ? provider : lower.provider,
        model != null ? model : lower.model,
        merged,
        client != null ? client : lower.client,
        fallbacks != null ? fallbacks : lower.fallbacks);
  }

  public CallOverride withProvider(String value) {
    return new CallOverride(value, model, parameters, client, fallbacks);
  }

  public CallOverride withModel(String value) {
    return new CallOverride(provider, value, parameters, client, fallbacks);
  }

  public CallOverride withParameters(CallParameters value) {
    return new CallOverride(provider, model, parameters == null ? value : parameters.overriddenBy(value), client, fallbacks);
  }

  public CallOverride withClient(ChatModel value) {
    return new CallOverride(provider, model, parameters, value, fallbacks);
  }

  public CallOverride withFallbacks(List<String> value) {
    return new CallOverride(provider, model, parameters, client, value);
  }

  @Override
  public String toString() {
    // The client may hold a key: name its type only.
    return "CallOverride[provider=" + provider + ", model=" + model + ", parameters=" + parameters
        + ", client=" + (client == null ? null : client.getClass().getSimpleName()) + ", fallbacks=" + fallbacks + "]";
  }
}
