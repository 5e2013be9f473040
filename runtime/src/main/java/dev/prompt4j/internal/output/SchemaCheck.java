package dev.prompt4j.internal.output;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks an answer's JSON tree against the schema the processor derived, repairing what models
 * commonly get almost right and listing everything else.
 *
 * <p>Repairs: a single value where an array is expected (wrapped), an enum constant in any case or
 * with spaces for underscores, property names in any case, {@code "yes"}/{@code "no"} for booleans,
 * a number inside a sentence, a number or boolean where a string is expected, a JSON object or array
 * sent as a string. Reported: wrong types, missing required properties, {@code null} where the type
 * does not allow it, unknown properties, unknown enum constants, an unknown record of a sealed type.
 *
 * <p>Only the structural keywords are read here ({@code type}, {@code properties}, {@code required},
 * {@code additionalProperties}, {@code items}, {@code enum}, {@code anyOf}); the constraints
 * ({@code minItems}, {@code pattern}, ...) are checked by Bean Validation on the value, which gives
 * the same rules with better messages.
 */
final class SchemaCheck {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  // Commas only as thousands separators (1,234,567.5): "3,5" reads as two numbers, so the answer is
  // ambiguous and re-asked rather than silently read as 35.
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?(?:[eE][-+]?\\d+)?");

  private final List<String> errors = new ArrayList<>();

  private SchemaCheck() {}

  /** The repaired tree and every problem found, in document order. */
  record Result(JsonNode tree, List<String> errors) {}

  static Result check(JsonNode tree, JsonNode schema) {
    SchemaCheck check = new SchemaCheck();
    JsonNode repaired = check.visit(tree, schema, "");
    return new Result(repaired, List.copyOf(new LinkedHashSet<>(check.errors)));
  }

  private JsonNode visit(JsonNode node, JsonNode schema, String path) {
    if (schema == null || schema.isEmpty()) {
      return node;
    }
    JsonNode anyOf = schema.get("anyOf");
    if (anyOf != null && anyOf.isArray()) {
      return visitAnyOf(node, schema, (ArrayNode) anyOf, path);
    }
    Set<String> types = types(schema);
    if (node == null || node.isNull() || node.isMissingNode()) {
      if (!types.contains("null") && !types.isEmpty()) {
        errors.add(at(path) + "must not be null");
      }
      return node == null || node.isMissingNode() ? NODES.nullNode() : node;
    }
    if (types.contains("object")) {
      return visitObject(node, schema, path);
    }
    if (types.contains("array")) {
      return visitArray(node, schema, path);
    }
    if (types.contains("string") || schema.has("enum")) {
      return visitString(node, schema, path);
    }
    if (types.contains("integer") || types.contains("number")) {
      return visitNumber(node, types.contains("number") ? "number" : "integer", path);
    }
    if (types.contains("boolean")) {
      return visitBoolean(node, path);
    }
    return node;
  }

  private JsonNode visitAnyOf(JsonNode node, JsonNode schema, ArrayNode branches, String path) {
    List<JsonNode> nonNull = new ArrayList<>();
    boolean nullable = false;
    for (JsonNode branch : branches) {
      if (types(branch).equals(Set.of("null"))) {
        nullable = true;
      } else {
        nonNull.add(branch);
      }
    }
    if (node == null || node.isNull() || node.isMissingNode()) {
      if (!nullable) {
        errors.add(at(path) + "must not be null");
      }
      return NODES.nullNode();
    }
    if (nonNull.size() == 1) {
      return visit(node, nonNull.get(0), path);
    }
    // A sealed type: the discriminator names the branch.
    JsonNode unwrapped = parsedString(node);
    if (unwrapped.isObject()) {
      JsonNode name = property((ObjectNode) unwrapped, OutputMapper.DISCRIMINATOR);
      List<String> known = new ArrayList<>();
      for (JsonNode branch : nonNull) {
        String constant = discriminator(branch);
        if (constant == null) {
          continue;
        }
        known.add(constant);
        if (name != null && name.isTextual() && normalise(name.asText()).equals(normalise(constant))) {
          ObjectNode object = (ObjectNode) unwrapped;
          object.remove(fieldName(object, OutputMapper.DISCRIMINATOR));
          object.put(OutputMapper.DISCRIMINATOR, constant);
          return visit(object, branch, path);
        }
      }
      if (!known.isEmpty()) {
        errors.add(at(path.isEmpty() ? OutputMapper.DISCRIMINATOR : path + "." + OutputMapper.DISCRIMINATOR)
            + "must be one of " + known + " (was " + (name == null ? "missing" : show(name)) + ")");
        return unwrapped;
      }
    }
    // Any other union: the first branch that fits as it is.
    for (JsonNode branch : nonNull) {
      SchemaCheck trial = new SchemaCheck();
      JsonNode repaired = trial.visit(node.deepCopy(), branch, path);
      if (trial.errors.isEmpty()) {
        return repaired;
      }
    }
    errors.add(at(path) + "does not match any of the allowed shapes (was " + show(node) + ")");
    return node;
  }

  private JsonNode visitObject(JsonNode node, JsonNode schema, String path) {
    JsonNode value = parsedString(node);
    if (value.isArray() && value.size() == 1 && value.get(0).isObject()) {
      value = value.get(0); // [ {...} ] where one object is expected
    }
    if (!value.isObject()) {
      errors.add(at(path) + "must be a JSON object (was " + show(node) + ")");
      return node;
    }
    ObjectNode object = (ObjectNode) value;
    JsonNode properties = schema.path("properties");
    ObjectNode result = NODES.objectNode();
    List<String> unknown = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : object.properties()) {
      String name = canonicalProperty(properties, field.getKey());
      if (name == null) {
        unknown.add(field.getKey());
        result.set(field.getKey(), field.getValue());
      } else {
        result.set(name, field.getValue());
      }
    }
    for (Map.Entry<String, JsonNode> property : properties.properties()) {
      String childPath = path.isEmpty() ? property.getKey() : path + "." + property.getKey();
      JsonNode child = result.get(property.getKey());
      if (child == null) {
        if (required(schema, property.getKey()) && !nullable(property.getValue())) {
          errors.add(at(childPath) + "is required but missing");
        }
        continue;
      }
      result.set(property.getKey(), visit(child, property.getValue(), childPath));
    }
    boolean closed = schema.path("additionalProperties").isBoolean() && !schema.path("additionalProperties").asBoolean();
    if (closed) {
      for (String name : unknown) {
        errors.add(at(path.isEmpty() ? name : path + "." + name) + "is not a property of this object; expected only "
            + names(properties));
      }
    }
    return result;
  }

  private JsonNode visitArray(JsonNode node, JsonNode schema, String path) {
    JsonNode value = parsedString(node);
    ArrayNode array;
    if (value.isArray()) {
      array = (ArrayNode) value;
    } else {
      array = NODES.arrayNode().add(value); // one item where a list is expected
    }
    JsonNode items = schema.get("items");
    ArrayNode result = NODES.arrayNode();
    for (int i = 0; i < array.size(); i++) {
      result.add(visit(array.get(i), items, path + "[" + i + "]"));
    }
    return result;
  }

  private JsonNode visitString(JsonNode node, JsonNode schema, String path) {
    JsonNode constants = schema.get("enum");
    if (node.isContainerNode()) {
      errors.add(at(path) + "must be " + (constants == null ? "a string" : "one of " + constants(constants)) + " (was " + show(node) + ")");
      return node;
    }
    String text = node.asText();
    if (constants == null) {
      return node.isTextual() ? node : NODES.textNode(text);
    }
    String wanted = normalise(text);
    for (JsonNode constant : constants) {
      if (normalise(constant.asText()).equals(wanted)) {
        return NODES.textNode(constant.asText());
      }
    }
    // A sentence that names exactly one constant: "The trend is emerging."
    String words = "_" + wanted.replaceAll("[^A-Z0-9]+", "_") + "_";
    String named = null;
    int count = 0;
    for (JsonNode constant : constants) {
      if (words.contains("_" + normalise(constant.asText()) + "_")) {
        named = constant.asText();
        count++;
      }
    }
    if (count == 1) {
      return NODES.textNode(named);
    }
    errors.add(at(path) + "must be " + (count > 1 ? "exactly one" : "one") + " of " + constants(constants) + " (was " + show(node) + ")");
    return node;
  }

  private JsonNode visitNumber(JsonNode node, String type, String path) {
    BigDecimal number = null;
    if (node.isNumber()) {
      number = node.decimalValue();
    } else if (node.isTextual()) {
      number = numberIn(node.asText());
    }
    if (number == null) {
      errors.add(at(path) + "must be " + (type.equals("integer") ? "a whole number" : "a number") + " (was " + show(node) + ")");
      return node;
    }
    if (type.equals("integer")) {
      try {
        return NODES.numberNode(number.toBigIntegerExact());
      } catch (ArithmeticException e) {
        errors.add(at(path) + "must be a whole number (was " + number.toPlainString() + ")");
        return node;
      }
    }
    return node.isNumber() ? node : NODES.numberNode(number);
  }

  private JsonNode visitBoolean(JsonNode node, String path) {
    if (node.isBoolean()) {
      return node;
    }
    Boolean value = booleanIn(node.asText());
    if (node.isContainerNode() || value == null) {
      errors.add(at(path) + "must be true or false (was " + show(node) + ")");
      return node;
    }
    return NODES.booleanNode(value);
  }

  /** The one number a sentence states ("About 42 items."); {@code null} when none or several differ. */
  static BigDecimal numberIn(String text) {
    Matcher m = NUMBER.matcher(text);
    BigDecimal found = null;
    while (m.find()) {
      if (m.end() + 1 < text.length() && text.charAt(m.end()) == ',' && Character.isDigit(text.charAt(m.end() + 1))) {
        return null; // "3,5" or "1,2,3": a decimal comma or a list, not a thousands separator
      }
      BigDecimal value;
      try {
        value = new BigDecimal(m.group().replace(",", ""));
      } catch (NumberFormatException e) {
        return null;
      }
      if (found != null && found.compareTo(value) != 0) {
        return null;
      }
      found = value;
    }
    return found;
  }

  /** {@code true} for "Yes.", "true", "Y", "Yes, it is"; {@code false} for the negatives; else {@code null}. */
  static Boolean booleanIn(String text) {
    String first = text.strip().toLowerCase(Locale.ROOT).replaceAll("^[^a-z0-9]+", "").split("[^a-z0-9]+", 2)[0];
    return switch (first) {
      case "yes", "true", "y", "1", "correct" -> Boolean.TRUE;
      case "no", "false", "n", "0", "incorrect" -> Boolean.FALSE;
      default -> null;
    };
  }

  /** A JSON object or array that arrived as a string holding its text. */
  private static JsonNode parsedString(JsonNode node) {
    if (node.isTextual()) {
      String text = node.asText().strip();
      if ((text.startsWith("{") && text.endsWith("}")) || (text.startsWith("[") && text.endsWith("]"))) {
        try {
          return OutputMapper.MAPPER.readTree(text);
        } catch (Exception e) {
          return node;
        }
      }
    }
    return node;
  }

  static Set<String> types(JsonNode schema) {
    JsonNode type = schema.get("type");
    Set<String> types = new LinkedHashSet<>();
    if (type == null) {
      return types;
    }
    if (type.isArray()) {
      type.forEach(t -> types.add(t.asText()));
    } else {
      types.add(type.asText());
    }
    return types;
  }

  static boolean nullable(JsonNode schema) {
    if (types(schema).contains("null")) {
      return true;
    }
    JsonNode anyOf = schema.get("anyOf");
    if (anyOf != null) {
      for (JsonNode branch : anyOf) {
        if (types(branch).contains("null")) {
          return true;
        }
      }
    }
    return false;
  }

  private static boolean required(JsonNode schema, String property) {
    for (JsonNode name : schema.path("required")) {
      if (name.asText().equals(property)) {
        return true;
      }
    }
    return false;
  }

  /** The single constant of a sealed branch's discriminator property, or {@code null}. */
  static String discriminator(JsonNode branch) {
    JsonNode constants = branch.path("properties").path(OutputMapper.DISCRIMINATOR).path("enum");
    if (constants.isArray() && constants.size() == 1) {
      return constants.get(0).asText();
    }
    JsonNode constant = branch.path("properties").path(OutputMapper.DISCRIMINATOR).path("const");
    return constant.isTextual() ? constant.asText() : null;
  }

  private static String canonicalProperty(JsonNode properties, String name) {
    if (properties.has(name)) {
      return name;
    }
    String wanted = normalise(name);
    for (Iterator<String> it = properties.fieldNames(); it.hasNext(); ) {
      String candidate = it.next();
      if (normalise(candidate).equals(wanted)) {
        return candidate;
      }
    }
    return null;
  }

  private static JsonNode property(ObjectNode object, String name) {
    String actual = fieldName(object, name);
    return actual == null ? null : object.get(actual);
  }

  private static String fieldName(ObjectNode object, String name) {
    for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
      String candidate = it.next();
      if (candidate.equalsIgnoreCase(name)) {
        return candidate;
      }
    }
    return null;
  }

  /** Case, quotes, surrounding punctuation and the difference between {@code _}, {@code -} and spaces do not count. */
  static String normalise(String text) {
    return text.strip()
        .replaceAll("^[\\s\"'`*.]+|[\\s\"'`*.!,;:]+$", "")
        .replaceAll("[\\s_-]+", "_")
        .toUpperCase(Locale.ROOT);
  }

  private static List<String> names(JsonNode properties) {
    List<String> names = new ArrayList<>();
    properties.fieldNames().forEachRemaining(names::add);
    return names;
  }

  private static List<String> constants(JsonNode constants) {
    List<String> list = new ArrayList<>();
    constants.forEach(c -> list.add(c.asText()));
    return list;
  }

  private static String at(String path) {
    return path.isEmpty() ? "the answer " : path + ": ";
  }

  static String show(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return "missing";
    }
    if (node.isTextual()) {
      return "'" + JsonExtractor.abbreviate(node.asText(), 80) + "'";
    }
    if (node.isObject()) {
      return "an object " + JsonExtractor.abbreviate(node.toString(), 80);
    }
    if (node.isArray()) {
      return "an array of " + node.size() + " item" + (node.size() == 1 ? "" : "s");
    }
    return node.toString();
  }
}
