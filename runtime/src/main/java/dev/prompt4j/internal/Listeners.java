package dev.prompt4j.internal;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.prompt4j.CallParameters;
import dev.prompt4j.Cost;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.PromptCall;
import dev.prompt4j.PromptListener;
import dev.prompt4j.Response;
import dev.prompt4j.Usage;
import dev.prompt4j.internal.stream.StreamSink;
import dev.prompt4j.internal.call.AttemptLoop;
import dev.prompt4j.internal.call.CallObserver;
import dev.prompt4j.internal.call.CallPlan;
import dev.prompt4j.internal.call.ModelRegistry;
import dev.prompt4j.internal.call.Target;
import dev.prompt4j.internal.cost.PriceTable;
import dev.prompt4j.provider.ProviderSettings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.ServiceLoader;
import java.util.Set;

/**
 * The {@link PromptListener}s of one runtime, and the per-call observers that tell them what happens.
 * With none, {@link #begin} hands every call {@link CallObserver#NONE}: no event, no handle, nothing
 * allocated. A listener that throws is logged once and otherwise ignored.
 */
final class Listeners {
  private static final System.Logger LOG = System.getLogger(Listeners.class.getName());

  private final PromptListener[] listeners;
  private final ModelRegistry models;
  private final AttemptLoop attempts;
  private final PriceTable prices;
  private final Set<PromptListener> failedOnce = Collections.synchronizedSet(Collections.newSetFromMap(new IdentityHashMap<>()));

  Listeners(List<PromptListener> listeners, ModelRegistry models, AttemptLoop attempts) {
    this.listeners = listeners.toArray(PromptListener[]::new);
    this.models = models;
    this.attempts = attempts;
    this.prices = attempts.prices();
  }

  /**
   * The listeners of a runtime: those given to the builder, then those named by {@code
   * prompt4j.listeners}, then those registered for {@link ServiceLoader}.
   */
  static List<PromptListener> collect(List<PromptListener> given, List<String> configured, ClassLoader loader, String source) {
    List<PromptListener> all = new ArrayList<>(given);
    for (String className : configured) {
      try {
        Class<?> type = Class.forName(className, true, loader);
        if (!PromptListener.class.isAssignableFrom(type)) {
          throw new Prompt4jException("prompt4j.listeners (" + source + ") names " + className + ", which does not implement "
              + PromptListener.class.getName());
        }
        all.add((PromptListener) type.getConstructor().newInstance());
      } catch (ReflectiveOperationException | LinkageError e) {
        throw new Prompt4jException("prompt4j.listeners (" + source + ") names " + className
            + ", which cannot be made: it needs to be on the class path with a public no-argument constructor (" + e + ")", e);
      }
    }
    ServiceLoader.load(PromptListener.class, loader).forEach(all::add);
    return all;
  }

  boolean isEmpty() {
    return listeners.length == 0;
  }

  /**
   * On the caller's thread of an async call: what each listener takes from it ({@link
   * PromptListener#captureCaller()}), by listener; {@code null} when nobody listens.
   */
  Object[] captureCaller() {
    if (listeners.length == 0) {
      return null;
    }
    Object[] captured = new Object[listeners.length];
    for (int i = 0; i < listeners.length; i++) {
      try {
        captured[i] = listeners[i].captureCaller();
      } catch (RuntimeException e) {
        failed(listeners[i], "captureCaller", e);
      }
    }
    return captured;
  }

  /** The observer of one call that starts now; {@link CallObserver#NONE} when nobody listens. */
  CallObserver begin(PromptMethod<?> method, CallResolver.ResolvedCall<?> call, TraceScope parent) {
    return begin(method, call, parent, null);
  }

  /** As {@link #begin(PromptMethod, CallResolver.ResolvedCall, TraceScope)}, with what {@link #captureCaller()} took, or {@code null}. */
  CallObserver begin(PromptMethod<?> method, CallResolver.ResolvedCall<?> call, TraceScope parent, Object[] caller) {
    if (listeners.length == 0) {
      return CallObserver.NONE;
    }
    Target first = call.plan().targets().get(0);
    PromptCall parentCall = null;
    String field = null;
    if (parent != null && parent.invocation() != null && parent.invocation().observer() instanceof Observer enclosing) {
      parentCall = enclosing.call;
      field = parent.field();
    }
    PromptCall handle = new PromptCall(method.interfaceName(), method.name(), call.promptVersion(), first.provider(), first.model(),
        call.plan().parameters(), parentCall, field, Instant.now());
    Observer observer = new Observer(handle);
    for (int i = 0; i < listeners.length; i++) {
      try {
        listeners[i].callStarted(handle, caller == null ? null : caller[i]);
      } catch (RuntimeException e) {
        failed(listeners[i], "callStarted", e);
      }
    }
    return observer;
  }

  private void failed(PromptListener listener, String event, RuntimeException e) {
    if (failedOnce.add(listener)) {
      LOG.log(System.Logger.Level.WARNING, "Prompt listener " + listener.getClass().getName() + " threw from " + event
          + "; the call goes on, and later failures of this listener are not logged", e);
    }
  }

  /** Calls {@code event} on every listener, each failure logged once and swallowed. */
  private void each(String name, java.util.function.Consumer<PromptListener> event) {
    for (PromptListener listener : listeners) {
      try {
        event.accept(listener);
      } catch (RuntimeException e) {
        failed(listener, name, e);
      }
    }
  }

  /** The observer of one call: turns the pipeline's steps into listener events. */
  final class Observer implements CallObserver {
    final PromptCall call;
    // Attempts of one call run one after another on one thread: the one in flight.
    private PromptListener.AttemptStart current;

    Observer(PromptCall call) {
      this.call = call;
    }

    @Override
    public void attemptStarted(CallPlan<?> plan, Target target, int attempt, String reason, String detail,
        List<ChatMessage> conversation, boolean structured) {
      CallParameters sent = attempts.sentParameters(plan, target);
      URI server = server(target);
      PromptListener.AttemptStart start = new PromptListener.AttemptStart(attempt, reason, detail, target.provider(), target.model(),
          plan.targets().indexOf(target), sent, List.copyOf(conversation), structured ? "json" : "text",
          server == null ? null : server.getHost(), server == null ? -1 : port(server), StreamSink.current() != null);
      current = start;
      each("attemptStarted", l -> l.attemptStarted(call, start));
    }

    @Override
    public void attemptFinished(CallPlan<?> plan, Target target, int attempt, ChatResponse response, Throwable failure, long nanos) {
      PromptListener.AttemptStart start = current;
      Usage usage = response == null ? Usage.ZERO : AttemptLoop.usage(response.tokenUsage());
      Cost cost = response == null ? Cost.ZERO : prices.cost(target.provider(), target.model(), usage);
      PromptListener.AttemptEnd end = new PromptListener.AttemptEnd(
          response == null ? null : response.id(),
          response == null ? null : response.modelName(),
          response == null || response.finishReason() == null ? null : response.finishReason().name(),
          usage, cost,
          response == null || response.aiMessage() == null ? null : response.aiMessage().text(),
          failure, Duration.ofNanos(nanos));
      each("attemptFinished", l -> l.attemptFinished(call, start, end));
    }

    @Override
    public void streamFirstChunk(CallPlan<?> plan, Target target, int attempt, long nanos) {
      PromptListener.AttemptStart start = current;
      Duration wait = Duration.ofNanos(nanos);
      each("streamFirstChunk", l -> l.streamFirstChunk(call, start, wait));
    }

    @Override
    public void streamCompleted(CallPlan<?> plan, Target target, int attempt) {
      PromptListener.AttemptStart start = current;
      each("streamCompleted", l -> l.streamCompleted(call, start));
    }

    @Override
    public void fallbackTaken(CallPlan<?> plan, Target from, Target to, int index, String reason) {
      PromptListener.Fallback fallback = new PromptListener.Fallback(from.provider(), from.model(), to.provider(), to.model(), index, reason);
      each("fallbackTaken", l -> l.fallbackTaken(call, fallback));
    }

    @Override
    public void fieldStarted(String field) {
      each("fieldStarted", l -> l.fieldStarted(call, field));
    }

    @Override
    public void fieldFinished(String field, long nanos, Throwable failure) {
      Duration duration = Duration.ofNanos(nanos);
      each("fieldFinished", l -> l.fieldFinished(call, field, duration, failure));
    }

    @Override
    public void toolCalled(String tool, long nanos, Throwable failure) {
      Duration duration = Duration.ofNanos(nanos);
      each("toolCalled", l -> l.toolCalled(call, tool, duration, failure));
    }

    @Override
    public void toolStarted(int turn, String id, String tool, String description, String arguments) {
      each("toolStarted", l -> l.toolStarted(call, turn, id, tool, description, arguments));
    }

    @Override
    public void toolFinished(dev.prompt4j.ToolCallRecord record, Throwable failure) {
      each("toolFinished", l -> l.toolFinished(call, record, failure));
    }

    @Override
    public void callFinished(Response<?> response, Throwable failure) {
      each("callFinished", l -> l.callFinished(call, response, failure));
    }
  }

  /** Where the provider's client sends: the configured base URL, else the provider's public endpoint. */
  private URI server(Target target) {
    if (target.client() != null || models.isGiven(target.provider(), target.model())) {
      return null; // a client given by code: its endpoint is its own
    }
    String base = null;
    try {
      ProviderSettings settings = models.settings(target.provider());
      base = settings == null ? null : settings.baseUrl();
    } catch (RuntimeException e) {
      // an unknown provider: sending reports it
    }
    if (base == null) {
      base = switch (target.provider()) {
        case "openai" -> "https://api.openai.com/v1";
        case "anthropic" -> "https://api.anthropic.com";
        case "gemini" -> "https://generativelanguage.googleapis.com";
        case "ollama" -> "http://localhost:11434";
        default -> null;
      };
    }
    try {
      return base == null ? null : URI.create(base);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static int port(URI uri) {
    if (uri.getPort() >= 0) {
      return uri.getPort();
    }
    return "https".equalsIgnoreCase(uri.getScheme()) ? 443 : "http".equalsIgnoreCase(uri.getScheme()) ? 80 : -1;
  }
}
