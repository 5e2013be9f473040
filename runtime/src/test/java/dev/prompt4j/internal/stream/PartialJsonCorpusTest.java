package dev.prompt4j.internal.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of streamed structured answers ({@code stream/partials.json}): each answer is cut into
 * chunks of the given number of characters (not splitting a character), and must produce exactly
 * the partial sequence listed, one partial per change.
 */
class PartialJsonCorpusTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  static Stream<JsonNode> corpus() throws IOException {
    try (InputStream in = PartialJsonCorpusTest.class.getResourceAsStream("/stream/partials.json")) {
      List<JsonNode> cases = new ArrayList<>();
      JSON.readTree(in).forEach(cases::add);
      return cases.stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void producesTheListedPartials(JsonNode c) throws IOException {
    String answer = c.get("answer").asText();
    int size = c.get("chunk").asInt();
    PartialJson parser = new PartialJson();
    List<Map<String, Object>> seen = new ArrayList<>();
    for (int at = 0; at < answer.length(); ) {
      int end = answer.offsetByCodePoints(at, Math.min(size, answer.codePointCount(at, answer.length())));
      if (parser.feed(answer.substring(at, end))) {
        seen.add(parser.snapshot());
      }
      at = end;
    }
    List<Object> expected = JSON.convertValue(c.get("partials"), JSON.getTypeFactory().constructCollectionType(List.class, Object.class));
    // Numbers compare as written: Jackson reads 1815 as Integer and -1.5e2 as Double on both sides.
    assertEquals(expected, new ArrayList<>(seen), c.get("name").asText());
  }

  @Test
  void streamDoneWaitsForTheCloseAndStreamRequiredHidesARecordWithoutTheComponent() {
    String answer = "{\"goal\": \"ship\", \"risks\": [\"late\", \"bugs\"], \"steps\": [{\"detail\": \"d1\", \"name\": \"one\"}, {\"detail\": \"d2\"}]}";
    PartialJson parser = new PartialJson(StreamRules.done("risks").required("steps[].name"));
    List<Map<String, Object>> seen = new ArrayList<>();
    Map<String, Object> last = null;
    for (int at = 0; at < answer.length(); at++) {
      if (parser.feed(answer.substring(at, at + 1)) && !parser.snapshot().equals(last)) {
        last = parser.snapshot();
        seen.add(last);
      }
    }
    assertEquals(List.of(
        Map.of(),
        Map.of("goal", "ship"),
        Map.of("goal", "ship", "risks", List.of("late", "bugs")), // all at once: @StreamDone
        Map.of("goal", "ship", "risks", List.of("late", "bugs"), "steps", List.of()),
        // the first step shows only once it has a name (@StreamRequired), the second never does
        Map.of("goal", "ship", "risks", List.of("late", "bugs"), "steps", List.of(Map.of("detail", "d1", "name", "one")))), seen);
  }

  @Test
  void aGrowingListSharesItsSettledElementsAndEarlierSnapshotsKeepWhatTheyShowed() {
    PartialJson parser = new PartialJson();
    parser.feed("{\"xs\": [{\"a\": 0}, {\"a\"");
    List<List<?>> snapshots = new ArrayList<>();
    snapshots.add((List<?>) parser.snapshot().get("xs"));
    for (int i = 1; i < 20; i++) { // past the first array's capacity: the shared array grows
      parser.feed(": " + i + "}, {\"a\"");
      snapshots.add((List<?>) parser.snapshot().get("xs"));
    }
    for (int i = 0; i < 20; i++) {
      List<?> xs = snapshots.get(i);
      assertEquals(i + 2, xs.size(), "snapshot " + i + ": " + xs);
      assertEquals(Map.of(), xs.get(i + 1), "the open element, as it was");
      assertEquals(Map.of("a", i), xs.get(i));
      assertSame(snapshots.get(19).get(0), xs.get(0), "a settled element is copied once");
    }
  }

  @Test
  void snapshotsAreImmutableCopiesAndTheObjectEndsParsing() {
    PartialJson parser = new PartialJson();
    parser.feed("{\"a\": [1, ");
    Map<String, Object> before = parser.snapshot();
    parser.feed("2]} and then {\"b\": 3}");
    assertEquals(Map.of("a", List.of(1)), before, "an earlier snapshot does not change");
    assertEquals(Map.of("a", List.of(1, 2)), parser.snapshot());
    assertTrue(parser.isComplete());
    assertFalse(parser.feed("{\"c\": 4}"), "nothing after the object counts");
  }

  @Test
  void aCharacterSplitBetweenChunksIsReadWhole() throws IOException {
    // Two-, three- and four-byte UTF-8 characters; the emoji is a surrogate pair, which one-char chunks cut in half.
    String answer = "prose {\"name\": \"caf\u00e9 \u20ac5 \ud83d\ude00 \ud83c\udf89!\", \"tags\": [\"\ud83d\ude00\"], \"n\": 1}";
    Map<String, Object> whole = JSON.readValue(answer.substring(answer.indexOf('{')), Map.class);
    PartialJson parser = new PartialJson();
    JsonItems items = new JsonItems();
    List<Map<String, Object>> handed = new ArrayList<>();
    for (int at = 0; at < answer.length(); at++) {
      parser.feed(answer.substring(at, at + 1));
    }
    String list = "[" + answer.substring(answer.indexOf('{')) + ", {\"name\": \"\ud83c\udf89\"}]";
    for (int at = 0; at < list.length(); at++) {
      items.feed(list.substring(at, at + 1), (item, index) -> handed.add(item));
    }
    assertEquals(whole, parser.snapshot());
    assertEquals(List.of(whole, Map.of("name", "\ud83c\udf89")), handed);
  }

  @Test
  void chunksInsideAStringWaitForItsEndAndEscapesDoNotEndIt() {
    // An escaped quote and an escaped backslash before the closing quote, cut at every character:
    // a chunk wholly inside a string is held back, so the partials must still come exactly at each change.
    String answer = "{\"a\": \"x\\\"}y\\\\\", \"b\": [\"\\\\\"], \"c\": 1}";
    PartialJson parser = new PartialJson();
    List<Map<String, Object>> seen = new ArrayList<>();
    for (int at = 0; at < answer.length(); at++) {
      if (parser.feed(answer.substring(at, at + 1))) {
        seen.add(parser.snapshot());
      }
    }
    String a = "x\"}y\\";
    assertEquals(List.of(Map.of(), Map.of("a", a), Map.of("a", a, "b", List.of()), Map.of("a", a, "b", List.of("\\")),
        Map.of("a", a, "b", List.of("\\"), "c", 1)), seen);
  }

  @Test
  void aClosedRecordIsOneUnmodifiableInstanceInEveryLaterSnapshot() {
    PartialJson parser = new PartialJson();
    parser.feed("{\"a\": {\"x\": [1]}, \"b\": ");
    Map<String, Object> before = parser.snapshot();
    parser.feed("2}");
    Map<String, Object> after = parser.snapshot();
    assertSame(before.get("a"), after.get("a"));
    assertTrue(parser.isFinal(after.get("a")) && parser.isFinal(after));
    assertSame(after, parser.snapshot(), "the closed answer is not copied again");
    @SuppressWarnings("unchecked")
    Map<String, Object> a = (Map<String, Object>) after.get("a");
    org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> a.put("y", 2));
    org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> ((List<Object>) a.get("x")).add(3));
    assertEquals(Map.of("a", Map.of("x", List.of(1)), "b", 2), after);
  }

  @Test
  void anOpenRecordsSnapshotIsAnOrderedImmutableMapThatHoldsNulls() {
    PartialJson parser = new PartialJson();
    parser.feed("{\"z\": null, \"a\": 1, \"m\": {\"k\": true}, \"q\": ");
    Map<String, Object> snapshot = parser.snapshot();
    java.util.Map<String, Object> expected = new java.util.LinkedHashMap<>();
    expected.put("z", null);
    expected.put("a", 1);
    expected.put("m", Map.of("k", true));
    assertEquals(expected, snapshot);
    assertEquals(snapshot, expected);
    assertEquals(expected.hashCode(), snapshot.hashCode());
    assertEquals(List.of("z", "a", "m"), new ArrayList<>(snapshot.keySet()), "in the answer's order");
    assertTrue(snapshot.containsKey("z") && !snapshot.containsKey("q"));
    assertEquals(null, snapshot.get("z"));
    assertEquals(expected.toString(), snapshot.toString());
    org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> snapshot.put("b", 2));
    org.junit.jupiter.api.Assertions.assertThrows(UnsupportedOperationException.class, () -> snapshot.entrySet().iterator().next().setValue(3));
  }
}
