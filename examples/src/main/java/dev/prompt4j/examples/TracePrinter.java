package dev.prompt4j.examples;

import dev.prompt4j.FieldRecord;
import dev.prompt4j.Response;
import dev.prompt4j.Usage;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints a compact trace of the prompt calls a chain made: one line per call (nested under the call
 * whose computed field made it), with provider and model, tokens, latency, when it started relative
 * to the first call, and the calls it overlapped with; then a summary.
 *
 * <pre>
 *   StrategyAdvisor.recommendStrategy      offline/gpt-4o-mini   61 tok  +0 ms  134 ms
 *     [leader] StrategyAdvisor.identifyBusinessLeader  ...  +2 ms  45 ms  || identifyB2bTrends
 * </pre>
 */
public final class TracePrinter {
  private TracePrinter() {}

  /** The calls {@code calls} made, and all nested calls, depth first. */
  public static List<Response<?>> flatten(List<Response<?>> calls) {
    List<Response<?>> all = new ArrayList<>();
    for (Response<?> call : calls) {
      all.add(call);
      all.addAll(flatten(call.calls()));
    }
    return all;
  }

  /** When {@code call} ended: its start plus its latency. */
  public static Instant endedAt(Response<?> call) {
    return call.startedAt().plus(call.latency());
  }

  /**
   * The calls whose own request overlapped in time with {@code call}'s, ancestors and descendants
   * excepted (a parent call is always running while its fields are computed).
   */
  public static List<Response<?>> overlapping(Response<?> call, List<Response<?>> roots) {
    Map<Response<?>, Response<?>> parents = parents(roots);
    List<Response<?>> result = new ArrayList<>();
    for (Response<?> other : flatten(roots)) {
      if (other != call && !related(call, other, parents) && overlaps(call, other)) {
        result.add(other);
      }
    }
    return result;
  }

  /** Whether two calls ran at the same time for a moment. */
  public static boolean overlaps(Response<?> a, Response<?> b) {
    return a.startedAt().isBefore(endedAt(b)) && b.startedAt().isBefore(endedAt(a));
  }

  private static Map<Response<?>, Response<?>> parents(List<Response<?>> roots) {
    Map<Response<?>, Response<?>> parents = new IdentityHashMap<>();
    for (Response<?> root : roots) {
      for (Response<?> child : root.calls()) {
        parents.put(child, root);
      }
      parents.putAll(parents(root.calls()));
    }
    return parents;
  }

  private static boolean related(Response<?> a, Response<?> b, Map<Response<?>, Response<?>> parents) {
    return ancestor(a, b, parents) || ancestor(b, a, parents);
  }

  private static boolean ancestor(Response<?> candidate, Response<?> of, Map<Response<?>, Response<?>> parents) {
    for (Response<?> p = parents.get(of); p != null; p = parents.get(p)) {
      if (p == candidate) {
        return true;
      }
    }
    return false;
  }

  /** Prints the trace of {@code calls} (top-level calls, in the order they finished). */
  public static void print(List<Response<?>> calls, PrintStream out) {
    if (calls.isEmpty()) {
      out.println("  (no prompt call)");
      return;
    }
    Instant origin = flatten(calls).stream().map(Response::startedAt).min(Comparator.naturalOrder()).orElseThrow();
    List<Response<?>> ordered = new ArrayList<>(calls);
    ordered.sort(Comparator.comparing(Response::startedAt));
    for (Response<?> call : ordered) {
      print(call, calls, origin, 1, out);
    }
    out.println("  " + summary(calls));
  }

  private static void print(Response<?> call, List<Response<?>> roots, Instant origin, int depth, PrintStream out) {
    StringBuilder line = new StringBuilder("  ".repeat(depth));
    if (call.field() != null) {
      line.append('[').append(call.field()).append("] ");
    }
    line.append(call.method());
    pad(line, 58);
    line.append(' ').append(call.provider()).append('/').append(call.model());
    pad(line, 84);
    Usage usage = call.usage();
    line.append(String.format(" %4d tok  +%4d ms %5d ms", usage.totalTokens(), millis(Duration.between(origin, call.startedAt())), millis(call.latency())));
    if (call.attempts() > 1) {
      line.append("  ").append(call.attempts()).append(" attempts");
    }
    Set<String> overlapped = new LinkedHashSet<>();
    for (Response<?> other : overlapping(call, roots)) {
      overlapped.add(simpleName(other.method()));
    }
    if (!overlapped.isEmpty()) {
      line.append("  || ").append(String.join(", ", overlapped));
    }
    out.println(line);
    List<Response<?>> nested = new ArrayList<>(call.calls());
    nested.sort(Comparator.comparing(Response::startedAt));
    for (Response<?> child : nested) {
      print(child, roots, origin, depth + 1, out);
    }
    for (FieldRecord field : call.fields()) {
      if (!field.succeeded()) {
        out.println("  ".repeat(depth + 1) + "field " + field.name() + " FAILED: " + field.error());
      }
    }
  }

  /** One line: calls, how many overlapped another, tokens, wall time from the first start to the last end. */
  public static String summary(List<Response<?>> calls) {
    List<Response<?>> all = flatten(calls);
    long overlapped = all.stream().filter(c -> !overlapping(c, calls).isEmpty()).count();
    Usage usage = all.stream().map(Response::usage).reduce(Usage.ZERO, Usage::plus);
    Instant first = all.stream().map(Response::startedAt).min(Comparator.naturalOrder()).orElseThrow();
    Instant last = all.stream().map(TracePrinter::endedAt).max(Comparator.naturalOrder()).orElseThrow();
    return String.format("%d call(s), %d overlapped another, %d tokens (%d in, %d out), %d ms from first start to last end",
        all.size(), overlapped, usage.totalTokens(), usage.inputTokens(), usage.outputTokens(), millis(Duration.between(first, last)));
  }

  private static String simpleName(String method) {
    int dot = method.lastIndexOf('.');
    return dot < 0 ? method : method.substring(dot + 1);
  }

  private static long millis(Duration d) {
    return d.toMillis();
  }

  private static void pad(StringBuilder line, int width) {
    while (line.length() < width) {
      line.append(' ');
    }
  }
}
