package dev.prompt4j.internal.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The conversions generated partial types call: one per numeric type, and lists of records without a lambda per snapshot. */
class PartialsTest {
  record Step(String name, Integer minutes) {
    static Step of(Map<String, Object> json, Partials partials) {
      return new Step(Partials.string(json.get("name")), Partials.intValue(json.get("minutes")));
    }
  }

  @Test
  void eachNumericConversionTakesAnyJsonNumberAndNothingElse() {
    for (Object number : List.of(7, 7L, 7.0, new BigInteger("7"))) {
      assertEquals(Integer.valueOf(7), Partials.intValue(number), number.getClass().getName());
      assertEquals(Long.valueOf(7), Partials.longValue(number));
      assertEquals(Short.valueOf((short) 7), Partials.shortValue(number));
      assertEquals(Byte.valueOf((byte) 7), Partials.byteValue(number));
      assertEquals(Double.valueOf(7), Partials.doubleValue(number));
      assertEquals(Float.valueOf(7), Partials.floatValue(number));
    }
    assertEquals(Integer.valueOf(2), Partials.intValue(2.9), "as Number.intValue, which the final parse would reject");
    for (Object notANumber : new Object[] {"7", true, null, Map.of(), List.of()}) {
      assertNull(Partials.intValue(notANumber));
      assertNull(Partials.longValue(notANumber));
      assertNull(Partials.shortValue(notANumber));
      assertNull(Partials.byteValue(notANumber));
      assertNull(Partials.doubleValue(notANumber));
      assertNull(Partials.floatValue(notANumber));
    }
    Integer big = 1000;
    Double score = 99.75;
    assertSame(big, Partials.intValue(big), "a number of the component's type is handed on, not boxed again");
    assertSame(score, Partials.doubleValue(score));
  }

  @Test
  void recordsConvertsAGrowingListAsListWithARecordConversionDoes() {
    String answer = "{\"steps\": [{\"name\": \"pack\", \"minutes\": 5}, {\"name\": \"go\", \"minutes\": 600}, {\"minutes\": 1}, 3, {\"name\": \"end\"}]}";
    PartialJson json = new PartialJson();
    Partials viaRecords = new Partials(json);
    Partials viaList = new Partials(json);
    List<List<Step>> seen = new ArrayList<>();
    for (int at = 0; at < answer.length(); at++) {
      if (json.feed(answer.substring(at, at + 1))) {
        Object steps = json.snapshot().get("steps");
        List<Step> records = viaRecords.records(steps, Step::of);
        assertEquals(viaList.list(steps, item -> viaList.record(item, Step::of)), records);
        seen.add(records);
      }
    }
    assertEquals(List.of(new Step("pack", 5), new Step("go", 600), new Step(null, 1), new Step("end", null)), seen.get(seen.size() - 1),
        "a non-object element is left out");
    assertNull(viaRecords.records("not a list", Step::of));
    List<Step> last = viaRecords.records(json.snapshot().get("steps"), Step::of);
    assertSame(last, viaRecords.records(json.snapshot().get("steps"), Step::of), "a closed list is converted once");
  }
}
