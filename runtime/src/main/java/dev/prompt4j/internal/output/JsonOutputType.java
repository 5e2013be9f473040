package dev.prompt4j.internal.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.request.ResponseFormat;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A structured answer: found in the text ({@link JsonExtractor}), checked and repaired against the
 * schema ({@link SchemaCheck}), read by the shared {@link OutputMapper}, then validated with the
 * records' constraints ({@link ConstraintCheck}). Every step reports all it finds, so one re-ask can
 * name every problem.
 *
 * @param <T> the value type
 */
public final class JsonOutputType<T> implements OutputType<T> {
  /** The property that wraps a non-object answer in native mode, where providers want an object. */
  public static final String WRAPPER = "value";

  private final ObjectReader reader;
  private final ObjectReader strictReader;
  private final String typeName;
  private final String jsonSchema;
  private final JsonNode schema;
  private final RootKind root;
  private volatile ResponseFormat responseFormat; // made on first use
  private volatile String instructions; // made on first use

  /** What the answer's top level is, which decides how loose text is read. */
  enum RootKind { OBJECT, ARRAY, STRING, NUMBER, BOOLEAN, UNION }

  /**
   * Reads answers of {@code type}; generated code goes through {@link dev.prompt4j.internal.Outputs#json}.
   *
   * @throws IllegalArgumentException when {@code jsonSchema} is not valid JSON
   */
  public JsonOutputType(TypeReference<T> type, String typeName, String jsonSchema) {
    JavaType javaType = OutputMapper.MAPPER.getTypeFactory().constructType(type);
    this.reader = OutputMapper.MAPPER.readerFor(javaType);
    this.strictReader = OutputMapper.STRICT.readerFor(javaType);
    this.typeName = typeName;
    this.jsonSchema = jsonSchema;
    try {
      this.schema = jsonSchema == null || jsonSchema.isBlank() ? null : OutputMapper.MAPPER.readTree(jsonSchema);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The JSON Schema of " + typeName + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    this.root = rootKind(schema, javaType);
  }

  /** The native response format of this type's schema, converted on first use; {@code null} without a schema. */
  ResponseFormat responseFormat() {
    ResponseFormat format = responseFormat;
    if (format == null && jsonSchema != null) {
      responseFormat = format = StructuredRequests.convert(typeName, jsonSchema);
    }
    return format;
  }

  /** The instruction text of this type's schema, made on first use. */
  String instructions() {
    String text = instructions;
    if (text == null) {
      instructions = text = StructuredRequests.makeInstructions(this);
    }
    return text;
  }

  private static RootKind rootKind(JsonNode schema, JavaType type) {
    if (schema != null) {
      if (schema.has("anyOf")) {
        return RootKind.UNION;
      }
      Set<String> types = SchemaCheck.types(schema);
      if (types.contains("object")) return RootKind.OBJECT;
      if (types.contains("array")) return RootKind.ARRAY;
      if (types.contains("boolean")) return RootKind.BOOLEAN;
      if (types.contains("integer") || types.contains("number")) return RootKind.NUMBER;
      if (types.contains("string") || schema.has("enum")) return RootKind.STRING;
    }
    Class<?> raw = type.getRawClass();
    if (type.isCollectionLikeType() || type.isArrayType()) return RootKind.ARRAY;
    if (raw == Boolean.class || raw == boolean.class) return RootKind.BOOLEAN;
    if (Number.class.isAssignableFrom(raw) || (raw.isPrimitive() && raw != boolean.class)) return RootKind.NUMBER;
    if (raw == String.class || raw.isEnum()) return RootKind.STRING;
    return RootKind.OBJECT;
  }

  @Override
  public T parse(String text) throws OutputParseException {
    T exact = exact(text);
    if (exact != null) {
      return exact;
    }
    JsonNode tree = tree(text == null ? "" : text);
    if (schema != null) {
      SchemaCheck.Result checked = SchemaCheck.check(tree, schema);
      if (!checked.errors().isEmpty()) {
        throw new OutputParseException(withConstraintErrors(checked));
      }
      tree = checked.tree();
    }
    T value;
    try {
      value = reader.readValue(tree);
    } catch (JsonMappingException e) {
      throw new OutputParseException(describe(e));
    } catch (java.io.IOException e) {
      throw new OutputParseException("the answer cannot be read as " + typeName + ": " + e.getMessage());
    }
    if (value == null) {
      throw new OutputParseException("the answer must not be null");
    }
    List<String> violations = ConstraintCheck.violations(value);
    if (!violations.isEmpty()) {
      throw new OutputParseException(violations);
    }
    return value;
  }

  /**
   * The fast path, for the common case of an answer that is exactly right (what native structured
   * output gives): bound directly, without the tree, schema check and repairs; {@code null} when the
   * answer needs the tolerant path. An answer with a {@code null} anywhere always takes that path, as
   * only the schema check knows where a {@code null} may stand.
   */
  private T exact(String text) {
    if (text == null || (root != RootKind.OBJECT && root != RootKind.ARRAY)) {
      return null;
    }
    String json = text.strip();
    if (json.isEmpty() || json.charAt(0) != (root == RootKind.OBJECT ? '{' : '[') || json.contains("null")) {
      return null;
    }
    try {
      T value = strictReader.readValue(json);
      return value != null && ConstraintCheck.violations(value).isEmpty() ? value : null;
    } catch (java.io.IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * The schema's errors and, when the repaired tree still binds (a {@code null} where a value belongs
   * binds), the constraint violations at other paths, so one re-ask names every problem.
   */
  private List<String> withConstraintErrors(SchemaCheck.Result checked) {
    List<String> errors = new ArrayList<>(checked.errors());
    Object value;
    try {
      value = reader.readValue(checked.tree());
    } catch (java.io.IOException | RuntimeException e) {
      return errors;
    }
    if (value == null) {
      return errors;
    }
    List<String> paths = new ArrayList<>();
    for (String error : checked.errors()) {
      int colon = error.indexOf(": ");
      paths.add(colon < 0 ? "" : error.substring(0, colon));
    }
    for (String violation : ConstraintCheck.violations(value)) {
      int colon = violation.indexOf(": ");
      String path = colon < 0 ? "" : violation.substring(0, colon);
      if (!paths.contains(path)) {
        errors.add(violation);
      }
    }
    return errors;
  }

  /** The JSON tree of the answer, or the text itself as a string for a scalar answer in prose. */
  private JsonNode tree(String text) throws OutputParseException {
    char preferred = switch (root) {
      case OBJECT, UNION -> '{';
      case ARRAY -> '[';
      default -> 0;
    };
    JsonExtractor.Found found = JsonExtractor.find(text, preferred);
    boolean scalarRoot = root != RootKind.OBJECT && root != RootKind.ARRAY && root != RootKind.UNION;
    if (found.json() != null && scalarRoot && found.json().startsWith("[")
        && !found.json().strip().equals(JsonExtractor.unfence(text.strip()))) {
      // "No, see [1]." for a boolean: the bracket is prose, not the answer; read the text instead.
      found = new JsonExtractor.Found(null, null);
    }
    if (found.json() != null) {
      try {
        JsonNode tree = OutputMapper.MAPPER.readTree(found.json());
        return unwrap(tree);
      } catch (JsonProcessingException e) {
        if (root == RootKind.OBJECT || root == RootKind.ARRAY || root == RootKind.UNION) {
          throw new OutputParseException("the answer is not valid JSON: " + e.getOriginalMessage()
              + location(e) + "; answer only with the JSON value");
        }
      }
    }
    String scalar = JsonExtractor.unfence(text.strip());
    if (scalar.isEmpty()) {
      throw new OutputParseException("the answer is empty; expected " + expected());
    }
    if (root == RootKind.OBJECT || root == RootKind.ARRAY || root == RootKind.UNION) {
      throw new OutputParseException(found.problem() != null ? found.problem()
          : "the answer holds no JSON " + (root == RootKind.ARRAY ? "array" : "object") + "; expected " + expected()
              + " (was '" + JsonExtractor.abbreviate(scalar, 80) + "')");
    }
    if (scalar.equalsIgnoreCase("null")) {
      return JsonNodeFactory.instance.nullNode();
    }
    return JsonNodeFactory.instance.textNode(scalar);
  }

  /** In native mode a non-object answer comes wrapped as {@code {"value": ...}}. */
  private JsonNode unwrap(JsonNode tree) {
    if (root != RootKind.OBJECT && tree instanceof ObjectNode object && object.size() == 1 && object.has(WRAPPER)
        && !(root == RootKind.UNION && object.get(WRAPPER).isTextual())) {
      return object.get(WRAPPER);
    }
    return tree;
  }

  private String expected() {
    return switch (root) {
      case OBJECT -> "a JSON object for " + typeName;
      case ARRAY -> "a JSON array for " + typeName;
      case UNION -> "a JSON object for one of the records of " + typeName;
      case BOOLEAN -> "true or false";
      case NUMBER -> "a number";
      case STRING -> schema != null && schema.has("enum") ? "one of " + schema.get("enum") : "a string";
    };
  }

  private static String location(JsonProcessingException e) {
    return e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
  }

  /** Where in the value {@code e} happened: {@code items[2].speed}, or empty at the root. */
  static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference ref : e.getPath()) {
      if (ref.getFieldName() != null) {
        if (path.length() > 0) path.append('.');
        path.append(ref.getFieldName());
      } else if (ref.getIndex() >= 0) {
        path.append('[').append(ref.getIndex()).append(']');
      }
    }
    return path.toString();
  }

  private static String describe(JsonMappingException e) {
    String path = path(e);
    String where = path.isEmpty() ? "the answer" : path;
    if (e instanceof UnrecognizedPropertyException u) {
      List<String> known = new ArrayList<>();
      if (u.getKnownPropertyIds() != null) u.getKnownPropertyIds().forEach(id -> known.add(String.valueOf(id)));
      return where + ": is not a property of this object; expected only " + known;
    }
    if (e instanceof InvalidFormatException f && f.getTargetType() != null && f.getTargetType().isEnum()) {
      return where + ": " + e.getOriginalMessage();
    }
    if (e instanceof InvalidFormatException f) {
      return where + ": cannot be read as " + f.getTargetType().getSimpleName() + " (was " + ConstraintCheck.show(f.getValue()) + ")";
    }
    return where + ": " + e.getOriginalMessage().replaceAll("\\s+", " ");
  }

  @Override
  public String jsonSchema() {
    return jsonSchema;
  }

  @Override
  public String typeName() {
    return typeName;
  }

  @Override
  public String toString() {
    return "JsonOutputType[" + typeName + "]";
  }
}
