package dev.prompt4j.internal;

import dev.langchain4j.data.message.ChatMessage;
import dev.prompt4j.ChainException;
import dev.prompt4j.FieldRecord;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * One call of a prompt method while its computed fields are evaluated: it schedules the fields,
 * collects the calls they make (the trace) and, when one fails or the call runs out of time, cancels
 * the others and names the failed step.
 *
 * <p>Time limits come from configuration ({@link Limits}): {@code prompt4j.timeout} bounds sending
 * one prompt call to its model (every attempt, retry and fallback included), {@code
 * prompt4j.chain-timeout} the whole call, its computed fields and their nested calls included. Either
 * ends the call with a {@link ChainException} whose cause is a {@link TimeoutException}, naming the
 * step that was running.
 */
public final class Invocation {
  private final PromptMethod<?> method;
  private final TraceScope parent;
  private final Executor executor;
  private final Limits limits;
  private final dev.prompt4j.internal.call.CallObserver observer;
  private volatile ChainTrail trail; // made by the first field or nested call: most calls never need one
  private volatile ChainException failure;

  private ChainTrail trail() {
    ChainTrail t = trail;
    if (t == null) {
      synchronized (this) {
        t = trail;
        if (t == null) {
          trail = t = new ChainTrail();
        }
      }
    }
    return t;
  }

  Invocation(PromptMethod<?> method, TraceScope parent, Executor executor, Limits limits, dev.prompt4j.internal.call.CallObserver observer) {
    this.method = method;
    this.parent = parent;
    this.executor = executor;
    this.limits = limits;
    this.observer = observer;
  }

  /** Who observes this call: its fields report to it. */
  dev.prompt4j.internal.call.CallObserver observer() {
    return observer;
  }

  /**
   * Declares a computed field. It goes to the executor once every dependency has a value; the first
   * thread to {@link FieldTask#join} it before then runs it itself.
   */
  public <T> FieldTask<T> field(String name, FieldComputation<T> computation, FieldTask<?>... dependencies) {
    FieldTask<T> task = new FieldTask<>(this, name, computation, dependencies.length);
    trail().tasks.add(task);
    if (failure != null) {
      // Declared after another field failed (the failure's cancel loop may have missed it): never runs.
      task.cancel();
      return task;
    }
    if (dependencies.length == 0) {
      schedule(task);
    } else {
      for (FieldTask<?> dependency : dependencies) {
        dependency.result.whenComplete(
            (value, error) -> {
              if (error == null && task.dependencyDone()) {
                schedule(task);
              }
            });
      }
    }
    return task;
  }

  private void schedule(FieldTask<?> task) {
    if (failure != null) {
      return;
    }
    try {
      executor.execute(task);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // A saturated or closed executor is not an error: whoever needs the value runs it.
    }
  }

  /**
   * Runs this call on the current thread: renders the messages (which computes the fields), then
   * hands them to {@code send}, all within the chain time limit. Whatever ends the call early cancels
   * the fields still running.
   */
  <R> R run(MessageRenderer renderer, Function<List<ChatMessage>, R> send) {
    if ((parent == null || parent.invocation() == null) && limits.chain() == null) {
      // Not nested and no chain limit: nothing to register or watch. This path keeps the method small enough for the JIT
      // to inline into the call (then the response need not be allocated when the caller reads only its value).
      return send.apply(render(renderer));
    }
    return runNested(renderer, send);
  }

  /** {@link #run} for a call made in an enclosing call's field, or under a chain time limit. */
  private <R> R runNested(MessageRenderer renderer, Function<List<ChatMessage>, R> send) {
    Invocation enclosing = parent == null ? null : parent.invocation();
    if (enclosing != null) {
      ChainException stopped = enclosing.failure;
      if (stopped != null) {
        // The field making this call was cancelled (or its call failed): do not start more work.
        throw stopped;
      }
      enclosing.trail().children.add(this);
      ChainException stoppedMeanwhile = enclosing.failure;
      if (stoppedMeanwhile != null) {
        // It failed between the check above and the registration: its stop loop may have missed this call.
        enclosing.trail().children.remove(this);
        throw stoppedMeanwhile;
      }
    }
    Watchdog chainLimit = limits.chain() == null ? null : new Watchdog(limits.chain(), this::chainExpired);
    boolean expired = false;
    try {
      List<ChatMessage> messages = render(renderer);
      R result = send.apply(messages);
      expired = chainLimit != null && chainLimit.close();
      if (expired) {
        throw failure;
      }
      return result;
    } catch (RuntimeException | Error e) {
      if (!expired) {
        expired = chainLimit != null && chainLimit.close();
      }
      if (expired && failure != null && failure != e) {
        failure.addSuppressed(e);
        throw failure;
      }
      throw e;
    } finally {
      if (chainLimit != null) {
        chainLimit.close();
      }
      if (enclosing != null) {
        enclosing.trail().children.remove(this);
      }
    }
  }

  private List<ChatMessage> render(MessageRenderer renderer) {
    try {
      return renderer.render(this);
    } catch (ChainException e) {
      stop(e);
      throw failure;
    } catch (Prompt4jException e) {
      stop(e);
      throw e;
    } catch (Exception e) {
      stop(e);
      throw new Prompt4jException(method.qualifiedName() + ": preparing the prompt failed: " + e, method.name(), e);
    } catch (Error e) {
      stop(e);
      throw e;
    }
  }

  /**
   * Sends the request within the per-call time limit: {@code call} runs on this thread, which is
   * interrupted when the limit passes.
   */
  <R> R send(Supplier<R> call) {
    if (limits.call() == null) {
      return call.get();
    }
    Watchdog limit = new Watchdog(limits.call(), () -> {});
    try {
      R result = call.get();
      if (limit.close()) {
        throw callTimeout(null);
      }
      return result;
    } catch (RuntimeException | Error e) {
      if (limit.close()) {
        throw callTimeout(e);
      }
      throw e;
    }
  }

  private ChainException callTimeout(Throwable suppressed) {
    TimeoutException timeout =
        new TimeoutException(method.qualifiedName() + ": no answer within " + limits.call().toMillis() + " ms (prompt4j." + "timeout" + ")");
    ChainException e = new ChainException(List.of(method.name()), snapshot(), timeout);
    if (suppressed != null) {
      e.addSuppressed(suppressed);
    }
    return e;
  }

  private void chainExpired() {
    TimeoutException timeout =
        new TimeoutException(method.qualifiedName() + ": not finished within " + limits.chain().toMillis() + " ms (prompt4j." + "chain-timeout" + ")");
    failWith(new ChainException(runningPath(), snapshot(), timeout));
  }

  /** This method, then the first field still running and, within it, the nested call still running. */
  private List<String> runningPath() {
    List<String> path = new ArrayList<>();
    path.add(method.name());
    ChainTrail t = trail;
    if (t != null) {
      t.runningPath(path);
    }
    return path;
  }

  /** The field of the enclosing call this call was made in, or {@code null}. */
  String enclosingField() {
    return parent == null ? null : parent.field();
  }

  /** {@link #runningPath()}, appended to {@code path}: used by the enclosing call's trail. */
  void appendRunningPath(List<String> path) {
    path.addAll(runningPath());
  }

  void recordField(FieldRecord record, Object value) {
    trail().recordField(record, value);
  }

  void recordCall(Response<?> response) {
    trail().calls.add(response);
  }

  /** Records the first failure, naming {@code task}, then cancels every other field. */
  void fail(FieldTask<?> task, Throwable cause) {
    if (failure == null) {
      failWith(chainFailure(task.name(), cause));
    }
  }

  /** A thread waiting for {@code task} was interrupted: the call stops, naming the awaited field. */
  void interrupted(FieldTask<?> task, InterruptedException e) {
    fail(task, e);
  }

  /** The call is abandoned because of {@code cause} (not a field's failure): stops every field. */
  private void stop(Throwable cause) {
    if (failure == null) {
      failWith(cause instanceof ChainException chain ? chain : new ChainException(List.of(method.name()), snapshot(), cause));
    }
  }

  /** Makes {@code chain} the failure unless there is one, then cancels every field and nested call. */
  private void failWith(ChainException chain) {
    synchronized (this) {
      if (failure != null) {
        return;
      }
      failure = chain;
    }
    ChainTrail t = trail;
    if (t == null) {
      return; // no field was declared yet; one declared from now on sees the failure and never runs
    }
    for (FieldTask<?> task : t.tasks) {
      task.cancel(); // the failing field's own thread is never interrupted
    }
    for (Invocation child : t.children) {
      child.stop(new CancellationException(method.name() + " stopped: " + chain.getMessage()));
    }
  }

  private ChainException chainFailure(String field, Throwable cause) {
    List<String> path = new ArrayList<>();
    path.add(method.name());
    path.add(field);
    Throwable original = cause;
    if (cause instanceof ChainException chain) {
      path.addAll(chain.path());
      original = chain.getCause() == null ? chain : chain.getCause();
    } else if (cause instanceof Prompt4jException p && p.method() != null) {
      path.add(p.method());
    }
    return new ChainException(path, snapshot(), original);
  }

  private Map<String, Object> snapshot() {
    ChainTrail t = trail;
    return t == null ? Map.of() : t.snapshot();
  }

  /** The failure that stopped this call; non-null only after a field failed or the call was stopped. */
  ChainException failure() {
    return failure;
  }

  /** The failure that stopped this call or, should there be none, one made of {@code cause}. */
  ChainException failureOr(Throwable cause) {
    ChainException stopped = failure;
    if (stopped != null) {
      return stopped;
    }
    return cause instanceof ChainException chain ? chain : new ChainException(List.of(method.name()), snapshot(), cause);
  }

  /** Cancels every field still pending or running (the call is being abandoned). */
  void cancelAll() {
    stop(new CancellationException(method.qualifiedName() + " abandoned"));
  }

  List<String> pathTo(String field) {
    List<String> path = new ArrayList<>(parent == null ? List.of() : parent.path());
    path.add(method.name());
    if (field != null) {
      path.add(field);
    }
    return path;
  }

  /** Whether fields or nested calls were recorded: then preparing the prompt took real time. */
  boolean hadFields() {
    return trail != null;
  }

  List<Response<?>> calls() {
    ChainTrail t = trail;
    return t == null ? List.of() : List.copyOf(t.calls);
  }

  List<FieldRecord> fields() {
    ChainTrail t = trail;
    return t == null ? List.of() : List.copyOf(t.fields);
  }

  TraceScope parent() {
    return parent;
  }

  PromptMethod<?> method() {
    return method;
  }
}
