package dev.prompt4j.internal;

import dev.prompt4j.Response;
import dev.prompt4j.internal.call.ToolsPaused;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Calls paused for approval: the pending {@link Response} of a paused call, and one restored from its
 * JSON on a generated instance ({@link GeneratedPrompts#prompt4jResume}).
 */
final class ToolApprovals {
  private ToolApprovals() {}

  /** How a paused call goes on with decisions. */
  @FunctionalInterface
  interface Continuation<T> {
    Response<T> resume(ToolsPaused.State state, Map<String, Boolean> decisions);
  }

  /** The pending response of a call of {@code method} that paused in {@code state}. */
  static <T> Response<T> pending(PromptMethod<T> method, ToolsPaused.State state, long start, Continuation<T> continuation) {
    String interfaceName = canonical(method.declaringInterface());
    return Response.<T>builder()
        .method(method.qualifiedName())
        .provider(state.provider())
        .model(state.model())
        .usage(state.usage())
        .messages(state.conversation())
        .toolCalls(state.toolCalls())
        .startNanos(start)
        .latency(Duration.ofNanos(System.nanoTime() - start))
        .thread(Thread.currentThread().getName())
        .pending(new Response.Pending<>(state.pending(), () -> state.toJson(interfaceName, method.name()),
            decisions -> continuation.resume(state, decisions)))
        .build();
  }

  /** A pending response from {@code json} on {@code instance}; resuming it asks the generated code for the method's tools. */
  static <T> Response<T> restore(GeneratedPrompts instance, String json, List<Object> tools) {
    ToolsPaused.Named named = ToolsPaused.State.fromJson(json);
    Class<?> type = instance.prompt4jFactory().type();
    if (!canonical(type).equals(named.interfaceName()) || !instance.prompt4jFactory().methods().contains(named.method())) {
      throw new IllegalArgumentException("the pending state is a call of " + named.interfaceName() + "." + named.method()
          + ", not of a method of " + canonical(type) + "; restore it on an instance of " + named.interfaceName());
    }
    String method = type.getSimpleName() + "." + named.method();
    Continuation<T> continuation = (state, decisions) -> {
      @SuppressWarnings("unchecked") // T is the value type of the method the state names (Prompt4j.restore's contract)
      Response<T> resumed = (Response<T>) instance.prompt4jResume(named.method(), new ToolResumption(state, decisions, tools));
      if (resumed == null) {
        throw new IllegalArgumentException(method + " has no tools that need approval; nothing to resume");
      }
      return resumed;
    };
    ToolsPaused.State state = named.state();
    return Response.<T>builder()
        .method(method)
        .provider(state.provider())
        .model(state.model())
        .usage(state.usage())
        .messages(state.conversation())
        .toolCalls(state.toolCalls())
        .pending(new Response.Pending<>(state.pending(), () -> json, decisions -> continuation.resume(state, decisions)))
        .build();
  }

  private static String canonical(Class<?> type) {
    return type.getCanonicalName() == null ? type.getName() : type.getCanonicalName();
  }
}
