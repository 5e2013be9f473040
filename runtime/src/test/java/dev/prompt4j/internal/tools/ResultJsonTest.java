package dev.prompt4j.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.internal.output.ArgumentsReader;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The short form of decimals gives exactly {@link Double#toString}'s text, on every value it accepts;
 * the writer's text is Jackson's on awkward strings and numbers, however long, and a writer started
 * while another is open on the same thread (its buffer in use) does not disturb it.
 */
class ResultJsonTest {
  private static final double[] POWERS = {1, 10, 100, 1000};

  @Test
  void everyShortDecimalIsWrittenAsDoubleToStringWritesIt() {
    char[] out = new char[ResultJson.SHORT_CHARS + 1];
    long accepted = 0;
    for (int places = 0; places < POWERS.length; places++) {
      for (long units = 0; units < ResultJson.SHORT_LIMIT; units++) {
        double value = units / POWERS[places];
        for (double v : new double[] {value, -value}) {
          int end = ResultJson.shortDecimal(out, 1, v); // not at the start: the offset is honoured
          if (end >= 0) {
            accepted++;
            String expected = Double.toString(v);
            if (end - 1 != expected.length() || !expected.contentEquals(java.nio.CharBuffer.wrap(out, 1, end - 1))) {
              assertEquals(expected, new String(out, 1, end - 1), "units " + units + ", places " + places);
            }
          }
        }
      }
    }
    assertTrue(accepted > 4 * ResultJson.SHORT_LIMIT, "accepted " + accepted); // the domain is covered, not skipped
  }

  @Test
  void everythingElseIsLeftToDoubleToString() {
    for (double v : new double[] {-0.0, Double.NaN, Double.POSITIVE_INFINITY, 0.1 + 0.2, 1e-4, 1e7, 1234567.5, 0.0005, Math.PI}) {
      assertEquals(-1, ResultJson.shortDecimal(new char[ResultJson.SHORT_CHARS], 0, v), String.valueOf(v));
    }
    assertEquals("{\"a\":33.5,\"b\":-0.05,\"c\":1200.0,\"d\":-0.0,\"e\":\"NaN\",\"f\":3.141592653589793}",
        ResultJson.object().field("a", 33.5).field("b", -0.05).field("c", 1200.0).field("d", -0.0).field("e", Double.NaN)
            .field("f", Math.PI).end());
  }

  @Test
  void stringsAndWholeNumbersAreWrittenAsJacksonWritesThem() throws Exception {
    String[] strings = {"", "plain", "\"q\" \\ \b\t\n\f\r \u0000\u0001\u001f\u007f", "é ÿ", "€ 🚀 \u2028 \uD800", "x".repeat(300),
        "a\"".repeat(5000), "é".repeat(9000) + "\n"};
    for (String s : strings) {
      Map<String, Object> expected = new LinkedHashMap<>();
      expected.put("s", s);
      expected.put("n", null);
      expected.put("i", Integer.MIN_VALUE);
      expected.put("l", Long.MIN_VALUE);
      expected.put("m", Long.MAX_VALUE);
      expected.put("z", 0);
      expected.put("b", (byte) -7);
      expected.put("t", true);
      expected.put("x", 1e300);
      String written = ResultJson.object().field("s", s).field("n", (String) null).field("i", Integer.MIN_VALUE).field("l", Long.MIN_VALUE)
          .boxed("m", Long.MAX_VALUE).field("z", 0).boxed("b", (byte) -7).boxed("t", Boolean.TRUE).boxed("x", 1e300).end();
      assertEquals(ArgumentsReader.json(expected), written, s.length() > 20 ? s.substring(0, 20) : s);
    }
    for (long n = 1; n > 0 && n < Long.MAX_VALUE / 3; n = n * 3 + 1) {
      assertEquals("{\"p\":" + n + ",\"q\":" + -n + ",\"r\":" + (int) n + "}",
          ResultJson.object().field("p", n).field("q", -n).field("r", (int) n).end());
    }
  }

  @Test
  void aWriterOpenedWhileAnotherIsOpenWritesIntoItsOwnBuffer() {
    ResultJson outer = ResultJson.object().field("a", "one");
    String inner = ResultJson.object().field("b", "two").end(); // as a record accessor dispatching another tool would
    assertEquals("{\"b\":\"two\"}", inner);
    assertEquals("{\"a\":\"one\",\"c\":3}", outer.field("c", 3).end());
    ResultJson.object().field("left", "open"); // an accessor threw: this chain is never ended
    assertEquals("{\"d\":4}", ResultJson.object().field("d", 4).end());
    assertEquals("{\"e\":5}", ResultJson.object().field("e", 5).end());
  }
}
