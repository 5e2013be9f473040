package dev.prompt4j.internal.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the arguments a model sent for one tool (generated-code ABI): the JSON object is checked
 * against the tool's compile-time schema (the same check and repairs as answers), each parameter bound
 * to its type, and records checked against their Bean Validation constraints. Whatever does not fit
 * is an {@link OutputParseException} whose errors go back to the model as the tool's result.
 *
 * <p>Arguments that are exactly right (names as declared, values of their JSON types, within their
 * bounds) are read straight from the tokens without building a tree ({@link ExactArguments}); anything
 * else takes the tolerant path described above, which gives every repair and message.
 *
 * <pre>{@code
 * ArgumentsReader reader = new ArgumentsReader(schema, List.of("city", "days"), new TypeReference<String>() {}, new TypeReference<Integer>() {});
 * Object[] values = reader.read("{\"city\":\"Paris\",\"days\":2}");
 * }</pre>
 */
public final class ArgumentsReader {
  /** The pattern the processor writes for {@code @NotBlank}: one character that is not whitespace. */
  static final String NOT_BLANK = "\\S";

  private static final java.util.regex.Pattern NOT_BLANK_PATTERN = java.util.regex.Pattern.compile(NOT_BLANK);

  private final JsonNode schema;
  private final List<String> names;
  private final ObjectReader[] readers;
  private final boolean[] optional;
  private final ExactArguments exact; // null: every call takes the tolerant path

  /**
   * @param schema the arguments object's JSON Schema
   * @param names the parameter names, in order
   * @param types the parameter types, in the same order
   */
  public ArgumentsReader(String schema, List<String> names, TypeReference<?>... types) {
    if (names.size() != types.length) {
      throw new IllegalArgumentException("names " + names + " and " + types.length + " types");
    }
    try {
      this.schema = OutputMapper.MAPPER.readTree(schema);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a schema: " + schema, e);
    }
    this.names = List.copyOf(names);
    this.readers = new ObjectReader[types.length];
    this.optional = new boolean[types.length];
    JavaType[] javaTypes = new JavaType[types.length];
    for (int i = 0; i < types.length; i++) {
      var javaType = OutputMapper.MAPPER.getTypeFactory().constructType(types[i]);
      javaTypes[i] = javaType;
      readers[i] = OutputMapper.MAPPER.readerFor(javaType);
      optional[i] = javaType.getRawClass() == Optional.class;
    }
    this.exact = ExactArguments.of(this.schema, this.names, javaTypes, optional);
  }

  /**
   * The parameter values of {@code arguments}.
   *
   * @param arguments the JSON object the model sent (blank for none)
   * @return one value per parameter
   * @throws OutputParseException naming every problem
   */
  public Object[] read(String arguments) throws OutputParseException {
    Object[] values = exact == null ? null : exact.read(arguments);
    return values != null ? values : readTolerant(arguments);
  }

  /**
   * Whether {@code arguments} are read on the fast path, straight from the tokens (for tests).
   *
   * @param arguments the JSON object
   * @return {@code true} when they are exactly right and read without the tree
   */
  boolean readsExactly(String arguments) {
    return exact != null && exact.read(arguments) != null;
  }

  /** The tolerant path: the tree, checked and repaired against the schema, then each parameter bound. */
  Object[] readTolerant(String arguments) throws OutputParseException {
    JsonNode tree;
    try {
      tree = arguments == null || arguments.isBlank() ? JsonNodeFactory.instance.objectNode() : OutputMapper.MAPPER.readTree(arguments);
    } catch (JsonProcessingException e) {
      throw new OutputParseException("the arguments are not JSON: " + e.getOriginalMessage());
    }
    if (tree == null || !tree.isObject()) {
      throw new OutputParseException("the arguments must be a JSON object, not " + SchemaCheck.show(tree));
    }
    SchemaCheck.Result checked = SchemaCheck.check(tree, schema);
    if (!checked.errors().isEmpty()) {
      throw new OutputParseException(checked.errors());
    }
    tree = checked.tree();
    List<String> errors = new ArrayList<>();
    for (String name : names) {
      bounds(tree.get(name), schema.path("properties").path(name), name, errors);
    }
    if (!errors.isEmpty()) {
      throw new OutputParseException(errors);
    }
    Object[] values = new Object[readers.length];
    for (int i = 0; i < readers.length; i++) {
      JsonNode node = tree.get(names.get(i));
      try {
        values[i] = (node == null || node.isNull()) && optional[i] ? Optional.empty() : readers[i].readValue(node == null ? JsonNodeFactory.instance.nullNode() : node);
      } catch (JsonMappingException e) {
        String path = JsonOutputType.path(e);
        errors.add(names.get(i) + (path.isEmpty() || path.startsWith("[") ? path : "." + path) + ": " + e.getOriginalMessage());
        continue;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      if (values[i] == null && !optional[i]) {
        errors.add(names.get(i) + " must not be null");
        continue;
      }
      for (String violation : ConstraintCheck.violations(values[i])) {
        errors.add(names.get(i) + ": " + violation);
      }
    }
    if (!errors.isEmpty()) {
      throw new OutputParseException(errors);
    }
    return values;
  }

  /**
   * The constraints a parameter itself carries ({@code @Min(1) int days}), which are in its schema only:
   * a record's components are checked by Bean Validation after binding.
   */
  private static void bounds(JsonNode value, JsonNode schema, String name, List<String> errors) {
    if (value == null || value.isNull()) {
      return;
    }
    if (value.isNumber()) {
      double n = value.asDouble();
      if (schema.has("minimum") && n < schema.get("minimum").asDouble()) errors.add(name + " must be at least " + schema.get("minimum") + " (was " + value + ")");
      if (schema.has("maximum") && n > schema.get("maximum").asDouble()) errors.add(name + " must be at most " + schema.get("maximum") + " (was " + value + ")");
      if (schema.has("exclusiveMinimum") && n <= schema.get("exclusiveMinimum").asDouble()) errors.add(name + " must be more than " + schema.get("exclusiveMinimum") + " (was " + value + ")");
      if (schema.has("exclusiveMaximum") && n >= schema.get("exclusiveMaximum").asDouble()) errors.add(name + " must be less than " + schema.get("exclusiveMaximum") + " (was " + value + ")");
    } else if (value.isTextual()) {
      String s = value.asText();
      boolean notBlank = schema.has("pattern") && NOT_BLANK.equals(schema.get("pattern").asText());
      if (notBlank && !NOT_BLANK_PATTERN.matcher(s).find()) {
        errors.add(name + " must not be blank");
        return;
      }
      int length = s.codePointCount(0, s.length());
      if (schema.has("minLength") && length < schema.get("minLength").asInt()) errors.add(name + " must have at least " + schema.get("minLength") + " character(s)");
      if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) errors.add(name + " must have at most " + schema.get("maxLength") + " character(s)");
      if (schema.has("pattern") && !notBlank && !java.util.regex.Pattern.compile(schema.get("pattern").asText()).matcher(s).find()) errors.add(name + " must match " + schema.get("pattern").asText() + " (was \"" + s + "\")");
    } else if (value.isArray()) {
      if (schema.has("minItems") && value.size() < schema.get("minItems").asInt()) errors.add(name + " must have at least " + schema.get("minItems") + " item(s)");
      if (schema.has("maxItems") && value.size() > schema.get("maxItems").asInt()) errors.add(name + " must have at most " + schema.get("maxItems") + " item(s)");
    }
  }

  /**
   * {@code value} as JSON text, written as answers are read.
   *
   * @param value a tool's result
   * @return the JSON
   * @throws JsonProcessingException when it cannot be written
   */
  public static String json(Object value) throws JsonProcessingException {
    return OutputMapper.MAPPER.writeValueAsString(value);
  }
}
