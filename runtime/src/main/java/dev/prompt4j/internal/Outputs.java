package dev.prompt4j.internal;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.prompt4j.internal.output.JsonOutputType;
import dev.prompt4j.internal.output.OutputParseException;
import dev.prompt4j.internal.output.OutputType;
import dev.prompt4j.internal.output.OutputMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The output types generated code uses. */
public final class Outputs {
  private Outputs() {}

  private static final OutputType<String> TEXT =
      new OutputType<>() {
        @Override
        public String parse(String text) throws OutputParseException {
          if (text == null || text.isBlank()) {
            // A filtered or tool-only reply: nothing a caller can use, so it is re-asked like any invalid answer.
            throw new OutputParseException("the answer is empty");
          }
          return text;
        }

        @Override
        public String typeName() {
          return "String";
        }
      };

  /** The answer's text as it arrived; an empty answer is invalid. */
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
          if (value.name().equalsIgnoreCase(bare) || value.name().equalsIgnoreCase(bare.replaceAll("[\\s-]+", "_"))) {
            return value;
          }
        }
        // Underscores, hyphens and spaces are alike: "product return" names PRODUCT_RETURN.
        String normalised = " " + trimmed.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ") + " ";
        List<E> named = new ArrayList<>();
        for (E value : values) {
          if (normalised.contains(" " + value.name().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]+", " ").strip() + " ")) {
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

  /**
   * A structured answer read as JSON: records (nested, with lists, {@code Optional}, enums and {@code
   * java.time} types), {@code List<T>}, booleans and numbers. The answer may come in a Markdown fence
   * or with prose around it; it is checked against {@code jsonSchema}, read with Jackson and validated
   * with the records' Bean Validation constraints, cascading into nested records and list elements.
   *
   * <pre>{@code
   * Outputs.json(new TypeReference<List<Faq>>() {}, "List<Faq>", "{\"type\":\"array\",...}")
   * }</pre>
   *
   * @param type the full generic type of the value
   * @param typeName the type as the user wrote it, for messages
   * @param jsonSchema the schema the processor derived, or {@code null} to skip the schema check
   */
  public static <T> OutputType<T> json(TypeReference<T> type, String typeName, String jsonSchema) {
    return new JsonOutputType<>(type, typeName, jsonSchema);
  }

  /**
   * As {@link #json(TypeReference, String, String)}, for a type that is, or contains, a sealed
   * interface of records: {@code subtypes} are the permitted records of every such interface (the
   * processor lists them; nothing is scanned at run time). An answer names its record in the property
   * {@code "type"} holding the record's simple name, as the derived schema says.
   *
   * <pre>{@code
   * Outputs.json(new TypeReference<List<Task>>() {}, "List<Task>", schema, BillingInquiry.class, ProductReturn.class)
   * }</pre>
   */
  public static <T> OutputType<T> json(TypeReference<T> type, String typeName, String jsonSchema, Class<?>... subtypes) {
    OutputMapper.registerSubtypes(subtypes);
    return new JsonOutputType<>(type, typeName, jsonSchema);
  }

  static String abbreviate(String text) {
    return text.length() <= 200 ? text : text.substring(0, 200) + "...";
  }
}
