package dev.prompt4j.processor.model;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Dependencies among computed fields (a field's parameters name other fields). Orders the fields a
 * prompt needs, dependencies first, and finds cycles. Deterministic: declaration order breaks ties.
 */
public final class ComputedFieldGraph {
  private final Map<String, List<String>> dependencies; // field -> fields it needs, in parameter order

  /** @param dependencies for each field in declaration order, the fields its parameters name */
  public ComputedFieldGraph(Map<String, List<String>> dependencies) {
    this.dependencies = new LinkedHashMap<>(dependencies);
  }

  /** A cycle as a path that returns to its start ({@code a -> b -> a}), if there is one. */
  public Optional<List<String>> findCycle() {
    Set<String> done = new LinkedHashSet<>();
    for (String start : dependencies.keySet()) {
      List<String> path = new ArrayList<>();
      Optional<List<String>> cycle = visit(start, path, done);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    return Optional.empty();
  }

  private Optional<List<String>> visit(String field, List<String> path, Set<String> done) {
    int seen = path.indexOf(field);
    if (seen >= 0) {
      List<String> cycle = new ArrayList<>(path.subList(seen, path.size()));
      cycle.add(field);
      return Optional.of(cycle);
    }
    if (done.contains(field) || !dependencies.containsKey(field)) {
      return Optional.empty();
    }
    path.add(field);
    for (String next : dependencies.get(field)) {
      Optional<List<String>> cycle = visit(next, path, done);
      if (cycle.isPresent()) {
        return cycle;
      }
    }
    path.remove(path.size() - 1);
    done.add(field);
    return Optional.empty();
  }

  /** The fields {@code roots} need, transitively, each after the fields it depends on. Requires no cycle. */
  public List<String> closure(List<String> roots) {
    Set<String> ordered = new LinkedHashSet<>();
    for (String root : roots) {
      add(root, ordered);
    }
    return List.copyOf(ordered);
  }

  private void add(String field, Set<String> ordered) {
    if (ordered.contains(field) || !dependencies.containsKey(field)) {
      return;
    }
    for (String dependency : dependencies.get(field)) {
      add(dependency, ordered);
    }
    ordered.add(field);
  }

  /** The fields, in declaration order. */
  public List<String> fields() {
    return List.copyOf(dependencies.keySet());
  }

  /** The fields {@code field} depends on directly. */
  public List<String> dependenciesOf(String field) {
    return dependencies.getOrDefault(field, List.of());
  }
}
