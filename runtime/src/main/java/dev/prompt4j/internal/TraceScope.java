package dev.prompt4j.internal;

import dev.prompt4j.Response;
import java.util.function.Consumer;

/**
 * Where a prompt call made on this thread is recorded: under the computed field of an enclosing call,
 * or into a collector opened by user code. Field tasks set it on the executor's threads, so the trace
 * follows the work from thread to thread.
 */
final class TraceScope {
  private static final ThreadLocal<TraceScope> CURRENT = new ThreadLocal<>();

  private final Invocation invocation;
  private final String field;
  private final Consumer<Response<?>> collector;
  private final TraceScope enclosing;

  private TraceScope(Invocation invocation, String field, Consumer<Response<?>> collector, TraceScope enclosing) {
    this.invocation = invocation;
    this.field = field;
    this.collector = collector;
    this.enclosing = enclosing;
  }

  /** The scope of this thread, or {@code null}. */
  static TraceScope current() {
    return CURRENT.get();
  }

  /** A scope that records calls under a computed field of {@code invocation}. */
  static TraceScope field(Invocation invocation, String field) {
    return new TraceScope(invocation, field, null, null);
  }

  /**
   * A scope that hands every call made in it to {@code collector}, and still records it where {@code
   * enclosing} (the scope it replaces, or {@code null}) would: captures nest, and a capture inside a
   * computed field keeps its calls under the field, with the field's cancellation and path.
   */
  static TraceScope collecting(Consumer<Response<?>> collector, TraceScope enclosing) {
    return new TraceScope(
        enclosing == null ? null : enclosing.invocation, enclosing == null ? null : enclosing.field, collector, enclosing);
  }

  /** Makes {@code scope} current and returns the one it replaces, for {@link #restore}. */
  static TraceScope enter(TraceScope scope) {
    TraceScope previous = CURRENT.get();
    CURRENT.set(scope);
    return previous;
  }

  /** Puts back the scope {@link #enter} returned. */
  static void restore(TraceScope previous) {
    CURRENT.set(previous); // set(null) rather than remove(): cheaper, and the thread keeps using it
  }

  /** The call whose field this scope records into, or {@code null} outside any call. */
  Invocation invocation() {
    return invocation;
  }

  /** The field under which calls are recorded, or {@code null}. */
  String field() {
    return field;
  }

  /** The path of the enclosing calls and fields, outermost first, for error messages. */
  java.util.List<String> path() {
    return invocation == null ? java.util.List.of() : invocation.pathTo(field);
  }

  /** Records a finished call. */
  void record(Response<?> response) {
    if (collector != null) {
      collector.accept(response);
    }
    if (enclosing != null) {
      enclosing.record(response);
    } else if (invocation != null) {
      invocation.recordCall(response);
    }
  }
}
