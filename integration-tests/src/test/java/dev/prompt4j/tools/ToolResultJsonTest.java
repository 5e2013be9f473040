package dev.prompt4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.prompt4j.Tool;
import dev.prompt4j.internal.output.ArgumentsReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Records a tool returns are written by generated code when Jackson would write them component by
 * component: the text must be Jackson's, character for character, on awkward values; records Jackson
 * writes otherwise (renamed, extra getter, a char) keep going through Jackson.
 */
class ToolResultJsonTest {
  /** Tools returning records. */
  public static class Samples {
    public enum Mood { CALM, ANGRY }

    public record Sample(String text, int i, long l, double d, float f, boolean b, short s, byte y, Integer boxedInt, Long boxedLong,
        Double boxedDouble, Float boxedFloat, Boolean boxedBool, Mood mood) {}

    public record Renamed(@JsonProperty("full_name") String name, int age) {}

    public record WithGetter(String a) {
      public String getExtra() {
        return "x";
      }
    }

    public record Letter(char c, String s) {}

    static final List<Sample> VALUES = List.of(
        new Sample("plain", 1, 2L, 3.5, 4.5f, true, (short) 5, (byte) 6, 7, 8L, 9.5, 10.5f, false, Mood.CALM),
        new Sample("\"quoted\" \\ back\b\t\n\f\r \u0000\u0001\u001f\u007f é 🚀 \u2028 </script>", Integer.MIN_VALUE, Long.MIN_VALUE,
            -0.0, -0.0f, false, Short.MIN_VALUE, Byte.MIN_VALUE, Integer.MAX_VALUE, Long.MAX_VALUE, Double.NaN, Float.NaN, true,
            Mood.ANGRY),
        new Sample("", 0, 0, Double.POSITIVE_INFINITY, Float.NEGATIVE_INFINITY, true, (short) 0, (byte) 0, null, null, null, null, null,
            null),
        new Sample(null, -1, -1, 1e-7, 1e-7f, false, (short) -1, (byte) -1, 0, 0L, 1e21, 3.4028235e38f, true, Mood.CALM),
        new Sample("x", 42, 1L << 53, 123456789.123456789, 0.1f, true, (short) 1, (byte) 1, -42, -1L, Double.MIN_VALUE, Float.MIN_VALUE,
            false, Mood.CALM),
        new Sample("y", 7, 9, Double.MAX_VALUE, 100f, true, (short) 2, (byte) 2, 1, 1L, Double.NEGATIVE_INFINITY, Float.POSITIVE_INFINITY,
            true, Mood.ANGRY));

    /**
     * One sample.
     *
     * @param index which
     */
    @Tool
    public Sample sample(int index) {
      return index < 0 ? null : VALUES.get(index);
    }

    /** A renamed component. */
    @Tool
    public Renamed renamed() {
      return new Renamed("Ada", 36);
    }

    /** An extra getter. */
    @Tool
    public WithGetter withGetter() {
      return new WithGetter("a");
    }

    /** A char component. */
    @Tool
    public Letter letter() {
      return new Letter('\n', "s");
    }
  }

  @Test
  void generatedWritersWriteWhatJacksonWrites() throws Exception {
    Prompt4jTools_ToolResultJsonTest_Samples tools = new Prompt4jTools_ToolResultJsonTest_Samples(new Samples());
    List<String> differences = new ArrayList<>();
    for (int i = 0; i < Samples.VALUES.size(); i++) {
      String written = tools.call("sample", "{\"index\":" + i + "}");
      String jackson = ArgumentsReader.json(Samples.VALUES.get(i));
      if (!written.equals(jackson)) {
        differences.add("written: " + written + "\njackson: " + jackson);
      }
    }
    assertEquals(List.of(), differences);
    assertEquals("null", tools.call("sample", "{\"index\":-1}"));
    assertEquals("{\"full_name\":\"Ada\",\"age\":36}", tools.call("renamed", "{}"));
    assertEquals(ArgumentsReader.json(new Samples.WithGetter("a")), tools.call("withGetter", "{}"));
    assertEquals(ArgumentsReader.json(new Samples.Letter('\n', "s")), tools.call("letter", "{}"));
  }
}
