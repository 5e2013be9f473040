package dev.prompt4j.internal;

import dev.prompt4j.ChainException;
import dev.prompt4j.Response;
import dev.prompt4j.internal.call.AttemptLoop;
import dev.prompt4j.internal.call.CallObserver;
import dev.prompt4j.internal.call.ToolRun;
import dev.prompt4j.internal.call.ToolsPaused;
import dev.prompt4j.internal.tools.ToolSet;
import java.util.concurrent.Executor;

/**
 * One prompt call, stage by stage:
 *
 * <pre>
 * resolve      CallResolver      precedence, fallbacks, limits, prompt version (once per method)
 * chain        Invocation        computed fields scheduled from the compile-time graph; cancellation; deadlines
 * attempts     AttemptLoop       fallback, then re-ask, then retry; observers see each attempt
 * request      RequestFactory    the only builder of request parameters (streaming and tools attach here)
 * provider     ChatModel         langchain4j's client on Prompt4j's HTTP client
 * response     ResponseAssembler the Response, with the chain's fields and nested calls (the trace)
 * </pre>
 *
 * Listeners see the call start and end here, its fields in {@link FieldTask}, and its attempts in the
 * attempt loop, all through one {@link CallObserver} per call ({@link CallObserver#NONE} when nobody
 * listens). One line per call goes to the log at DEBUG ({@link CallLog}).
 */
final class CallPipeline {
  private final CallResolver resolver;
  private final AttemptLoop attempts;
  private final Executor executor;
  private final Listeners listeners;
  private final CallLog log;

  CallPipeline(CallResolver resolver, AttemptLoop attempts, Executor executor, Listeners listeners, CallLog log) {
    this.resolver = resolver;
    this.attempts = attempts;
    this.executor = executor;
    this.listeners = listeners;
    this.log = log;
  }

  <T> Response<T> run(PromptMethod<T> method, MessageRenderer renderer, TraceScope parent) {
    return run(method, renderer, parent, ToolSet.NONE, null);
  }

  /** On the caller's thread of an async call: what the listeners take from it, for {@link #run}; {@code null} when none listens. */
  Object[] captureCaller() {
    return listeners.captureCaller();
  }

  /**
   * A call offering the model {@code tools}; {@code caller} is what {@link #captureCaller()} took on the thread that
   * made an async call, or {@code null}.
   */
  <T> Response<T> run(PromptMethod<T> method, MessageRenderer renderer, TraceScope parent, ToolSet tools, Object[] caller) {
    return run(method, renderer, parent, tools, null, java.util.Map.of(), caller);
  }

  /** Goes on with a call paused for approval: its conversation instead of a rendering, the decisions applied. */
  <T> Response<T> resume(PromptMethod<T> method, TraceScope parent, ToolSet tools, ToolsPaused.State paused, java.util.Map<String, Boolean> decisions) {
    return run(method, invocation -> paused.conversation(), parent, tools, paused, decisions, null);
  }

  private <T> Response<T> run(PromptMethod<T> method, MessageRenderer renderer, TraceScope parent, ToolSet tools,
      ToolsPaused.State paused, java.util.Map<String, Boolean> decisions, Object[] caller) {
    long start = System.nanoTime();
    CallResolver.ResolvedCall<T> call = resolver.resolve(method);
    ToolRun toolRun = tools.isEmpty() ? ToolRun.NONE : toolRun(method, tools, paused, decisions);
    CallObserver observer = listeners.begin(method, call, parent, caller);
    Invocation invocation = new Invocation(method, parent, executor, call.limits(), observer);
    Response<T> response;
    try {
      response = invocation.run(renderer, messages -> {
        long sendStart = invocation.hadFields() ? System.nanoTime() : start;
        AttemptLoop.Outcome<T> outcome;
        try {
          // The invocation's observer and parent, not the locals: each capture is 4 bytes more per call.
          outcome = invocation.send(() -> attempts.execute(call.plan(), messages, sendStart, invocation.observer(), toolRun));
        } catch (ToolsPaused waiting) {
          return ToolApprovals.pending(method, waiting.state(), start,
              (state, decided) -> resume(method, TraceScope.current(), tools, state, decided));
        }
        return ResponseAssembler.assemble(method, call, outcome, invocation, invocation.parent(), start,
            toolRun.isEmpty() ? java.util.List.of() : toolRun.toolCalls()); // a plain call takes no lock and copies no list
      });
    } catch (ChainException e) {
      throw chainFailed(method, observer, parent, e, start);
    } catch (RuntimeException | Error e) {
      finished(method, observer, null, e, start);
      throw e;
    }
    finished(method, observer, response, null, start);
    if (parent != null) {
      parent.record(response);
    }
    return response;
  }

  private ToolRun toolRun(PromptMethod<?> method, ToolSet tools, ToolsPaused.State paused, java.util.Map<String, Boolean> decisions) {
    return paused == null ? new ToolRun(tools, executor, resolver.toolLimits(method))
        : ToolRun.resuming(tools, executor, resolver.toolLimits(method), paused, decisions);
  }

  /** What a call that failed with {@code e} throws, its end told; out of {@link #run} to keep that small enough to inline. */
  private RuntimeException chainFailed(PromptMethod<?> method, CallObserver observer, TraceScope parent, ChainException e, long start) {
    RuntimeException thrown = e;
    if (parent == null || parent.invocation() == null) {
      // Made where the field failed, maybe on a pool thread: the caller gets one with its own frames.
      ChainException here = new ChainException(e.path(), e.completedFields(), e.getCause() == null ? e : e.getCause());
      here.addSuppressed(e);
      thrown = here;
    }
    finished(method, observer, null, thrown, start);
    return thrown;
  }

  private void finished(PromptMethod<?> method, CallObserver observer, Response<?> response, Throwable failure, long start) {
    observer.callFinished(response, failure);
    log.finished(method, response, failure, start);
  }
}
