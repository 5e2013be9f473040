package dev.prompt4j.benchmarks;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedStackTrace;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where a load client's CPU went: its JFR execution samples, each counted for the first frame from the
 * top of the stack that belongs to a named owner (Prompt4j's runtime or HTTP client, langchain4j, Jackson, the JDK HTTP client
 * with its NIO selector); a sample whose stack names none of them (JDK collections, strings, the
 * harness) counts as other. So a {@code HashMap.get} inside Jackson counts as Jackson, and
 * CompletableFuture plumbing on the HTTP client's selector thread counts as JDK HTTP. JIT and GC threads
 * are not sampled: their CPU is the difference to the process CPU time.
 *
 * <p>Run alone: {@code JfrBreakdown <recording.jfr>}; prints one line per owner.
 */
public final class JfrBreakdown {
  /** Owners by package prefix, in the order they are tried against each frame. */
  static final List<String[]> OWNERS = List.of(
      new String[] {"dev.prompt4j.benchmarks.", "harness"},
      new String[] {"dev.prompt4j.provider.", "Prompt4j HTTP client (provider)"},
      new String[] {"dev.prompt4j.", "Prompt4j runtime"},
      new String[] {"dev.langchain4j.", "langchain4j"},
      new String[] {"com.fasterxml.jackson.", "Jackson"},
      new String[] {"jdk.internal.net.http.", "JDK HTTP client"},
      new String[] {"java.net.http.", "JDK HTTP client"},
      new String[] {"sun.nio.", "JDK NIO (sockets, selector)"},
      new String[] {"java.nio.channels.", "JDK NIO (sockets, selector)"});

  private JfrBreakdown() {}

  public static void main(String[] args) throws Exception {
    breakdown(Path.of(args[0])).forEach((owner, share) -> System.out.printf(Locale.ROOT, owner.equals("samples") ? "%s: %.0f%n" : "%s: %.1f%%%n", owner, share));
  }

  /** Percent of execution samples per owner, largest first, with {@code samples} holding the total count. */
  static Map<String, Double> breakdown(Path recording) throws Exception {
    Map<String, Integer> counts = new LinkedHashMap<>();
    int total = 0;
    for (RecordedEvent event : RecordingFile.readAllEvents(recording)) {
      if (!event.getEventType().getName().equals("jdk.ExecutionSample")) {
        continue;
      }
      counts.merge(owner(event.getStackTrace()), 1, Integer::sum);
      total++;
    }
    Map<String, Double> shares = new LinkedHashMap<>();
    int all = total;
    counts.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue())
        .forEach(e -> shares.put(e.getKey(), 100.0 * e.getValue() / all));
    shares.put("samples", (double) total);
    return shares;
  }

  private static String owner(RecordedStackTrace stack) {
    if (stack == null) {
      return "other";
    }
    for (RecordedFrame frame : stack.getFrames()) {
      if (frame.getMethod() == null || frame.getMethod().getType() == null) {
        continue;
      }
      String type = frame.getMethod().getType().getName();
      for (String[] owner : OWNERS) {
        if (type.startsWith(owner[0])) {
          return owner[1];
        }
      }
    }
    return "other (JDK core)";
  }
}
