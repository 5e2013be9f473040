package dev.prompt4j.internal;

import dev.prompt4j.FieldRecord;
import dev.prompt4j.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What a call with computed fields keeps track of: its field tasks, the fields' records and values,
 * the nested calls they made (the trace) and the nested calls still running. Made by the first field
 * or nested call, so a call without fields allocates none of it.
 */
final class ChainTrail {
  final List<FieldTask<?>> tasks = new CopyOnWriteArrayList<>();
  final List<Response<?>> calls = new CopyOnWriteArrayList<>();
  final List<FieldRecord> fields = new CopyOnWriteArrayList<>();
  final List<Invocation> children = new CopyOnWriteArrayList<>(); // nested calls made by fields, while they run
  private final Map<String, Object> completed = new LinkedHashMap<>(); // guarded by itself

  void recordField(FieldRecord record, Object value) {
    fields.add(record);
    if (record.succeeded()) {
      synchronized (completed) {
        completed.put(record.name(), value);
      }
    }
  }

  /** The fields computed so far, by name, without the {@code null} ones. */
  Map<String, Object> snapshot() {
    Map<String, Object> snapshot;
    synchronized (completed) {
      snapshot = new LinkedHashMap<>(completed);
    }
    snapshot.values().removeIf(Objects::isNull);
    return snapshot;
  }

  /** Appends the first field still running and, within it, the path of its nested call still running. */
  void runningPath(List<String> path) {
    for (FieldTask<?> task : tasks) {
      if (task.running()) {
        path.add(task.name());
        for (Invocation child : children) {
          if (task.name().equals(child.enclosingField())) {
            child.appendRunningPath(path);
            break;
          }
        }
        return;
      }
    }
  }
}
