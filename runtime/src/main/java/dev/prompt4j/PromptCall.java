package dev.prompt4j;

import java.time.Instant;

/**
 * One prompt call in flight, as {@link PromptListener}s see it: the same instance is passed to every
 * event of the call, so a listener can key what it keeps by it (identity, not value). A call made while
 * a computed field of another call runs names that call as its {@link #parent()} and the field as
 * {@link #field()}, whatever thread the field runs on.
 *
 * <pre>{@code
 * public void callStarted(PromptCall call) {
 *   log.info(call.method() + (call.parent() == null ? "" : " for " + call.parent().method() + "." + call.field()));
 * }
 * }</pre>
 *
 * <p>Made by the runtime; applications only read it.
 */
public final class PromptCall {
  private final String interfaceName;
  private final String methodName;
  private final String promptVersion;
  private final String provider;
  private final String model;
  private final CallParameters parameters;
  private final PromptCall parent;
  private final String field;
  private final Instant startedAt;

  /**
   * Made by the runtime when a call starts.
   *
   * @param interfaceName the prompt interface's simple name
   * @param methodName the prompt method
   * @param promptVersion the stable hash of the template and the effective configuration
   * @param provider the provider asked first
   * @param model the model asked first
   * @param parameters the call parameters after every override
   * @param parent the call whose computed field made this call, or {@code null}
   * @param field the computed field of {@code parent} that made this call, or {@code null}
   * @param startedAt when the call started
   */
  public PromptCall(String interfaceName, String methodName, String promptVersion, String provider, String model,
      CallParameters parameters, PromptCall parent, String field, Instant startedAt) {
    this.interfaceName = interfaceName;
    this.methodName = methodName;
    this.promptVersion = promptVersion;
    this.provider = provider;
    this.model = model;
    this.parameters = parameters == null ? CallParameters.NONE : parameters;
    this.parent = parent;
    this.field = field;
    this.startedAt = startedAt;
  }

  /**
   * The prompt interface's simple name, such as {@code TrendAnalysis}.
   *
   * @return the prompt interface's simple name, such as {@code TrendAnalysis}
   */
  public String interfaceName() {
    return interfaceName;
  }

  /**
   * The prompt method, such as {@code classifyTrend}.
   *
   * @return the prompt method, such as {@code classifyTrend}
   */
  public String methodName() {
    return methodName;
  }

  /**
   * {@code Interface.method}, as {@link Response#method()}.
   *
   * @return {@code Interface.method}, as {@link Response#method()}
   */
  public String method() {
    return interfaceName + "." + methodName;
  }

  /**
   * The stable hash of the template and the effective call configuration ({@link Response#promptVersion()}).
   *
   * @return the stable hash of the template and the effective call configuration ({@link Response#promptVersion()})
   */
  public String promptVersion() {
    return promptVersion;
  }

  /**
   * The provider asked first (a fallback may answer instead).
   *
   * @return the provider asked first (a fallback may answer instead)
   */
  public String provider() {
    return provider;
  }

  /**
   * The model asked first (a fallback may answer instead).
   *
   * @return the model asked first (a fallback may answer instead)
   */
  public String model() {
    return model;
  }

  /**
   * The call parameters after every override (what a client takes is in each attempt).
   *
   * @return the call parameters after every override (what a client takes is in each attempt)
   */
  public CallParameters parameters() {
    return parameters;
  }

  /**
   * The call whose computed field made this call, or {@code null} for a top-level call.
   *
   * @return the call whose computed field made this call, or {@code null} for a top-level call
   */
  public PromptCall parent() {
    return parent;
  }

  /**
   * The computed field of {@link #parent()} that made this call, or {@code null}.
   *
   * @return the computed field of {@link #parent()} that made this call, or {@code null}
   */
  public String field() {
    return field;
  }

  /**
   * When the call started, before its computed fields.
   *
   * @return when the call started, before its computed fields
   */
  public Instant startedAt() {
    return startedAt;
  }

  @Override
  public String toString() {
    return "PromptCall[" + method() + " -> " + provider + ":" + model + (parent == null ? "" : ", in " + parent.method() + "." + field) + "]";
  }
}
