package dev.prompt4j.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.CallParameters;
import dev.prompt4j.Overrides;
import dev.prompt4j.internal.call.CallPlan;
import dev.prompt4j.internal.call.Target;
import dev.prompt4j.internal.config.Configuration;
import dev.prompt4j.internal.config.MethodKey;
import dev.prompt4j.internal.config.Setting;
import dev.prompt4j.internal.output.OutputMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The first stage of a call: what a method's call is in one context, worked out once and then only
 * read. Precedence, highest first: a method override in code, an interface override in code,
 * configuration (by {@link Configuration#callOverride}'s rule), the method's {@code @Call}, the
 * interface's {@code @Call}. The result names the models to try in order (fallbacks), the
 * parameters, the attempt limit and output mode, the time limits and the prompt version.
 */
final class CallResolver {
  private final Configuration configuration;
  private final Map<String, Overrides.Change> overrides; // "" for the interface, else a method name
  private final ConcurrentHashMap<PromptMethod<?>, ResolvedCall<?>> resolved = new ConcurrentHashMap<>();

  CallResolver(Configuration configuration, Map<String, Overrides.Change> overrides) {
    this.configuration = configuration;
    this.overrides = Map.copyOf(overrides);
  }

  /**
   * What one call of a method is, in a context.
   *
   * @param plan what the attempt loop sends
   * @param promptVersion stable hash of the template and the effective configuration
   * @param limits the time limits
   * @param <T> the value type
   */
  record ResolvedCall<T>(CallPlan<T> plan, String promptVersion, Limits limits) {}

  @SuppressWarnings("unchecked")
  <T> ResolvedCall<T> resolve(PromptMethod<T> method) {
    ResolvedCall<?> known = resolved.get(method); // every call: no capturing method reference once resolved
    return known != null ? (ResolvedCall<T>) known : first(method);
  }

  /** The first call of {@code method}: out of {@link #resolve}, which stays small enough for the JIT to inline into the call. */
  @SuppressWarnings("unchecked")
  private <T> ResolvedCall<T> first(PromptMethod<T> method) {
    return (ResolvedCall<T>) resolved.computeIfAbsent(method, this::compute);
  }

  private <T> ResolvedCall<T> compute(PromptMethod<T> method) {
    CallSpec spec = method.call();
    MethodKey key = method.key();
    Overrides.Change annotation = new Overrides.Change(spec.provider(), spec.model(), spec.parameters(), null, spec.fallbacks());
    Overrides.Change methodCode = overrides.getOrDefault(method.name(), Overrides.Change.NONE);
    Overrides.Change code = methodCode.over(overrides.getOrDefault("", Overrides.Change.NONE));
    Overrides.Change configured = configuration.callOverride(key);
    Overrides.Change effective = code.over(configured).over(annotation);
    CallParameters parameters = effective.parameters() == null ? CallParameters.NONE : effective.parameters();
    String model = model(effective, annotation, code, configured);

    // A client given by code answers for its scope, unless the method itself names another provider.
    ChatModel client = methodCode.provider() != null && methodCode.client() == null ? null : effective.client();
    // Such a client stands in for the model: fallbacks to real providers apply only if code asked for them,
    // so a test with a scripted client never reaches a real provider.
    List<String> fallbacks = client != null ? (code.fallbacks() != null ? code.fallbacks() : List.of()) : effective.fallbacks();
    // And it is sent a model name only when code or configuration chose one, not the annotation's.
    boolean sendModel = client == null || code.model() != null || configured.model() != null || !model.equals(effective.model());

    List<String[]> fallbackTargets = new ArrayList<>();
    List<String> names = new ArrayList<>(List.of(effective.provider() + ":" + model));
    for (String fallback : fallbacks) {
      int colon = fallback.indexOf(':');
      if (colon <= 0 || colon == fallback.length() - 1) {
        throw new dev.prompt4j.Prompt4jException(method.qualifiedName() + ": fallback '" + fallback + "' is not of the form provider:model");
      }
      fallbackTargets.add(new String[] {fallback.substring(0, colon), fallback.substring(colon + 1)});
      names.add(fallback);
    }
    // Known before the targets are made: every request carries it (RequestContext), for recordings to be dated by.
    String version = version(method.templateHash() + '|' + names + '|' + parameters);
    List<Target> targets = new ArrayList<>();
    targets.add(new Target(method.interfaceName(), method.name(), effective.provider(), model, client, sendModel, version));
    for (String[] fallback : fallbackTargets) {
      targets.add(new Target(method.interfaceName(), method.name(), fallback[0], fallback[1], null, true, version));
    }
    Integer configuredAttempts = configuration.methodSetting(key, Setting.MAX_ATTEMPTS);
    int maxAttempts = configuredAttempts != null ? configuredAttempts
        : method.maxAttempts() > 0 ? method.maxAttempts() : PromptContext.DEFAULT_MAX_ATTEMPTS;
    String mode = configuration.methodSetting(key, Setting.OUTPUT_MODE);
    CallPlan<T> plan = new CallPlan<>(method.qualifiedName(), method.name(), method.output(), targets, parameters, maxAttempts,
        OutputMode.parse(mode));
    Limits limits = Limits.of(configuration.methodSetting(key, Setting.TIMEOUT), configuration.methodSetting(key, Setting.CHAIN_TIMEOUT));
    return new ResolvedCall<>(plan, version, limits);
  }

  /**
   * The model of a call: code's, else configuration's, else the annotation's when the call goes to the
   * annotation's provider, else the default model of the provider it goes to ({@code
   * prompt4j.providers.<name>.model}), else the annotation's.
   */
  private String model(Overrides.Change effective, Overrides.Change annotation, Overrides.Change code, Overrides.Change configured) {
    if (code.model() != null || configured.model() != null || java.util.Objects.equals(annotation.provider(), effective.provider())) {
      return effective.model();
    }
    String instanceModel = configuration.providerModel(effective.provider());
    return instanceModel != null ? instanceModel : effective.model();
  }

  /** The tool loop limits of {@code method} (configuration is read per call: few calls have tools). */
  dev.prompt4j.internal.call.ToolLimits toolLimits(PromptMethod<?> method) {
    return dev.prompt4j.internal.call.ToolLimits.of(configuration, method.key());
  }

  private static String version(String text) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest, 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
