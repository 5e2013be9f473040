package dev.prompt4j.internal;

import dev.prompt4j.ChainException;
import dev.prompt4j.FieldRecord;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;

/**
 * One call of a prompt method while its computed fields are evaluated: it schedules the fields,
 * collects the calls they make (the trace) and, when one fails, cancels the others and names the
 * failed step.
 */
public final class Invocation {
  private final PromptMethod<?> method;
  private final TraceScope parent;
  private final Executor executor;
  private final List<FieldTask<?>> tasks = new CopyOnWriteArrayList<>();
  private final List<Response<?>> calls = new CopyOnWriteArrayList<>();
  private final List<FieldRecord> fields = new CopyOnWriteArrayList<>();
  private final Map<String, Object> completed = new LinkedHashMap<>();
  private volatile ChainException failure;

  Invocation(PromptMethod<?> method, TraceScope parent, Executor executor) {
    this.method = method;
    this.parent = parent;
    this.executor = executor;
  }

  /**
   * Declares a computed field. It goes to the executor once every dependency has a value; the first
   * thread to {@link FieldTask#join} it before then runs it itself.
   */
  public <T> FieldTask<T> field(String name, FieldComputation<T> computation, FieldTask<?>... dependencies) {
    FieldTask<T> task = new FieldTask<>(this, name, computation, dependencies.length);
    tasks.add(task);
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

  void recordField(FieldRecord record, Object value) {
    fields.add(record);
    if (record.succeeded()) {
      synchronized (completed) {
        completed.put(record.name(), value);
      }
    }
  }

  void recordCall(Response<?> response) {
    calls.add(response);
  }

  /** Records the first failure, then cancels every other field. */
  void fail(FieldTask<?> task, Throwable cause) {
    synchronized (this) {
      if (failure != null) {
        return;
      }
      failure = chainFailure(task.name(), cause);
    }
    for (FieldTask<?> other : tasks) {
      if (other != task) {
        other.cancel();
      }
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
    } else if (cause instanceof CancellationException || cause instanceof InterruptedException) {
      original = cause;
    }
    Map<String, Object> snapshot;
    synchronized (completed) {
      snapshot = new LinkedHashMap<>(completed);
    }
    snapshot.values().removeIf(java.util.Objects::isNull);
    return new ChainException(path, snapshot, original);
  }

  /** The failure that stopped this call; non-null only after a field failed. */
  ChainException failure() {
    return failure;
  }

  /** Cancels every field still pending or running (the call is being abandoned). */
  void cancelAll() {
    for (FieldTask<?> task : tasks) {
      task.cancel();
    }
  }

  List<String> pathTo(String field) {
    List<String> path = new ArrayList<>(parent == null ? List.of() : parent.path());
    path.add(method.name());
    if (field != null) {
      path.add(field);
    }
    return path;
  }

  List<Response<?>> calls() {
    return List.copyOf(calls);
  }

  List<FieldRecord> fields() {
    return List.copyOf(fields);
  }

  TraceScope parent() {
    return parent;
  }

  PromptMethod<?> method() {
    return method;
  }
}
