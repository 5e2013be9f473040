package dev.prompt4j.internal.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The fast path of tool arguments ({@link ExactArguments}) against the tolerant one: on every input
 * of a corpus of exact, almost right and wrong arguments, {@link ArgumentsReader#read} gives the same
 * values, or the same errors, as the tolerant path alone; and the exact ones do take the fast path.
 */
class ArgumentsReaderTest {
  public enum Speed { STANDARD, EXPRESS }

  public record Parcel(@NotBlank String sku, @Min(1) @Max(20) int weightKg) {}

  /** The schema the processor writes for {@code quote(@NotBlank String sku, @Min(1) int quantity, boolean express)}. */
  static final ArgumentsReader PRICING = new ArgumentsReader(
      "{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\",\"minLength\":1},\"quantity\":{\"type\":\"integer\",\"minimum\":1},"
          + "\"express\":{\"type\":\"boolean\"}},\"required\":[\"sku\",\"quantity\",\"express\"],\"additionalProperties\":false}",
      List.of("sku", "quantity", "express"), new TypeReference<String>() {}, new TypeReference<Integer>() {}, new TypeReference<Boolean>() {});

  /** The schema of the processor's golden {@code Shipping.Tools.quote}: a list of records, an enum, a nullable Optional. */
  static final ArgumentsReader SHIPPING = new ArgumentsReader(
      "{\"type\":\"object\",\"properties\":{\"parcels\":{\"type\":\"array\",\"items\":{\"type\":\"object\",\"properties\":{\"sku\":{\"type\":\"string\","
          + "\"minLength\":1},\"weightKg\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":20}},\"required\":[\"sku\",\"weightKg\"],"
          + "\"additionalProperties\":false},\"minItems\":1,\"maxItems\":3},\"speed\":{\"type\":\"string\",\"enum\":[\"STANDARD\",\"EXPRESS\"]},"
          + "\"insuredValue\":{\"type\":[\"number\",\"null\"]}},\"required\":[\"parcels\",\"speed\",\"insuredValue\"],\"additionalProperties\":false}",
      List.of("parcels", "speed", "insuredValue"),
      new TypeReference<List<Parcel>>() {}, new TypeReference<Speed>() {}, new TypeReference<Optional<Double>>() {});

  /** Bounds of every kind on simple parameters, and an Optional that may be left out. */
  static final ArgumentsReader BOUNDS = new ArgumentsReader(
      "{\"type\":\"object\",\"properties\":{\"code\":{\"type\":\"string\",\"pattern\":\"^[A-Z]{3}$\",\"maxLength\":3},"
          + "\"id\":{\"type\":\"integer\",\"maximum\":100},\"ratio\":{\"type\":\"number\",\"exclusiveMinimum\":0,\"exclusiveMaximum\":1},"
          + "\"note\":{\"type\":[\"string\",\"null\"]}},\"required\":[\"code\",\"id\",\"ratio\"],\"additionalProperties\":false}",
      List.of("code", "id", "ratio", "note"),
      new TypeReference<String>() {}, new TypeReference<Long>() {}, new TypeReference<Double>() {}, new TypeReference<Optional<String>>() {});

  /** Only parameters read from one token: the scanner reads them, without a parser. */
  static final ArgumentsReader SIMPLE = new ArgumentsReader(
      "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\",\"minLength\":2},\"id\":{\"type\":\"integer\",\"minimum\":-5},"
          + "\"ratio\":{\"type\":\"number\",\"maximum\":1000},\"speed\":{\"type\":\"string\",\"enum\":[\"STANDARD\",\"EXPRESS\"]},"
          + "\"flag\":{\"type\":\"boolean\"}},\"required\":[\"name\",\"id\",\"ratio\",\"speed\",\"flag\"],\"additionalProperties\":false}",
      List.of("name", "id", "ratio", "speed", "flag"), new TypeReference<String>() {}, new TypeReference<Long>() {},
      new TypeReference<Double>() {}, new TypeReference<Speed>() {}, new TypeReference<Boolean>() {});

  @Test
  void exactArgumentsAreReadFromTheTokensToTheSameValues() throws Exception {
    String[][] exact = {
        {"pricing", "{\"sku\":\"TRAIL-42\",\"quantity\":3,\"express\":true}"},
        {"pricing", " { \"express\" : false , \"quantity\" : 1 , \"sku\" : \"é\\u00e9\" } "},
        {"shipping", "{\"parcels\":[{\"sku\":\"A\",\"weightKg\":2}],\"speed\":\"EXPRESS\",\"insuredValue\":12.5}"},
        {"shipping", "{\"parcels\":[{\"sku\":\"A\",\"weightKg\":2},{\"sku\":\"B\",\"weightKg\":20}],\"speed\":\"STANDARD\",\"insuredValue\":12}"},
        {"bounds", "{\"code\":\"ABC\",\"id\":100,\"ratio\":0.5}"},
        {"simple", "{\"name\":\"Zoë 🚀\",\"id\":-0,\"ratio\":1e2,\"speed\":\"STANDARD\",\"flag\":false}"},
        {"simple", "\t{\r\n\"flag\":true,\n\"speed\":\"EXPRESS\" ,\"ratio\":-0.000123E+2,\"id\":123456789012345678,\"name\":\"a\\\"b\"}\n"},
        {"simple", "{\"name\":\"ab\",\"id\":-5,\"ratio\":1000,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"simple", "{\"name\":\"ab\",\"id\":7,\"ratio\":3.14159265358979323846264338327950288,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"bounds", "{\"code\":\"ABC\",\"id\":-5000000000,\"ratio\":0.25,\"note\":\"hi\"}"},
    };
    for (String[] c : exact) {
      ArgumentsReader reader = reader(c[0]);
      assertTrue(reader.readsExactly(c[1]), c[1]);
      assertArrayEquals(reader.readTolerant(c[1]), reader.read(c[1]), c[1]);
    }
    assertArrayEquals(new Object[] {"TRAIL-42", 3, true}, PRICING.read("{\"sku\":\"TRAIL-42\",\"quantity\":3,\"express\":true}"));
    assertArrayEquals(new Object[] {List.of(new Parcel("A", 2)), Speed.EXPRESS, Optional.of(12.5)},
        SHIPPING.read("{\"parcels\":[{\"sku\":\"A\",\"weightKg\":2}],\"speed\":\"EXPRESS\",\"insuredValue\":12.5}"));
    assertArrayEquals(new Object[] {"Zoë 🚀", 0L, 100.0, Speed.STANDARD, false},
        SIMPLE.read("{\"name\":\"Zoë 🚀\",\"id\":-0,\"ratio\":1e2,\"speed\":\"STANDARD\",\"flag\":false}"));
    assertArrayEquals(new Object[] {"ABC", 1L, 0.5, Optional.empty()}, BOUNDS.read("{\"code\":\"ABC\",\"id\":1,\"ratio\":0.5}"));
  }

  @Test
  void everythingElseTakesTheTolerantPathWithItsRepairsAndMessages() throws Exception {
    String[][] other = {
        // not an object, not JSON, empty, trailing text
        {"pricing", ""}, {"pricing", " "}, {"pricing", "null"}, {"pricing", "[]"}, {"pricing", "{\"sku\":"}, {"pricing", "\"x\""},
        {"pricing", "{\"sku\":\"A\",\"quantity\":1,\"express\":true} x"}, {"pricing", "{\"sku\":\"A\",\"quantity\":1,\"express\":true}{}"},
        // missing, misspelt, unknown and repeated names
        {"pricing", "{}"}, {"pricing", "{\"sku\":\"A\"}"}, {"pricing", "{\"SKU\":\"A\",\"quantity\":3,\"express\":true}"},
        {"pricing", "{\"sku\":\"A\",\"quantity\":1,\"express\":false,\"note\":\"x\"}"},
        {"pricing", "{\"sku\":\"A\",\"sku\":\"B\",\"quantity\":1,\"express\":false}"},
        // repairable and wrong types, nulls
        {"pricing", "{\"sku\":\"A\",\"quantity\":\"3\",\"express\":true}"}, {"pricing", "{\"sku\":\"A\",\"quantity\":3.0,\"express\":true}"},
        {"pricing", "{\"sku\":\"A\",\"quantity\":2.5,\"express\":true}"}, {"pricing", "{\"sku\":\"A\",\"quantity\":1e2,\"express\":true}"},
        {"pricing", "{\"sku\":\"A\",\"quantity\":3000000000,\"express\":true}"}, {"pricing", "{\"sku\":\"A\",\"quantity\":1,\"express\":\"yes\"}"},
        {"pricing", "{\"sku\":7,\"quantity\":1,\"express\":true}"}, {"pricing", "{\"sku\":null,\"quantity\":1,\"express\":true}"},
        {"pricing", "{\"sku\":\"A\",\"quantity\":null,\"express\":true}"}, {"pricing", "{\"sku\":[\"A\"],\"quantity\":1,\"express\":true}"},
        // bounds
        {"pricing", "{\"sku\":\"A\",\"quantity\":0,\"express\":true}"}, {"pricing", "{\"sku\":\"\",\"quantity\":1,\"express\":true}"},
        {"bounds", "{\"code\":\"abc\",\"id\":1,\"ratio\":0.5}"}, {"bounds", "{\"code\":\"ABCD\",\"id\":1,\"ratio\":0.5}"},
        {"bounds", "{\"code\":\"ABC\",\"id\":101,\"ratio\":0.5}"}, {"bounds", "{\"code\":\"ABC\",\"id\":1,\"ratio\":0}"},
        {"bounds", "{\"code\":\"ABC\",\"id\":1,\"ratio\":1}"}, {"bounds", "{\"code\":\"ABC\",\"id\":99999999999999999999,\"ratio\":0.5}"},
        // the scanner's edges: numbers, literals, strings, structure
        {"simple", "{\"name\":\"ab\",\"id\":01,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"simple", "{\"name\":\"ab\",\"id\":1.0,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"simple", "{\"name\":\"ab\",\"id\":1,\"ratio\":.5,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"simple", "{\"name\":\"ab\",\"id\":1,\"ratio\":1.,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"simple", "{\"name\":\"ab\",\"id\":1,\"ratio\":1e,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"simple", "{\"name\":\"ab\",\"id\":1,\"ratio\":1e400,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"simple", "{\"name\":\"ab\",\"id\":1,\"ratio\":1001,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"simple", "{\"name\":\"ab\",\"id\":-6,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"simple", "{\"name\":\"ab\",\"id\":9223372036854775808,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"simple", "{\"name\":\"ab\",\"id\":1,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":truey}"},
        {"simple", "{\"name\":\"ab\",\"id\":1,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":True}"},
        {"simple", "{\"name\":\"ab\",\"id\":1,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":1}"},
        {"simple", "{\"name\":\"ab\",\"id\":1,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":true,}"},
        {"simple", "{\"name\":\"a\",\"id\":1,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"simple", "{\"name\":\"a\tb\",\"id\":1,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"simple", "{\"name\":\"ab\",\"id\":1,\"ratio\":1,\"speed\":\"Express\",\"flag\":true}"},
        {"simple", "{\"name\":\"ab\",\"id\":1,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":true"},
        {"simple", "{\"name\":\"ab\",\"id\":1,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":true}}"},
        {"simple", "{\"name\":\"ab\",\"id\":1,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":true} // done"},
        {"simple", "\uFEFF{\"name\":\"ab\",\"id\":1,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"simple", "{\"name\":\"ab\",\"id\":1,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":null}"},
        {"simple", "{\"name\":\"ab\",\"na\\u006de\":\"cd\",\"id\":1,\"ratio\":1,\"speed\":\"EXPRESS\",\"flag\":true}"},
        {"simple", "{'name':'ab','id':1,'ratio':1,'speed':'EXPRESS','flag':true}"},
        // enums, lists, records, Optionals
        {"shipping", "{\"parcels\":[{\"sku\":\"A\",\"weightKg\":2}],\"speed\":\"express\",\"insuredValue\":null}"},
        {"shipping", "{\"parcels\":[{\"sku\":\"A\",\"weightKg\":2}],\"speed\":\"fast\",\"insuredValue\":null}"},
        {"shipping", "{\"parcels\":[{\"sku\":\"A\",\"weightKg\":2}],\"speed\":0,\"insuredValue\":null}"},
        {"shipping", "{\"parcels\":[],\"speed\":\"EXPRESS\",\"insuredValue\":1}"},
        {"shipping", "{\"parcels\":[{\"sku\":\"A\",\"weightKg\":2},{\"sku\":\"A\",\"weightKg\":2},{\"sku\":\"A\",\"weightKg\":2},"
            + "{\"sku\":\"A\",\"weightKg\":2}],\"speed\":\"EXPRESS\",\"insuredValue\":1}"},
        {"shipping", "{\"parcels\":{\"sku\":\"A\",\"weightKg\":2},\"speed\":\"EXPRESS\",\"insuredValue\":1}"},
        {"shipping", "{\"parcels\":\"[{\\\"sku\\\":\\\"A\\\",\\\"weightKg\\\":2}]\",\"speed\":\"EXPRESS\",\"insuredValue\":1}"},
        {"shipping", "{\"parcels\":[null],\"speed\":\"EXPRESS\",\"insuredValue\":1}"},
        {"shipping", "{\"parcels\":[{\"sku\":\"A\",\"weightKg\":0}],\"speed\":\"EXPRESS\",\"insuredValue\":1}"},
        {"shipping", "{\"parcels\":[{\"sku\":\" \",\"weightKg\":2}],\"speed\":\"EXPRESS\",\"insuredValue\":1}"},
        {"shipping", "{\"parcels\":[{\"sku\":\"A\",\"weightKg\":\"2\"}],\"speed\":\"EXPRESS\",\"insuredValue\":1}"},
        {"shipping", "{\"parcels\":[{\"SKU\":\"A\",\"weightKg\":2}],\"speed\":\"EXPRESS\",\"insuredValue\":1}"},
        {"shipping", "{\"parcels\":[{\"sku\":\"A\",\"weightKg\":2,\"fragile\":true}],\"speed\":\"EXPRESS\",\"insuredValue\":1}"},
        {"shipping", "{\"parcels\":[{\"sku\":\"A\"}],\"speed\":\"EXPRESS\",\"insuredValue\":1}"},
        {"shipping", "{\"parcels\":[{\"sku\":\"A\",\"weightKg\":2}],\"speed\":\"EXPRESS\",\"insuredValue\":\"12.5 euros\"}"},
    };
    // either path may read these (a null or left-out Optional, a number for an Optional string): the values must agree
    String[][] either = {
        {"shipping", "{\"parcels\":[{\"sku\":\"A\",\"weightKg\":2}],\"speed\":\"EXPRESS\"}"},
        {"bounds", "{\"code\":\"ABC\",\"id\":1,\"ratio\":0.5,\"note\":null}"},
        {"bounds", "{\"code\":\"ABC\",\"id\":1,\"ratio\":0.5,\"note\":3}"},
    };
    List<String> failures = new ArrayList<>();
    List<String[]> all = new ArrayList<>(List.of(other));
    all.addAll(List.of(either));
    for (String[] c : all) {
      ArgumentsReader reader = reader(c[0]);
      if (List.of(other).contains(c)) {
        assertFalse(reader.readsExactly(c[1]), "read on the fast path: " + c[1]);
      }
      String fast = outcome(() -> reader.read(c[1]));
      String tolerant = outcome(() -> reader.readTolerant(c[1]));
      if (!fast.equals(tolerant)) {
        failures.add(c[1] + "\n  read: " + fast + "\n  tolerant: " + tolerant);
      }
    }
    assertEquals(List.of(), failures);
    // the corpus does reach the errors the model is told about, naming the argument
    assertEquals("errors [quantity must be at least 1 (was 0)]", outcome(() -> PRICING.read("{\"sku\":\"A\",\"quantity\":0,\"express\":true}")));
    assertTrue(outcome(() -> SHIPPING.read("{\"parcels\":[null],\"speed\":\"EXPRESS\",\"insuredValue\":1}")).contains("parcels[0]"));
  }

  @Test
  void theCompactFormAndTheGeneralFormReadTheSameValues() throws Exception {
    String[] values = {
        "\"\",\"id\":0,\"ratio\":0", // an empty string is too short for name: tolerant, the same error
        "\"ab\",\"id\":-5,\"ratio\":-0.0", "\"é ÿ € 🚀\",\"id\":123456789012345678,\"ratio\":1e22",
        "\"ab\",\"id\":-123456789012345678,\"ratio\":1E-22", "\"ab\",\"id\":7,\"ratio\":123456789012345",
        "\"ab\",\"id\":7,\"ratio\":1234567890123456", "\"ab\",\"id\":7,\"ratio\":0.1", "\"ab\",\"id\":7,\"ratio\":-2.5e+2",
        "\"ab\",\"id\":7,\"ratio\":1e23", "\"ab\",\"id\":7,\"ratio\":4.9e-324", "\"ab\",\"id\":7,\"ratio\":1001",
        "\"a\\\"b\",\"id\":7,\"ratio\":1", "\"a\\u00e9\",\"id\":7,\"ratio\":1", "\"ab\",\"id\":1234567890123456789,\"ratio\":1",
        "\"ab\",\"id\":\"7\",\"ratio\":1", "\"ab\",\"id\":7,\"ratio\":null", "\"ab\",\"id\":7.5,\"ratio\":1",
    };
    List<String> failures = new ArrayList<>();
    for (String v : values) {
      String compact = "{\"name\":" + v.replace(",\"ratio\":", ",\"ratio\":") + ",\"speed\":\"EXPRESS\",\"flag\":true}";
      String spaced = " { \"flag\" : true , \"speed\" : \"EXPRESS\" , \"name\" : " + v.replace(",", " , ").replace(":", " : ") + " } ";
      String a = outcome(() -> SIMPLE.read(compact));
      String b = outcome(() -> SIMPLE.read(spaced));
      String tolerant = outcome(() -> SIMPLE.readTolerant(compact));
      if (!a.equals(tolerant) || !b.equals(tolerant)) {
        failures.add(compact + "\n  compact: " + a + "\n  spaced: " + b + "\n  tolerant: " + tolerant);
      }
    }
    assertEquals(List.of(), failures);
    assertTrue(SIMPLE.readsExactly("{\"name\":\"é ÿ € 🚀\",\"id\":-5,\"ratio\":-2.5e+2,\"speed\":\"EXPRESS\",\"flag\":true}"));
    // the compact form left half-way (a space before a comma): the general form reads it
    assertArrayEquals(new Object[] {"TRAIL-42", 3, true}, PRICING.read("{\"sku\":\"TRAIL-42\",\"quantity\":3 ,\"express\":true}"));
    assertTrue(PRICING.readsExactly("{\"sku\":\"TRAIL-42\",\"quantity\":3 ,\"express\":true}"));
    assertTrue(PRICING.readsExactly("{\"quantity\":3,\"sku\":\"TRAIL-42\",\"express\":true}"));
    assertFalse(PRICING.readsExactly("{\"sku\":\"TRAIL-42\",\"quantity\":3,\"express\":true}\u00a0"));
    assertFalse(PRICING.readsExactly("{\"sku\":\"TRAIL-42\",\"quantity\":3,\"express\":true,}"));
    assertFalse(PRICING.readsExactly("{\"sku\":\"TRAIL-42\",\"quantity\":3,\"express\":truee}"));
  }

  @Test
  void decimalsAreReadToTheDoubleParseDoubleGives() {
    Random random = new Random(12);
    List<String> failures = new ArrayList<>();
    List<String> numbers = new ArrayList<>(List.of("0", "-0", "0.0", "-0.0", "0e5", "1e22", "1e23", "1e-22", "1e-23", "9007199254740993",
        "999999999999999", "999999999999999.9", "0.000000000000000000001", "123456789012345e7", "123456789012345e8", "1.7976931348623157e308",
        "4.9e-324", "2.2250738585072014E-308", "0.30000000000000004", "100000000000000000000000"));
    for (int i = 0; i < 200_000; i++) {
      StringBuilder n = new StringBuilder(random.nextBoolean() ? "-" : "");
      StringBuilder digits = new StringBuilder().append((char) ('1' + random.nextInt(9)));
      for (int length = 1 + random.nextInt(18); digits.length() < length; ) {
        digits.append((char) ('0' + random.nextInt(10)));
      }
      int point = random.nextInt(digits.length() + 1); // 0: "0.digits"; the length: no point
      if (point == 0) {
        n.append("0.").append(digits);
      } else {
        n.append(digits, 0, point);
        if (point < digits.length()) {
          n.append('.').append(digits, point, digits.length());
        }
      }
      if (random.nextInt(3) == 0) {
        n.append(random.nextBoolean() ? 'e' : 'E').append(random.nextBoolean() ? "-" : random.nextBoolean() ? "+" : "").append(random.nextInt(40));
      }
      numbers.add(n.toString());
    }
    for (String n : numbers) {
      String text = "x" + n + "}"; // inside other text: only [start, end) is read
      double read = ExactArguments.decimal(text, 1, text.length() - 1);
      if (Double.doubleToRawLongBits(read) != Double.doubleToRawLongBits(Double.parseDouble(n))) {
        failures.add(n + " read as " + read);
      }
    }
    assertEquals(List.of(), failures.subList(0, Math.min(failures.size(), 10)));
  }

  private static ArgumentsReader reader(String name) {
    return switch (name) {
      case "pricing" -> PRICING;
      case "shipping" -> SHIPPING;
      case "simple" -> SIMPLE;
      default -> BOUNDS;
    };
  }

  interface Read {
    Object[] read() throws Exception;
  }

  private static String outcome(Read read) {
    try {
      return "values " + java.util.Arrays.deepToString(read.read());
    } catch (OutputParseException e) {
      return "errors " + e.errors();
    } catch (Exception e) {
      return e.getClass().getName() + ": " + e.getMessage();
    }
  }
}
