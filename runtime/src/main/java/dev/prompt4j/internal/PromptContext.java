package dev.prompt4j.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.CallParameters;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * Everything a generated instance calls models through: configuration, code overrides, model clients
 * and the executor. Immutable: an override makes a new context, so instances are safe to share
 * between threads and the original instance never changes.
 */
public final class PromptContext {
  /** Re-asks allowed for an answer that does not parse, counting the first: {@code prompt4j.max-attempts}. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  private static volatile PromptContext defaults;

  private final Configuration configuration;
  private final ModelRegistry models;
  private final Executor executor;
  private final Map<String, CallOverride> overrides; // "" for the interface, else a method name
  private final RetryPolicy retries;
  private final CallExecutor calls;
  private final ConcurrentHashMap<PromptMethod<?>, ResolvedCall> resolved = new ConcurrentHashMap<>();

  private PromptContext(
      Configuration configuration, ModelRegistry models, Executor executor, Map<String, CallOverride> overrides, RetryPolicy retries) {
    this.configuration = configuration;
    this.models = models;
    this.executor = executor;
    this.overrides = Map.copyOf(overrides);
    this.retries = retries;
    this.calls = new CallExecutor(models, new OutputSettings(configuration), retries);
  }

  /** The shared context: configuration as loaded at first use, providers from the class path. */
  public static PromptContext defaults() {
    PromptContext context = defaults;
    if (context == null) {
      synchronized (PromptContext.class) {
        context = defaults;
        if (context == null) {
          context = create(Configuration.load(), PromptContext.class.getClassLoader());
          defaults = context;
        }
      }
    }
    return context;
  }

  /** A context on this configuration, with the providers found by {@code loader}. */
  public static PromptContext create(Configuration configuration, ClassLoader loader) {
    return new PromptContext(configuration, new ModelRegistry(ModelRegistry.discover(loader), configuration), DefaultExecutor.get(), Map.of(),
        RetryPolicy.from(configuration, RetryPolicy.Sleeper.THREAD));
  }

  /** A copy with {@code override} applied over the current override of {@code scope} ("" for the interface). */
  public PromptContext withOverride(String scope, CallOverride override) {
    Map<String, CallOverride> next = new HashMap<>(overrides);
    next.merge(scope, override, (old, added) -> added.over(old));
    return new PromptContext(configuration, models, executor, next, retries);
  }

  /** A copy that runs computed fields and async calls on {@code executor}. */
  public PromptContext withExecutor(Executor executor) {
    return new PromptContext(configuration, models, executor, overrides, retries);
  }

  /**
   * A copy that waits between retries with {@code sleeper} instead of sleeping: for tests, which
   * record the waits the {@link RetryPolicy} asked for. Model clients are shared with this context.
   */
  public PromptContext withRetrySleeper(RetryPolicy.Sleeper sleeper) {
    return new PromptContext(configuration, models, executor, overrides, retries.withSleeper(sleeper));
  }

  /** The executor of computed fields and async calls. */
  public Executor executor() {
    return executor;
  }

  /** Calls the model for {@code method}: computes the fields, renders the messages, sends, parses. */
  public <T> Response<T> invoke(PromptMethod<T> method, MessageRenderer renderer) {
    return invoke(method, renderer, TraceScope.current());
  }

  /**
   * As {@link #invoke}, without blocking the caller; the call is traced where it was made, and
   * cancelling the future stops it (the model request is interrupted, the fields cancelled).
   */
  public <T> CompletableFuture<Response<T>> invokeAsync(PromptMethod<T> method, MessageRenderer renderer) {
    TraceScope scope = TraceScope.current();
    return AsyncCall.start(executor, () -> invoke(method, renderer, scope));
  }

  /**
   * As {@link #invokeAsync}, for methods returning {@code CompletableFuture<T>}: the future holds the
   * value, and cancelling it stops the call.
   */
  public <T> CompletableFuture<T> invokeAsyncValue(PromptMethod<T> method, MessageRenderer renderer) {
    TraceScope scope = TraceScope.current();
    return AsyncCall.start(executor, () -> invoke(method, renderer, scope).value());
  }

  private <T> Response<T> invoke(PromptMethod<T> method, MessageRenderer renderer, TraceScope parent) {
    long start = System.nanoTime();
    ResolvedCall call = resolve(method);
    Invocation invocation = new Invocation(method, parent, executor, call.limits());
    // Fields, then the model call, within prompt4j.chain-timeout; the model call within prompt4j.timeout.
    Response<T> response = invocation.run(renderer, messages -> {
      CallExecutor.Outcome<T> outcome = invocation.send(() -> calls.execute(method, call, messages, invocation.hadFields() ? System.nanoTime() : start));
      return Response.<T>builder()
            .value(outcome.value())
            .rawText(outcome.rawText())
            .method(method.qualifiedName())
            .field(parent == null ? null : parent.field())
            .provider(outcome.target().provider())
            .model(outcome.target().model())
            .parameters(call.parameters())
            .messages(outcome.messages())
            .usage(outcome.usage())
            .finishReason(outcome.finishReason())
            .startNanos(start)
            .latency(Duration.ofNanos(System.nanoTime() - start))
            .thread(Thread.currentThread().getName())
            .failedAttempts(outcome.failedAttempts())
            .promptVersion(call.promptVersion())
            .outputMode(outcome.outputMode())
            .fields(invocation.fields())
            .calls(invocation.calls())
            .build();
    });
    if (parent != null) {
      parent.record(response);
    }
    return response;
  }

  /** The effective configuration of {@code method}: code, then configuration, then the annotation. */
  public ResolvedCall resolve(PromptMethod<?> method) {
    return resolved.computeIfAbsent(method, this::computeResolution);
  }

  private ResolvedCall computeResolution(PromptMethod<?> method) {
    CallSpec spec = method.call();
    CallOverride annotation = new CallOverride(spec.provider(), spec.model(), spec.parameters(), null, spec.fallbacks());
    CallOverride methodCode = overrides.getOrDefault(method.name(), CallOverride.NONE);
    CallOverride code = methodCode.over(overrides.getOrDefault("", CallOverride.NONE));
    CallOverride configured = configuration.callOverride(method.interfaceName(), method.name());
    CallOverride effective = code.over(configured).over(annotation);
    CallParameters parameters = effective.parameters() == null ? CallParameters.NONE : effective.parameters();

    // A client given by code answers for its scope, unless the method itself names another provider.
    ChatModel client = methodCode.provider() != null && methodCode.client() == null ? null : effective.client();
    // Such a client stands in for the model: fallbacks to real providers apply only if code asked for them,
    // so a test with a scripted client never reaches a real provider.
    List<String> fallbacks = client != null ? (code.fallbacks() != null ? code.fallbacks() : List.of()) : effective.fallbacks();
    // And it is sent a model name only when code or configuration chose one, not the annotation's.
    boolean sendModel = client == null || code.model() != null || configured.model() != null;

    List<ResolvedCall.Target> targets = new ArrayList<>();
    targets.add(new ResolvedCall.Target(method, effective.provider(), effective.model(), client, sendModel));
    for (String fallback : fallbacks) {
      int colon = fallback.indexOf(':');
      if (colon <= 0 || colon == fallback.length() - 1) {
        throw new Prompt4jException(method.qualifiedName() + ": fallback '" + fallback + "' is not of the form provider:model");
      }
      targets.add(new ResolvedCall.Target(method, fallback.substring(0, colon), fallback.substring(colon + 1), null, true));
    }
    String version = version(method.templateHash() + '|' + targets + '|' + parameters);
    return new ResolvedCall(List.copyOf(targets), parameters, version, Invocation.Limits.of(configuration, method));
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
