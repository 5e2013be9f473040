package dev.prompt4j.internal.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The short form of decimals gives exactly {@link Double#toString}'s text, on every value it accepts. */
class ResultJsonTest {
  private static final double[] POWERS = {1, 10, 100, 1000};

  @Test
  void everyShortDecimalIsWrittenAsDoubleToStringWritesIt() {
    StringBuilder out = new StringBuilder();
    long accepted = 0;
    for (int places = 0; places < POWERS.length; places++) {
      for (long units = 0; units < ResultJson.SHORT_LIMIT; units++) {
        double value = units / POWERS[places];
        for (double v : new double[] {value, -value}) {
          out.setLength(0);
          if (ResultJson.shortDecimal(out, v)) {
            accepted++;
            String expected = Double.toString(v);
            if (!expected.contentEquals(out)) {
              assertEquals(expected, out.toString(), "units " + units + ", places " + places);
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
      assertFalse(ResultJson.shortDecimal(new StringBuilder(), v), String.valueOf(v));
    }
    assertEquals("{\"a\":33.5,\"b\":-0.05,\"c\":1200.0,\"d\":-0.0,\"e\":\"NaN\",\"f\":3.141592653589793}",
        ResultJson.object().field("a", 33.5).field("b", -0.05).field("c", 1200.0).field("d", -0.0).field("e", Double.NaN)
            .field("f", Math.PI).end());
  }
}
