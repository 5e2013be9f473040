package dev.prompt4j.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.prompt4j.internal.Outputs;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A number where an enum constant is expected is an error naming the field and the constants, never
 * the constant at that index (Jackson's default), whether it arrives as {@code 1} or {@code "1"}.
 */
class EnumIndexTest {
  enum Speed { SLOW, FAST }

  record Car(String name, Speed speed) {}

  private static final String SCHEMA = """
      {"type":"object","properties":{"name":{"type":"string"},"speed":{"type":"string","enum":["SLOW","FAST"]}},
       "required":["name","speed"],"additionalProperties":false}""";

  private static JsonOutputType<Car> car(String schema) {
    return new JsonOutputType<>(new TypeReference<Car>() {}, "Car", schema);
  }

  private static void assertNamesFieldAndConstants(OutputParseException e) {
    String message = String.join("; ", e.errors());
    assertTrue(message.contains("speed"), message);
    assertTrue(message.contains("SLOW") && message.contains("FAST"), message);
  }

  @Test
  void aNumberForAnEnumComponentIsAnErrorWithTheSchema() {
    assertNamesFieldAndConstants(assertThrows(OutputParseException.class, () -> car(SCHEMA).parse("{\"name\":\"a\",\"speed\":1}")));
    assertNamesFieldAndConstants(assertThrows(OutputParseException.class, () -> car(SCHEMA).parse("{\"name\":\"a\",\"speed\":\"1\"}")));
  }

  @Test
  void aNumberForAnEnumComponentIsAnErrorWithoutASchema() {
    assertNamesFieldAndConstants(assertThrows(OutputParseException.class, () -> car(null).parse("{\"name\":\"a\",\"speed\":1}")));
    assertNamesFieldAndConstants(assertThrows(OutputParseException.class, () -> car(null).parse("{\"name\":\"a\",\"speed\":\"1\"}")));
  }

  @Test
  void constantsAreStillReadByName() throws Exception {
    assertEquals(Speed.FAST, car(SCHEMA).parse("{\"name\":\"a\",\"speed\":\"FAST\"}").speed());
    assertEquals(Speed.FAST, car(null).parse("{\"name\":\"a\",\"speed\":\"fast\"}").speed());
  }

  @Test
  void aBareNumberForAnEnumAnswerNamesTheConstants() {
    for (String answer : List.of("1", "\"1\"", "{\"value\":1}")) {
      OutputParseException e = assertThrows(OutputParseException.class,
          () -> new JsonOutputType<>(new TypeReference<Speed>() {}, "Speed", "{\"type\":\"string\",\"enum\":[\"SLOW\",\"FAST\"]}").parse(answer), answer);
      String message = String.join("; ", e.errors());
      assertTrue(message.contains("SLOW") && message.contains("FAST"), message);
      OutputParseException plain = assertThrows(OutputParseException.class, () -> Outputs.enumOf("Speed", Speed.values()).parse(answer), answer);
      assertTrue(String.join("; ", plain.errors()).contains("[SLOW, FAST]"), String.join("; ", plain.errors()));
    }
    assertThrows(OutputParseException.class,
        () -> new JsonOutputType<>(new TypeReference<Speed>() {}, "Speed", null).parse("1"));
  }

  @Test
  void aNumberForAnEnumToolArgumentIsAnError() {
    ArgumentsReader reader = new ArgumentsReader(
        "{\"type\":\"object\",\"properties\":{\"speed\":{\"type\":\"string\",\"enum\":[\"SLOW\",\"FAST\"]}},\"required\":[\"speed\"]}",
        List.of("speed"), new TypeReference<Speed>() {});
    assertNamesFieldAndConstants(assertThrows(OutputParseException.class, () -> reader.read("{\"speed\":1}")));
    ArgumentsReader inRecord = new ArgumentsReader(
        "{\"type\":\"object\",\"properties\":{\"car\":{\"type\":\"object\"}},\"required\":[\"car\"]}",
        List.of("car"), new TypeReference<Car>() {});
    assertNamesFieldAndConstants(assertThrows(OutputParseException.class, () -> inRecord.read("{\"car\":{\"name\":\"a\",\"speed\":1}}")));
  }
}
