package dev.prompt4j.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.prompt4j.Response;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.opentest4j.AssertionFailedError;

/**
 * Compares a call's whole trace to a stored snapshot: the methods, the rendered messages, answers,
 * values, usage, nested calls and computed fields of {@link Response#toJson()}, with what changes from
 * run to run masked (start times, durations, latencies, thread names, ids) and nested calls and fields
 * sorted (they are listed in the order they finished).
 *
 * <pre>{@code
 * Response<String> strategy = advisor.recommendStrategy("payments");
 * TraceSnapshots.assertMatches(Path.of("src/test/resources/prompt4j/_snapshots/strategy.json"), strategy);
 * }</pre>
 *
 * A missing snapshot is written and the test passes, except on CI (the environment variable {@code
 * CI} set), where it fails. A different one fails with a line diff; {@code
 * -Dprompt4j.test.update-snapshots=true} (or {@code PROMPT4J_TEST_UPDATE_SNAPSHOTS=true}) rewrites it.
 */
public final class TraceSnapshots {
  /** The system property that rewrites snapshots that differ. */
  public static final String UPDATE_PROPERTY = "prompt4j.test.update-snapshots";
  /** What masked values become. */
  public static final String MASK = "<masked>";

  private static final Set<String> MASKED = Set.of("startedat", "latencymillis", "durationmillis", "duration", "latency", "thread", "id");

  private TraceSnapshots() {}

  /**
   * Asserts that the masked trace of {@code response} equals the snapshot in {@code file}.
   *
   * @param file the file
   * @param response the response
   */
  public static void assertMatches(Path file, Response<?> response) {
    String actual = masked(response);
    boolean update = Boolean.parseBoolean(System.getProperty(UPDATE_PROPERTY, System.getenv().getOrDefault("PROMPT4J_TEST_UPDATE_SNAPSHOTS", "false")));
    try {
      if (!Files.exists(file)) {
        if (System.getenv("CI") != null && !update) {
          throw new AssertionFailedError("No trace snapshot " + file + " (not written on CI); write it with -D" + UPDATE_PROPERTY + "=true");
        }
        write(file, actual);
        return;
      }
      String expected = Files.readString(file, StandardCharsets.UTF_8);
      if (expected.equals(actual)) return;
      if (update) {
        write(file, actual);
        return;
      }
      throw new AssertionFailedError("The trace differs from the snapshot " + file + " (- snapshot, + now); if the change is"
          + " intended, run with -D" + UPDATE_PROPERTY + "=true\n" + LineDiff.diff(expected, actual, 3), expected, actual);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read or write the trace snapshot " + file, e);
    }
  }

  /**
   * The trace of {@code response} as the snapshot stores it: pretty JSON, run-dependent values masked.
   *
   * @param response the response
   * @return the trace of {@code response} as the snapshot stores it: pretty JSON, run-dependent values masked
   */
  public static String masked(Response<?> response) {
    try {
      JsonNode tree = Cassettes.JSON.readTree(response.toJson());
      mask(tree);
      return Cassettes.pretty(tree) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void mask(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (MASKED.contains(name.toLowerCase(Locale.ROOT)) && value.isValueNode() && !value.isNull()) {
          object.put(name, MASK);
        } else {
          mask(value);
        }
      }
      for (String unordered : List.of("calls", "fields")) {
        if (object.get(unordered) instanceof ArrayNode array) sort(array);
      }
    } else if (node instanceof ArrayNode array) {
      for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) mask(it.next());
    }
  }

  private static void sort(ArrayNode array) {
    List<JsonNode> items = new ArrayList<>();
    array.forEach(items::add);
    items.sort(Comparator.comparing(Cassettes::pretty));
    array.removeAll();
    items.forEach(array::add);
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.toAbsolutePath().getParent());
    Files.writeString(file, text, StandardCharsets.UTF_8);
  }

}
