package dev.prompt4j;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.internal.CallOverride;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.PromptContext;
import java.util.List;
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
  private final GeneratedPrompts generated;
  private PromptContext context;
  private String scope = "";

  Overrides(T original, GeneratedPrompts generated) {
    this.original = original;
    this.generated = generated;
    this.context = generated.prompt4jContext();
  }

  /** Applies the following settings to {@code methodName} only. */
  public Overrides<T> method(String methodName) {
    List<String> methods = generated.prompt4jFactory().methods();
    if (!methods.contains(methodName)) {
      throw new IllegalArgumentException(
          "No prompt method '" + methodName + "' in " + generated.prompt4jFactory().type().getSimpleName() + "; its prompt methods are " + methods);
    }
    scope = methodName;
    return this;
  }

  /** Applies the following settings to every method of the interface. */
  public Overrides<T> allMethods() {
    scope = "";
    return this;
  }

  private Overrides<T> apply(CallOverride override) {
    context = context.withOverride(scope, override);
    return this;
  }

  /** The provider, for example {@code "anthropic"}. */
  public Overrides<T> provider(String provider) {
    return apply(CallOverride.NONE.withProvider(provider));
  }

  /** The model, for example {@code "gpt-4o"}. */
  public Overrides<T> model(String model) {
    return apply(CallOverride.NONE.withModel(model));
  }

  /** Call parameters, merged over the current ones: set values replace, unset values keep. */
  public Overrides<T> parameters(CallParameters parameters) {
    return apply(new CallOverride(null, null, parameters, null, null));
  }

  /** The temperature. */
  public Overrides<T> temperature(double temperature) {
    return parameters(CallParameters.none().withTemperature(temperature));
  }

  /** The maximum output tokens. */
  public Overrides<T> maxTokens(int maxTokens) {
    return parameters(CallParameters.none().withMaxTokens(maxTokens));
  }

  /** Top-p. */
  public Overrides<T> topP(double topP) {
    return parameters(CallParameters.none().withTopP(topP));
  }

  /** The seed. */
  public Overrides<T> seed(long seed) {
    return parameters(CallParameters.none().withSeed(seed));
  }

  /**
   * A client used instead of the provider's: any langchain4j {@link ChatModel}. It stands in for the
   * model: requests name a model only if code or configuration chose one (the client keeps its own
   * otherwise), and the annotation's fallbacks do not apply, only {@link #fallbacks} given in code.
   */
  public Overrides<T> client(ChatModel client) {
    return apply(CallOverride.NONE.withClient(client));
  }

  /** Fallback models, {@code "provider:model"}, tried in order when the model fails; replaces the current list. */
  public Overrides<T> fallbacks(String... fallbacks) {
    return apply(CallOverride.NONE.withFallbacks(List.of(fallbacks)));
  }

  /** Runs computed fields and async methods on {@code executor} (every method). */
  public Overrides<T> executor(Executor executor) {
    context = context.withExecutor(executor);
    return this;
  }

  /** A new instance with the overrides; the original instance is unchanged. */
  @SuppressWarnings("unchecked")
  public T build() {
    return (T) generated.prompt4jWith(context);
  }

  @Override
  public String toString() {
    return "Overrides[" + original.getClass().getSimpleName() + ", scope=" + (scope.isEmpty() ? "*" : scope) + "]";
  }
}
