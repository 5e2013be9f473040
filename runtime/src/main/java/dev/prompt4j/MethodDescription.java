package dev.prompt4j;

import java.util.List;

/**
 * What a prompt method calls before it is ever called: its provider and model after the {@code @Call}
 * annotation, configuration and the runtime's overrides, its fallbacks, the answers it accepts and its
 * prompt version id (the one its calls will report). Read-only; made by {@link PromptRuntime#describe}.
 *
 * <pre>{@code
 * for (MethodDescription method : runtime.describe(TrendAnalysis.class)) {
 *   System.out.println(method.method() + " -> " + method.provider() + ":" + method.model());
 * }
 * }</pre>
 *
 * @param interfaceName the prompt interface's simple name, as configuration keys use it
 * @param method the method name
 * @param provider the provider a call goes to first
 * @param model the model it asks for
 * @param fallbacks the {@code provider:model} fallbacks, in order
 * @param maxAttempts answers accepted, counting the first
 * @param promptVersion the prompt version id: template and effective configuration
 */
public record MethodDescription(String interfaceName, String method, String provider, String model, List<String> fallbacks,
    int maxAttempts, String promptVersion) {
  /** Copies the fallbacks. */
  public MethodDescription {
    fallbacks = List.copyOf(fallbacks);
  }
}
