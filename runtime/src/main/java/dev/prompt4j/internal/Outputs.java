package dev.prompt4j.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The output types generated code uses. */
public final class Outputs {
  private Outputs() {}

  private static final OutputType<String> TEXT =
      new OutputType<>() {
        @Override
        public String parse(String text) {
          return text;
        }

        @Override
        public String typeName() {
          return "String";
        }
      };

  /** The answer's text as it arrived. */
  public static OutputType<String> text() {
    return TEXT;
  }

  /**
   * One constant of an enum, found in what models really send: a bare or quoted name in any case,
   * with punctuation or a sentence around it, as long as exactly one constant is named.
   */
  public static <E extends Enum<E>> OutputType<E> enumOf(String typeName, E[] constants) {
    List<E> values = List.of(constants);
    return new OutputType<>() {
      @Override
      public E parse(String text) throws OutputParseException {
        String trimmed = text == null ? "" : text.strip();
        String bare = trimmed.replaceAll("^[\\s\"'`*.]+|[\\s\"'`*.!]+$", "");
        for (E value : values) {
          if (value.name().equalsIgnoreCase(bare)) {
            return value;
          }
        }
        String normalised = " " + trimmed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9_]+", " ") + " ";
        List<E> named = new ArrayList<>();
        for (E value : values) {
          if (normalised.contains(" " + value.name().toUpperCase(Locale.ROOT) + " ")) {
            named.add(value);
          }
        }
        if (named.size() == 1) {
          return named.get(0);
        }
        throw new OutputParseException(
            "expected exactly one of " + values + " but the answer "
                + (named.isEmpty() ? "names none" : "names " + named) + ": '" + abbreviate(trimmed) + "'");
      }

      @Override
      public String typeName() {
        return typeName;
      }
    };
  }

  static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
