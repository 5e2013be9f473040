package dev.prompt4j.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.CallParameters;
import java.util.List;

/**
 * The effective configuration of one prompt method in one context: models to try in order, the
 * parameters, and the prompt version that identifies template plus configuration.
 *
 * @param targets the model, then its fallbacks
 * @param parameters call parameters after every override
 * @param promptVersion stable hash of the template and the effective configuration
 */
public record ResolvedCall(List<Target> targets, CallParameters parameters, String promptVersion) {

  /**
   * One model to ask.
   *
   * @param provider provider name
   * @param model model name
   * @param client the client given by code, or {@code null} for the provider's
   */
  public record Target(String provider, String model, ChatModel client) {
    @Override
    public String toString() {
      return provider + ":" + model;
    }
  }
}
