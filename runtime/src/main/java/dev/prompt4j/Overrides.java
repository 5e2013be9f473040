package dev.prompt4j;

import dev.langchain4j.model.chat.ChatModel;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Changes the configuration of a prompt instance at run time, without recompiling, in the manner of
 * Mirascope's {@code llm.override}. Settings apply to the whole interface until {@link #method}
 * selects one method; later settings apply to that method only.
 *
 * <pre>{@code
 * Trends tuned = Prompt4j.override(trends)
 *     .provider("anthropic").model("claude-haiku-4-5")            // every method
 *     .method("analyzeTrend").temperature(0.2).maxTokens(400)     // this method only
 *     .build();
 * }</pre>
 *
 * <p>Precedence, highest first: a method override, an interface override, configuration, the
 * method's {@code @Call}, the interface's {@code @Call}. Call parameters merge: an override sets the
 * parameters it names and keeps the others. Computed fields call other prompt methods of the same
 * instance, so an interface override reaches the calls they make, and a method override does not.
 *
 * @param <T> the prompt interface
 */
public final class Overrides<T> {
  private final T original;
  private final List<String> methods;
  private final Map<String, Change> changes = new HashMap<>(); // "" for the interface, else a method name
  private Executor executor;
  private String scope = "";

  Overrides(T original, List<String> methods) {
    this.original = original;
    this.methods = methods;
  }

  /**
   * What one source (code, or one configuration level) changes of a method's call; {@code null}
   * components change nothing.
   *
   * @param provider provider name
   * @param model model name
   * @param parameters parameters merged over the lower sources' ({@link CallParameters#overriddenBy})
   * @param client a model client used instead of the provider's (code only)
   * @param fallbacks fallback models as {@code provider:model}, replacing lower sources' list
   */
  public record Change(String provider, String model, CallParameters parameters, ChatModel client, List<String> fallbacks) {
    /** Changes nothing. */
    public static final Change NONE = new Change(null, null, null, null, null);

    /**
     * Copies the fallbacks.
     *
     * @param provider provider name
     * @param model model name
     * @param parameters parameters merged over the lower sources' ({@link CallParameters#overriddenBy})
     * @param client a model client used instead of the provider's (code only)
     * @param fallbacks fallback models as {@code provider:model}, replacing lower sources' list
     */
    public Change {
      fallbacks = fallbacks == null ? null : List.copyOf(fallbacks);
    }

    /**
     * This change where it sets a value, {@code lower} where it does not; parameters merge.
     *
     * @param lower the change of a lower source
     * @return the combined change
     */
    public Change over(Change lower) {
      if (lower == null || lower == NONE) {
        return this;
      }
      if (this == NONE) {
        return lower;
      }
      CallParameters merged =
          lower.parameters == null ? parameters : parameters == null ? lower.parameters : lower.parameters.overriddenBy(parameters);
      return new Change(
          provider != null ? provider : lower.provider,
          model != null ? model : lower.model,
          merged,
          client != null ? client : lower.client,
          fallbacks != null ? fallbacks : lower.fallbacks);
    }

    @Override
    public String toString() {
      // The client may hold a key: name its type only.
      return "Change[provider=" + provider + ", model=" + model + ", parameters=" + parameters
          + ", client=" + (client == null ? null : client.getClass().getSimpleName()) + ", fallbacks=" + fallbacks + "]";
    }
  }

  /**
   * Applies the following settings to {@code methodName} only.
   *
   * @param methodName a prompt method of the interface
   * @return this override
   * @throws IllegalArgumentException when the interface has no such prompt method
   */
  public Overrides<T> method(String methodName) {
    if (!methods.contains(methodName)) {
      throw new IllegalArgumentException(
          "No prompt method '" + methodName + "' in " + original.getClass().getInterfaces()[0].getSimpleName() + "; its prompt methods are " + methods);
    }
    scope = methodName;
    return this;
  }

  /**
   * Applies the following settings to every method of the interface.
   *
   * @return this override
   */
  public Overrides<T> allMethods() {
    scope = "";
    return this;
  }

  private Overrides<T> apply(Change change) {
    changes.merge(scope, change, (old, added) -> added.over(old));
    return this;
  }

  /**
   * The provider.
   *
   * @param provider a provider name, for example {@code "anthropic"}
   * @return this override
   */
  public Overrides<T> provider(String provider) {
    return apply(new Change(provider, null, null, null, null));
  }

  /**
   * The model.
   *
   * @param model a model name, for example {@code "gpt-4o"}
   * @return this override
   */
  public Overrides<T> model(String model) {
    return apply(new Change(null, model, null, null, null));
  }

  /**
   * Call parameters, merged over the current ones: set values replace, unset values keep.
   *
   * @param parameters the parameters to set
   * @return this override
   */
  public Overrides<T> parameters(CallParameters parameters) {
    return apply(new Change(null, null, parameters, null, null));
  }

  /**
   * The temperature.
   *
   * @param temperature the sampling temperature
   * @return this override
   */
  public Overrides<T> temperature(double temperature) {
    return parameters(CallParameters.none().withTemperature(temperature));
  }

  /**
   * The maximum output tokens.
   *
   * @param maxTokens the limit
   * @return this override
   */
  public Overrides<T> maxTokens(int maxTokens) {
    return parameters(CallParameters.none().withMaxTokens(maxTokens));
  }

  /**
   * Top-p.
   *
   * @param topP nucleus sampling probability
   * @return this override
   */
  public Overrides<T> topP(double topP) {
    return parameters(CallParameters.none().withTopP(topP));
  }

  /**
   * The seed.
   *
   * @param seed the sampling seed
   * @return this override
   */
  public Overrides<T> seed(long seed) {
    return parameters(CallParameters.none().withSeed(seed));
  }

  /**
   * A client used instead of the provider's: any langchain4j {@link ChatModel}. It stands in for the
   * model: requests name a model only if code or configuration chose one (the client keeps its own
   * otherwise), and the annotation's fallbacks do not apply, only {@link #fallbacks} given in code.
   *
   * @param client the client
   * @return this override
   */
  public Overrides<T> client(ChatModel client) {
    return apply(new Change(null, null, null, client, null));
  }

  /**
   * Fallback models tried in order when the model fails; replaces the current list.
   *
   * @param fallbacks models as {@code "provider:model"}
   * @return this override
   */
  public Overrides<T> fallbacks(String... fallbacks) {
    return apply(new Change(null, null, null, null, List.of(fallbacks)));
  }

  /**
   * Runs computed fields and async methods on {@code executor} (every method).
   *
   * @param executor the executor
   * @return this override
   */
  public Overrides<T> executor(Executor executor) {
    this.executor = executor;
    return this;
  }

  /**
   * A new instance with the overrides; the original instance is unchanged.
   *
   * @return the new instance
   */
  public T build() {
    return Prompt4j.engine().override(original, Map.copyOf(changes), executor);
  }

  @Override
  public String toString() {
    return "Overrides[" + original.getClass().getSimpleName() + ", scope=" + (scope.isEmpty() ? "*" : scope) + "]";
  }
}
