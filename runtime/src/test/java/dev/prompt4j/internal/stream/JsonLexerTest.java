package dev.prompt4j.internal.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link PartialJson}'s own lexer against Jackson's non-blocking parser, which it replaced: generated
 * answers (escapes, non-ASCII and surrogate pairs raw and escaped, every kind of number, nesting,
 * whitespace) cut at random places, also inside a surrogate pair, an escape or a token, must give after
 * every chunk the tree Jackson's non-blocking parser gives for the same text so far.
 */
class JsonLexerTest {
  private static final JsonFactory JSON = new JsonFactory();

  @ParameterizedTest(name = "seed {0}")
  @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8})
  void everyChunkLeavesTheTreeJacksonsNonBlockingParserReadsFromTheSameText(int seed) throws IOException {
    Random random = new Random(seed);
    for (int doc = 0; doc < 25; doc++) {
      StringBuilder json = new StringBuilder();
      object(random, json, 0);
      String answer = json.toString();
      int maxChunk = 1 + random.nextInt(12);
      PartialJson parser = new PartialJson();
      Map<String, Object> before = Map.of();
      for (int at = 0; at < answer.length(); ) {
        int end = Math.min(answer.length(), at + 1 + random.nextInt(maxChunk)); // may cut a surrogate pair
        boolean changed = parser.feed(answer.substring(at, end));
        at = end;
        Map<String, Object> expected = jackson(answer.substring(0, at));
        Map<String, Object> snapshot = parser.snapshot();
        assertEquals(expected, snapshot, "seed " + seed + " doc " + doc + " after " + at + " chars of " + answer);
        if (!changed) {
          assertEquals(before, snapshot, "no change reported, but the tree changed, after " + at + " chars of " + answer);
        }
        before = snapshot;
      }
      assertTrue(parser.isComplete(), answer);
    }
  }

  @Test
  void numbersHaveJacksonsTypes() {
    PartialJson parser = new PartialJson();
    parser.feed("{\"a\": -0, \"b\": 1e2, \"c\": 12345678901, \"d\": 123456789012345678901234, \"e\": -2147483648,"
        + " \"f\": 1.0E400, \"g\": -0.0, \"h\": 2147483648, \"i\": 9223372036854775807, \"j\": -9223372036854775808,"
        + " \"k\": 9223372036854775808, \"l\": 0.25, \"m\": 1E-2}");
    Map<String, Object> expected = new LinkedHashMap<>();
    expected.put("a", 0);
    expected.put("b", 100.0);
    expected.put("c", 12345678901L);
    expected.put("d", new BigInteger("123456789012345678901234"));
    expected.put("e", Integer.MIN_VALUE);
    expected.put("f", Double.POSITIVE_INFINITY);
    expected.put("g", -0.0);
    expected.put("h", 2147483648L);
    expected.put("i", Long.MAX_VALUE);
    expected.put("j", Long.MIN_VALUE);
    expected.put("k", new BigInteger("9223372036854775808"));
    expected.put("l", 0.25);
    expected.put("m", 0.01);
    assertEquals(expected, parser.snapshot());
    parser.snapshot().forEach((k, v) -> assertEquals(expected.get(k).getClass(), v.getClass(), k));
  }

  @Test
  void fieldNamesAreOneInternedInstanceAndLookUpsByAnEqualStringStillFindThem() {
    PartialJson parser = new PartialJson();
    parser.feed("{\"items\": [{\"na");
    parser.feed("me\": \"a\"}, {\"name\": \"b\", \"n");
    Map<String, Object> snapshot = parser.snapshot();
    List<?> items = (List<?>) snapshot.get(new String("items")); // not the interned instance
    assertEquals(List.of(Map.of("name", "a"), Map.of("name", "b")), items);
    String first = ((Map<?, ?>) items.get(0)).keySet().iterator().next().toString();
    String second = ((Map<?, ?>) items.get(1)).keySet().iterator().next().toString();
    org.junit.jupiter.api.Assertions.assertSame("name", first, "a name split across chunks is the interned instance");
    org.junit.jupiter.api.Assertions.assertSame(first, second);
    assertEquals("b", ((Map<?, ?>) items.get(1)).get(new String("name")));
  }

  @Test
  void decimalsAreTheDoublesParseDoubleReads() {
    Random random = new Random(11);
    for (int n = 0; n < 3000; n++) {
      StringBuilder number = new StringBuilder(random.nextBoolean() ? "-" : "");
      int integral = random.nextInt(9);
      number.append(integral == 0 ? "0" : String.valueOf(1 + random.nextInt(9)));
      for (int j = 1; j < integral; j++) {
        number.append(random.nextInt(10));
      }
      number.append('.');
      for (int j = 0, f = 1 + random.nextInt(n % 3 == 0 ? 20 : 8); j < f; j++) {
        number.append(random.nextInt(10));
      }
      if (n % 7 == 0) {
        number.append(random.nextBoolean() ? "e" : "E-").append(random.nextInt(30));
      }
      PartialJson parser = new PartialJson();
      parser.feed("{\"x\": " + number + "}");
      assertEquals(Double.parseDouble(number.toString()), parser.snapshot().get("x"), number.toString());
    }
  }

  @Test
  void aValueCompletesAtTheCharacterAfterItAsInJackson() {
    PartialJson parser = new PartialJson();
    assertTrue(parser.feed("{\"a\": tru"));
    assertFalse(parser.feed("e"), "true could still be the start of something longer");
    assertTrue(parser.feed(","));
    assertEquals(Map.of("a", true), parser.snapshot());
    assertFalse(parser.feed("\"n\": 12"));
    assertTrue(parser.feed("3 "));
    assertFalse(parser.feed("}"), "a closing brace is no change without @StreamDone");
    assertEquals(Map.of("a", true, "n", 123), parser.snapshot());
    assertTrue(parser.isComplete());
  }

  @Test
  void whatBreaksTheGrammarStopsThePartialsWhereItIs() {
    for (String bad : List.of("{\"a\": 01}", "{\"a\": 1,}", "{\"a\" 1}", "{\"a\": [1,]}", "{\"a\": \"x\u0001\"}", "{\"a\": tru}",
        "{\"a\": \"\\x\"}", "{\"a\": \"\\u12g4\"}", "{\"a\": 1 2}", "{\"a\": -}", "{\"a\": 1.}", "{\"a\": 1e}", "{\"a\": .5}",
        "{\"a\": 1]", "{\"a\": [1}", "{a: 1}", "{\"a\": 'x'}", "{\"a\": 1} trailing")) {
      PartialJson parser = new PartialJson();
      for (int at = 0; at < bad.length(); at++) {
        parser.feed(bad.substring(at, at + 1));
      }
      Map<String, Object> expected = jackson(bad);
      assertEquals(expected, parser.snapshot(), bad);
      assertEquals(bad.endsWith("trailing"), parser.isComplete(), bad);
    }
  }

  @Test
  void numbersAndNestingBeyondJacksonsLimitsStopThePartials() {
    PartialJson parser = new PartialJson();
    parser.feed("{\"ok\": 1, \"n\": " + "9".repeat(600));
    parser.feed("9".repeat(600) + ", \"after\": 2}");
    assertEquals(Map.of("ok", 1), parser.snapshot(), "a 1,200-digit number is refused, as Jackson refuses it");
    assertFalse(parser.isComplete());
    PartialJson deep = new PartialJson();
    deep.feed("{\"a\": " + "[".repeat(998) + "1" + "]".repeat(998) + ", \"b\": " + "[".repeat(1000));
    assertEquals(1, ((List<?>) (Object) deep.snapshot().get("a")).size(), "1,000 deep is read");
    assertFalse(deep.feed("1"), "the 1,001st level is refused");
    assertFalse(deep.isComplete());
  }

  @Test
  void aStringSplitInsideAnEscapeOrASurrogatePairIsReadWhole() {
    String answer = "{\"s\": \"a\\u00e9\\ud83d\\ude00\\\"\\\\\\/\\b\\f\\n\\r\\t\ud83c\udf89\u00fc\u6708z\"}";
    for (int size = 1; size <= 4; size++) {
      PartialJson parser = new PartialJson();
      for (int at = 0; at < answer.length(); at += size) {
        parser.feed(answer.substring(at, Math.min(answer.length(), at + size)));
      }
      assertEquals(Map.of("s", "a\u00e9\ud83d\ude00\"\\/\b\f\n\r\t\ud83c\udf89\u00fc\u6708z"), parser.snapshot(), "chunks of " + size);
    }
  }

  // ---- the oracle: Jackson's non-blocking parser fed the whole text so far

  /** The tree of the complete tokens of {@code text} (from its first brace), as the replaced implementation built it. */
  @SuppressWarnings("unchecked")
  static Map<String, Object> jackson(String text) {
    if (!text.isEmpty() && Character.isHighSurrogate(text.charAt(text.length() - 1))) {
      text = text.substring(0, text.length() - 1); // the old encoder kept a lone high half for the next chunk
    }
    int brace = text.indexOf('{');
    if (brace < 0) {
      return Map.of();
    }
    byte[] bytes = text.substring(brace).getBytes(StandardCharsets.UTF_8);
    Deque<Object> open = new ArrayDeque<>();
    Map<String, Object> root = null;
    String field = null;
    try (JsonParser parser = JSON.createNonBlockingByteArrayParser()) {
      ((ByteArrayFeeder) parser.getNonBlockingInputFeeder()).feedInput(bytes, 0, bytes.length);
      JsonToken token;
      while ((token = parser.nextToken()) != JsonToken.NOT_AVAILABLE && token != null) {
        Object value;
        switch (token) {
          case FIELD_NAME -> {
            field = parser.currentName();
            continue;
          }
          case END_OBJECT, END_ARRAY -> {
            open.pop();
            if (open.isEmpty()) {
              return root;
            }
            continue;
          }
          case START_OBJECT -> value = new LinkedHashMap<String, Object>();
          case START_ARRAY -> value = new ArrayList<>();
          case VALUE_STRING -> value = parser.getText();
          case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> value = parser.getNumberValue();
          case VALUE_TRUE -> value = Boolean.TRUE;
          case VALUE_FALSE -> value = Boolean.FALSE;
          default -> value = null;
        }
        Object parent = open.peek();
        if (parent == null) {
          root = (Map<String, Object>) value;
        } else if (parent instanceof Map<?, ?> map) {
          ((Map<String, Object>) map).put(field, value);
        } else {
          ((List<Object>) parent).add(value);
        }
        if (value instanceof Map || value instanceof List) {
          open.push(value);
        }
      }
    } catch (IOException broken) {
      // what was read before the error stays
    }
    return root == null ? Map.of() : root;
  }

  // ---- generated answers

  private static final String[] STRINGS = {"", "plain", "caf\u00e9", "\u6708\u5149", "emoji \ud83d\ude00!", "quote \\\" in", "back\\\\slash",
      "esc \\n\\t\\r\\b\\f\\/", "uni \\u00e9\\u6708", "pair \\ud83d\\ude00", "{not: [json]}", "a, b: c"};

  private static void object(Random random, StringBuilder out, int depth) {
    out.append('{').append(space(random));
    int n = random.nextInt(depth > 2 ? 3 : 5);
    for (int i = 0; i < n; i++) {
      if (i > 0) {
        out.append(',').append(space(random));
      }
      out.append('"').append(STRINGS[random.nextInt(STRINGS.length)]).append(i).append('"').append(space(random)).append(':')
          .append(space(random));
      value(random, out, depth + 1);
      out.append(space(random));
    }
    out.append('}');
  }

  private static void value(Random random, StringBuilder out, int depth) {
    switch (random.nextInt(depth > 3 ? 5 : 7)) {
      case 0 -> out.append('"').append(STRINGS[random.nextInt(STRINGS.length)]).append('"');
      case 1 -> out.append(new String[] {"0", "-0", "7", "-42", "2147483647", "2147483648", "-2147483649", "12345678901234567890123",
          "0.5", "-1.25e3", "6E-2", "1e+2", "3.0"}[random.nextInt(13)]);
      case 2 -> out.append(new String[] {"true", "false", "null"}[random.nextInt(3)]);
      case 3 -> out.append(random.nextInt(1000));
      case 4 -> out.append('"').append(random.nextInt(100)).append(STRINGS[random.nextInt(STRINGS.length)]).append('"');
      case 5 -> object(random, out, depth);
      default -> {
        out.append('[').append(space(random));
        int n = random.nextInt(4);
        for (int i = 0; i < n; i++) {
          if (i > 0) {
            out.append(space(random)).append(',').append(space(random));
          }
          value(random, out, depth + 1);
        }
        out.append(space(random)).append(']');
      }
    }
  }

  private static String space(Random random) {
    return new String[] {"", "", "", " ", "\n  ", "\t", "\r\n"}[random.nextInt(7)];
  }
}
