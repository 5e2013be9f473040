package dev.prompt4j.internal;

import dev.prompt4j.Overrides;
import dev.langchain4j.data.message.ChatMessage;
import dev.prompt4j.PromptRuntime;
import dev.prompt4j.PromptStream;
import dev.prompt4j.Response;
import dev.prompt4j.internal.output.OutputType;
import dev.prompt4j.internal.stream.Partials;
import dev.prompt4j.internal.stream.StreamChannel;
import dev.prompt4j.internal.stream.StreamRules;
import dev.prompt4j.internal.stream.StreamSink;
import dev.prompt4j.internal.tools.ToolSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiFunction;

/**
 * What a generated instance calls models through (generated-code ABI): a runtime with the overrides
 * of one instance. Immutable: an override makes a new context, so instances are safe to share
 * between threads and the original instance never changes.
 *
 * <p>Generated code calls {@link #defaults()}, {@link #invoke}, {@link #invokeAsync} and {@link
 * #invokeAsyncValue}, {@link #invokeStream}; nothing else of it is meant for callers.
 */
public final class PromptContext implements PromptRuntime {
  /** Answers accepted for a method, counting the first, when neither configuration nor {@code @Prompt(maxAttempts)} says. */
  public static final int DEFAULT_MAX_ATTEMPTS = 3;

  private static volatile PromptContext defaults;

  private final RuntimeCore core;
  private final Map<String, Overrides.Change> overrides; // "" for the interface, else a method name
  private final Executor executor;
  private final CallResolver resolver;
  private final CallPipeline pipeline;

  PromptContext(RuntimeCore core, Map<String, Overrides.Change> overrides, Executor executor) {
    this.core = core;
    this.overrides = Map.copyOf(overrides);
    this.executor = executor;
    this.resolver = new CallResolver(core.configuration, this.overrides);
    this.pipeline = new CallPipeline(resolver, core.attempts, executor, core.listeners, core.log);
  }

  /**
   * The default runtime: configuration as loaded at first use, providers from the class path.
   *
   * @return the shared default context
   */
  public static PromptContext defaults() {
    PromptContext context = defaults;
    if (context == null) {
      synchronized (PromptContext.class) {
        context = defaults;
        if (context == null) {
          RuntimeCore core = RuntimeCore.of(RuntimeCore.defaultSettings());
          context = new PromptContext(core, Map.of(), core.executor);
          defaults = context;
        }
      }
    }
    return context;
  }

  @Override
  public <T> T create(Class<T> type) {
    return Factories.of(type).create(this);
  }

  @Override
  public List<dev.prompt4j.MethodDescription> describe(Class<?> type) {
    return MethodDescriptions.of(type, this, resolver);
  }

  /** A copy with {@code changes} applied over this context's, and {@code executor} unless {@code null}. */
  PromptContext withOverrides(Map<String, Overrides.Change> changes, Executor executor) {
    Map<String, Overrides.Change> next = new HashMap<>(overrides);
    changes.forEach((scope, change) -> next.merge(scope, change, (old, added) -> added.over(old)));
    return new PromptContext(core, next, executor == null ? this.executor : executor);
  }

  /**
   * Calls the model for {@code method}: computes the fields, renders the messages, sends, parses.
   *
   * @param method the prompt method
   * @param renderer computes the fields and renders the messages
   * @param <T> the value type
   * @return the response
   */
  public <T> Response<T> invoke(PromptMethod<T> method, MessageRenderer renderer) {
    return pipeline.run(method, renderer, TraceScope.current());
  }

  /**
   * As {@link #invoke}, offering the model {@code tools} (a tool loop).
   *
   * @param method the prompt method
   * @param renderer computes the fields and renders the messages
   * @param tools the tools of this call
   * @param <T> the value type
   * @return the response
   */
  public <T> Response<T> invoke(PromptMethod<T> method, MessageRenderer renderer, ToolSet tools) {
    return pipeline.run(method, renderer, TraceScope.current(), tools, null);
  }

  /**
   * Goes on with a call of {@code method} that paused for approval (generated {@code prompt4jResume}).
   *
   * @param method the prompt method that paused
   * @param resumption the paused state and the decisions
   * @param tools the tools of the method
   * @param <T> the value type
   * @return the response of the call that went on
   */
  public <T> Response<T> resume(PromptMethod<T> method, ToolResumption resumption, ToolSet tools) {
    return pipeline.resume(method, TraceScope.current(), tools, resumption.state(), resumption.decisions());
  }

  /**
   * As {@link #invokeAsync}, offering the model {@code tools}.
   *
   * @param method the prompt method
   * @param renderer computes the fields and renders the messages
   * @param tools the tools of this call
   * @param <T> the value type
   * @return the future response
   */
  public <T> CompletableFuture<Response<T>> invokeAsync(PromptMethod<T> method, MessageRenderer renderer, ToolSet tools) {
    TraceScope scope = TraceScope.current();
    Object[] caller = pipeline.captureCaller();
    return AsyncCall.start(executor, () -> pipeline.run(method, renderer, scope, tools, caller));
  }

  /**
   * As {@link #invokeAsyncValue}, offering the model {@code tools}.
   *
   * @param method the prompt method
   * @param renderer computes the fields and renders the messages
   * @param tools the tools of this call
   * @param <T> the value type
   * @return the future value
   */
  public <T> CompletableFuture<T> invokeAsyncValue(PromptMethod<T> method, MessageRenderer renderer, ToolSet tools) {
    TraceScope scope = TraceScope.current();
    Object[] caller = pipeline.captureCaller();
    return AsyncCall.start(executor, () -> pipeline.run(method, renderer, scope, tools, caller).value());
  }

  /**
   * As {@link #invoke}, without blocking the caller; the call is traced where it was made, and
   * cancelling the future stops it (the model request is interrupted, the fields cancelled).
   *
   * @param method the prompt method
   * @param renderer computes the fields and renders the messages
   * @param <T> the value type
   * @return the future response
   */
  public <T> CompletableFuture<Response<T>> invokeAsync(PromptMethod<T> method, MessageRenderer renderer) {
    TraceScope scope = TraceScope.current();
    Object[] caller = pipeline.captureCaller();
    return AsyncCall.start(executor, () -> pipeline.run(method, renderer, scope, ToolSet.NONE, caller));
  }

  /**
   * As {@link #invokeAsync}, for methods returning {@code CompletableFuture<T>}: the future holds the
   * value, and cancelling it stops the call.
   *
   * @param method the prompt method
   * @param renderer computes the fields and renders the messages
   * @param <T> the value type
   * @return the future value
   */
  public <T> CompletableFuture<T> invokeAsyncValue(PromptMethod<T> method, MessageRenderer renderer) {
    TraceScope scope = TraceScope.current();
    Object[] caller = pipeline.captureCaller();
    return AsyncCall.start(executor, () -> pipeline.run(method, renderer, scope, ToolSet.NONE, caller).value());
  }

  /**
   * Streams the call for {@code method} (methods returning {@code PromptStream<T>}, {@code
   * Flow.Publisher<String>}, {@code Stream<String>}): runs it as {@link #invokeAsync} does, with the
   * requests sent after the computed fields streaming their chunks to the returned stream.
   *
   * @param method the prompt method
   * @param renderer computes the fields and renders the messages
   * @param <T> the value type
   * @return the stream, already started
   */
  public <T> PromptStream<T> invokeStream(PromptMethod<T> method, MessageRenderer renderer) {
    return invokeStream(method, StreamRules.NONE, renderer);
  }

  /**
   * As {@link #invokeStream(PromptMethod, MessageRenderer)}, for a record answer with {@code
   * @StreamDone} or {@code @StreamRequired} components.
   *
   * @param method the prompt method
   * @param rules the components' streaming rules
   * @param renderer computes the fields and renders the messages
   * @param <T> the value type
   * @return the stream, already started
   */
  public <T> PromptStream<T> invokeStream(PromptMethod<T> method, StreamRules rules, MessageRenderer renderer) {
    return invokeStream(method, rules, renderer, ToolSet.NONE);
  }

  /**
   * As {@link #invokeStream(PromptMethod, MessageRenderer)}, offering the model {@code tools}: each
   * turn streams, and the stream carries each tool call and its result as events.
   *
   * @param method the prompt method
   * @param renderer computes the fields and renders the messages
   * @param tools the tools of this call
   * @param <T> the value type
   * @return the stream, already started
   */
  public <T> PromptStream<T> invokeStream(PromptMethod<T> method, MessageRenderer renderer, ToolSet tools) {
    return invokeStream(method, StreamRules.NONE, renderer, tools);
  }

  /**
   * As {@link #invokeStream(PromptMethod, StreamRules, MessageRenderer)}, offering the model {@code tools}.
   *
   * @param method the prompt method
   * @param rules the components' streaming rules
   * @param renderer computes the fields and renders the messages
   * @param tools the tools of this call
   * @param <T> the value type
   * @return the stream, already started
   */
  public <T> PromptStream<T> invokeStream(PromptMethod<T> method, StreamRules rules, MessageRenderer renderer, ToolSet tools) {
    return invokeStream(method, rules, null, null, renderer, tools);
  }

  /**
   * As {@link #invokeStream(PromptMethod, StreamRules, MessageRenderer)}, with typed partials (a
   * record answer: {@code partial} is the generated {@code TPartial::of}) or items (a {@code List<X>}
   * answer, {@code X} a record: {@code item} reads and validates one element).
   *
   * @param method the prompt method
   * @param rules the components' streaming rules
   * @param partial the generated partial type's factory, or {@code null}
   * @param item the element type of a list answer, or {@code null}
   * @param renderer computes the fields and renders the messages
   * @param <T> the value type
   * @return the stream, already started
   */
  public <T> PromptStream<T> invokeStream(PromptMethod<T> method, StreamRules rules, BiFunction<Map<String, Object>, Partials, ?> partial,
      OutputType<?> item, MessageRenderer renderer) {
    return invokeStream(method, rules, partial, item, renderer, ToolSet.NONE);
  }

  /**
   * As {@link #invokeStream(PromptMethod, StreamRules, BiFunction, OutputType, MessageRenderer)}, offering
   * the model {@code tools}: each turn streams, and the stream carries each tool call and its result as events.
   *
   * @param method the prompt method
   * @param rules the components' streaming rules
   * @param partial the generated partial type's factory, or {@code null}
   * @param item the element type of a list answer, or {@code null}
   * @param renderer computes the fields and renders the messages
   * @param tools the tools of this call
   * @param <T> the value type
   * @return the stream, already started
   */
  public <T> PromptStream<T> invokeStream(PromptMethod<T> method, StreamRules rules, BiFunction<Map<String, Object>, Partials, ?> partial,
      OutputType<?> item, MessageRenderer renderer, ToolSet tools) {
    TraceScope scope = TraceScope.current();
    StreamChannel<T> channel = new StreamChannel<>(method.output().jsonSchema() != null, rules, partial, item == null ? null : StreamItems.reader(item));
    Object[] caller = pipeline.captureCaller(); // the listeners' context of the caller, as for an async call
    channel.attach(AsyncCall.start(executor, () -> {
      try {
        return pipeline.run(method, invocation -> {
          List<ChatMessage> messages = renderer.render(invocation); // computed fields first, not streamed
          StreamSink.Binding.bind(channel);
          return messages;
        }, scope, tools, caller);
      } finally {
        StreamSink.Binding.clear();
      }
    }));
    return channel;
  }

  @Override
  public String toString() {
    return "PromptContext[overrides=" + overrides + "]";
  }
}
