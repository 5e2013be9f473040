package dev.prompt4j.internal.output;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import java.io.IOException;
import java.lang.reflect.Array;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The fast path of {@link ArgumentsReader}: reads a tool's arguments straight from the token stream
 * when they are exactly right, which is what models send almost always: every name as declared, every
 * value of its JSON type, within its constraints. Simple parameters (strings, {@code int}, {@code
 * long}, {@code double}, {@code boolean}, enums) are read from their token; anything else through a
 * strict {@link ObjectReader} made once. The constraints are the schema's own, turned into fields
 * once: no tree, no per-call set or pattern.
 *
 * <p>It never reports an error: whatever it does not accept as it is ({@link #read} returns {@code
 * null}) goes down the tolerant path, which repairs it or names every problem. So only input the
 * tolerant path would read to the same values is accepted here, and the messages the model gets back
 * are the tolerant path's, unchanged: a misspelt or unknown name, a repairable or wrong type, a
 * missing argument, a {@code null}, a violated bound, trailing text or a constraint violation all fall
 * back.
 */
final class ExactArguments {
  private static final JsonFactory JSON = OutputMapper.STRICT.getFactory();

  /** How a parameter is read from its token. */
  private enum Kind { STRING, INT, LONG, DOUBLE, BOOLEAN, ENUM, OTHER }

  /** One parameter: how it is read and the bounds its schema declares ({@code null}: none). */
  private static final class Parameter {
    final String name;
    final Kind kind;
    final boolean optional;
    final boolean missingIsEmpty; // an Optional that may be left out
    final boolean nullIsEmpty; // an Optional that may be null
    ObjectReader reader; // OTHER
    Map<String, Object> constants; // ENUM: the schema's constant -> its value
    Double minimum;
    Double maximum;
    Double exclusiveMinimum;
    Double exclusiveMaximum;
    Integer minLength;
    Integer maxLength;
    Pattern pattern;
    boolean notBlank; // the pattern is @NotBlank's "\\S": checked without a Matcher
    Integer minItems;
    Integer maxItems;

    Parameter(String name, Kind kind, boolean optional, boolean missingIsEmpty, boolean nullIsEmpty) {
      this.name = name;
      this.kind = kind;
      this.optional = optional;
      this.missingIsEmpty = missingIsEmpty;
      this.nullIsEmpty = nullIsEmpty;
    }
  }

  private final Parameter[] parameters;
  private final boolean mayHoldNull; // some parameter is read through Jackson
  private final boolean simple; // every parameter is read from one token: the scanner can read them

  private ExactArguments(Parameter[] parameters) {
    this.parameters = parameters;
    boolean other = false;
    for (Parameter p : parameters) {
      other |= p.kind == Kind.OTHER;
    }
    this.mayHoldNull = other;
    this.simple = !other;
  }

  /**
   * The fast path for these parameters, or {@code null} when some parameter's schema holds something
   * it does not check itself (then every call takes the tolerant path).
   */
  static ExactArguments of(JsonNode schema, List<String> names, JavaType[] types, boolean[] optional) {
    if (!SchemaCheck.types(schema).equals(Set.of("object")) || schema.has("anyOf") || names.size() > 63) {
      return null;
    }
    Parameter[] parameters = new Parameter[names.size()];
    for (int i = 0; i < parameters.length; i++) {
      String name = names.get(i);
      JsonNode property = schema.path("properties").get(name);
      if (property == null || !property.isObject()) {
        return null;
      }
      boolean required = false;
      for (JsonNode r : schema.path("required")) {
        required |= r.asText().equals(name);
      }
      boolean nullable = SchemaCheck.nullable(property);
      Parameter p = parameter(name, types[i], property, optional[i], optional[i] && (!required || nullable), optional[i] && nullable);
      if (p == null) {
        return null;
      }
      parameters[i] = p;
    }
    return new ExactArguments(parameters);
  }

  private static Parameter parameter(String name, JavaType type, JsonNode property, boolean optional, boolean missingIsEmpty,
      boolean nullIsEmpty) {
    Class<?> raw = type.getRawClass();
    Set<String> types = SchemaCheck.types(property);
    boolean plain = !property.has("anyOf") && !optional;
    Kind kind = Kind.OTHER;
    if (plain && !property.has("enum")) {
      if (raw == String.class && types.equals(Set.of("string"))) kind = Kind.STRING;
      else if ((raw == int.class || raw == Integer.class) && types.equals(Set.of("integer"))) kind = Kind.INT;
      else if ((raw == long.class || raw == Long.class) && types.equals(Set.of("integer"))) kind = Kind.LONG;
      else if ((raw == double.class || raw == Double.class) && types.equals(Set.of("number"))) kind = Kind.DOUBLE;
      else if ((raw == boolean.class || raw == Boolean.class) && types.equals(Set.of("boolean"))) kind = Kind.BOOLEAN;
    } else if (plain && raw.isEnum() && property.path("enum").isArray() && !types.contains("null")) {
      kind = Kind.ENUM;
    }
    Parameter p = new Parameter(name, kind, optional, missingIsEmpty, nullIsEmpty);
    if (kind == Kind.ENUM) {
      p.constants = new HashMap<>();
      ObjectReader reader = OutputMapper.MAPPER.readerFor(type);
      Set<String> normalised = new java.util.HashSet<>();
      for (JsonNode constant : property.get("enum")) {
        if (!normalised.add(SchemaCheck.normalise(constant.asText()))) {
          continue; // the tolerant path reads this one as an earlier constant: left to it
        }
        try {
          p.constants.put(constant.asText(), reader.readValue(OutputMapper.MAPPER.getNodeFactory().textNode(constant.asText())));
        } catch (IOException | RuntimeException e) {
          return null; // a constant the type does not read as it is: leave it to the tolerant path
        }
      }
    }
    if (kind == Kind.OTHER) {
      // one value inside the arguments object: what follows it is the next argument, not trailing text
      p.reader = OutputMapper.STRICT.readerFor(type).with(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
      for (String bound : List.of("minimum", "maximum", "exclusiveMinimum", "exclusiveMaximum", "minLength", "maxLength", "pattern")) {
        if (property.has(bound)) {
          return null; // a bound on a value read through Jackson: checked on the tree, by the tolerant path
        }
      }
    }
    p.minimum = number(property, "minimum");
    p.maximum = number(property, "maximum");
    p.exclusiveMinimum = number(property, "exclusiveMinimum");
    p.exclusiveMaximum = number(property, "exclusiveMaximum");
    p.minLength = whole(property, "minLength");
    p.maxLength = whole(property, "maxLength");
    p.pattern = property.has("pattern") ? Pattern.compile(property.get("pattern").asText()) : null;
    p.notBlank = p.pattern != null && ArgumentsReader.NOT_BLANK.equals(p.pattern.pattern());
    p.minItems = whole(property, "minItems");
    p.maxItems = whole(property, "maxItems");
    return p;
  }

  private static Double number(JsonNode property, String keyword) {
    return property.has(keyword) ? property.get(keyword).asDouble() : null;
  }

  private static Integer whole(JsonNode property, String keyword) {
    return property.has(keyword) ? property.get(keyword).asInt() : null;
  }

  /**
   * The parameter values of {@code arguments} when they are exactly right.
   *
   * @return one value per parameter, or {@code null}: take the tolerant path
   */
  Object[] read(String arguments) {
    if (arguments == null || arguments.isEmpty()) {
      return null;
    }
    if (simple) {
      Object[] scanned = new Scanner(arguments).arguments();
      if (scanned != null) {
        return scanned;
      }
    }
    Object[] values = new Object[parameters.length];
    if (mayHoldNull && arguments.contains("null")) {
      return null; // a null inside a record or list: strict binding would take it, the schema check names it
    }
    long seen = 0;
    try (JsonParser p = JSON.createParser(arguments)) {
      if (p.nextToken() != JsonToken.START_OBJECT) {
        return null;
      }
      JsonToken t;
      while ((t = p.nextToken()) == JsonToken.FIELD_NAME) {
        int i = index(p.currentName());
        if (i < 0 || (seen & (1L << i)) != 0) {
          return null; // a name not declared as it is, or twice
        }
        seen |= 1L << i;
        Parameter parameter = parameters[i];
        JsonToken v = p.nextToken();
        if (v == JsonToken.VALUE_NULL) {
          if (!parameter.nullIsEmpty) {
            return null;
          }
          values[i] = java.util.Optional.empty();
          continue;
        }
        Object value = value(parameter, v, p);
        if (value == null) {
          return null;
        }
        values[i] = value;
      }
      if (t != JsonToken.END_OBJECT || p.nextToken() != null) {
        return null;
      }
      for (int i = 0; i < parameters.length; i++) {
        if ((seen & (1L << i)) == 0) {
          if (!parameters[i].missingIsEmpty) {
            return null;
          }
          values[i] = java.util.Optional.empty();
        } else if (parameters[i].kind == Kind.OTHER && !ConstraintCheck.violations(values[i]).isEmpty()) {
          return null;
        }
      }
      return values;
    } catch (IOException | RuntimeException e) {
      return null; // the tolerant path reads it again and says what is wrong
    }
  }

  private int index(String name) {
    for (int i = 0; i < parameters.length; i++) {
      if (parameters[i].name.equals(name)) {
        return i;
      }
    }
    return -1;
  }

  /** The value of the current token, or {@code null} when it is not exactly right. */
  private static Object value(Parameter parameter, JsonToken token, JsonParser p) throws IOException {
    switch (parameter.kind) {
      case STRING: {
        if (token != JsonToken.VALUE_STRING) return null;
        String s = p.getText();
        return text(parameter, s) ? s : null;
      }
      case INT: {
        if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) return null;
        int n = p.getIntValue();
        return number(parameter, n) ? n : null;
      }
      case LONG: {
        if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) return null;
        long n = p.getLongValue();
        return number(parameter, n) ? n : null;
      }
      case DOUBLE: {
        if (token == JsonToken.VALUE_NUMBER_INT ? p.getNumberType() == JsonParser.NumberType.BIG_INTEGER : token != JsonToken.VALUE_NUMBER_FLOAT) {
          return null;
        }
        double n = p.getDoubleValue();
        return Double.isFinite(n) && number(parameter, n) ? n : null;
      }
      case BOOLEAN:
        return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
      case ENUM:
        return token == JsonToken.VALUE_STRING ? parameter.constants.get(p.getText()) : null;
      default: {
        Object value = parameter.reader.readValue(p);
        if (value == null) {
          return null;
        }
        if (parameter.minItems != null || parameter.maxItems != null) {
          int size = value instanceof List<?> list ? list.size() : value.getClass().isArray() ? Array.getLength(value) : -1;
          if (size < 0 || (parameter.minItems != null && size < parameter.minItems) || (parameter.maxItems != null && size > parameter.maxItems)) {
            return null;
          }
        }
        return parameter.optional && !(value instanceof java.util.Optional<?>) ? null : value;
      }
    }
  }

  private static boolean number(Parameter parameter, double n) {
    return (parameter.minimum == null || n >= parameter.minimum)
        && (parameter.maximum == null || n <= parameter.maximum)
        && (parameter.exclusiveMinimum == null || n > parameter.exclusiveMinimum)
        && (parameter.exclusiveMaximum == null || n < parameter.exclusiveMaximum);
  }

  private static boolean text(Parameter parameter, String s) {
    if (parameter.minLength != null || parameter.maxLength != null) {
      int length = s.codePointCount(0, s.length());
      if ((parameter.minLength != null && length < parameter.minLength) || (parameter.maxLength != null && length > parameter.maxLength)) {
        return false;
      }
    }
    if (parameter.notBlank) {
      // Not blank by Character.isWhitespace implies a character outside \s; a string blank only by Unicode's wider
      // whitespace goes down the tolerant path, which decides by the pattern itself.
      return !s.isBlank();
    }
    return parameter.pattern == null || parameter.pattern.matcher(s).find();
  }

  /**
   * Reads arguments made only of simple parameters straight from the text, without a parser object:
   * plain names and strings (no escape), whole numbers that fit, decimal numbers in JSON's grammar,
   * {@code true}/{@code false}, JSON whitespace. It gives up ({@code null}) on anything else, which the
   * token reader then reads (escapes, {@code null}, ...) or hands to the tolerant path.
   */
  private final class Scanner {
    private final String s;
    private int at;

    Scanner(String s) {
      this.s = s;
    }

    Object[] arguments() {
      Object[] values = new Object[parameters.length];
      long seen = 0;
      space();
      if (!take('{')) {
        return null;
      }
      space();
      if (!take('}')) {
        do {
          space();
          int i = name();
          if (i < 0 || (seen & (1L << i)) != 0) {
            return null;
          }
          seen |= 1L << i;
          space();
          if (!take(':')) {
            return null;
          }
          space();
          Object value = value(parameters[i]);
          if (value == null) {
            return null;
          }
          values[i] = value;
          space();
        } while (take(','));
        if (!take('}')) {
          return null;
        }
      }
      space();
      return at == s.length() && seen == (1L << parameters.length) - 1 ? values : null;
    }

    private int name() {
      int end = plainString();
      if (end < 0) {
        return -1;
      }
      int start = at + 1;
      at = end + 1;
      for (int i = 0; i < parameters.length; i++) {
        String name = parameters[i].name;
        if (name.length() == end - start && s.regionMatches(start, name, 0, name.length())) {
          return i;
        }
      }
      return -1;
    }

    /** The index of the closing quote of a string without escapes or control characters at {@code at}, else -1. */
    private int plainString() {
      if (at >= s.length() || s.charAt(at) != '"') {
        return -1;
      }
      for (int i = at + 1; i < s.length(); i++) {
        char c = s.charAt(i);
        if (c == '"') {
          return i;
        }
        if (c == '\\' || c < 0x20) {
          return -1;
        }
      }
      return -1;
    }

    private Object value(Parameter parameter) {
      switch (parameter.kind) {
        case STRING:
        case ENUM: {
          int end = plainString();
          if (end < 0) return null;
          String text = s.substring(at + 1, end);
          at = end + 1;
          if (parameter.kind == Kind.ENUM) return parameter.constants.get(text);
          return text(parameter, text) ? text : null;
        }
        case INT:
        case LONG: {
          boolean negative = take('-');
          int start = at;
          long n = 0;
          for (char c; at < s.length() && (c = s.charAt(at)) >= '0' && c <= '9'; at++) {
            n = n * 10 + (c - '0');
          }
          int digits = at - start;
          if (digits == 0 || digits > 18 || (digits > 1 && s.charAt(start) == '0') || !delimited()) return null;
          n = negative ? -n : n;
          if (parameter.kind == Kind.INT) {
            if (n < Integer.MIN_VALUE || n > Integer.MAX_VALUE) return null;
            return number(parameter, n) ? (Object) (int) n : null;
          }
          return number(parameter, n) ? (Object) n : null;
        }
        case DOUBLE: {
          int start = at;
          take('-');
          int digits = digits();
          if (digits == 0 || digits > 18 || (digits > 1 && s.charAt(at - digits) == '0')) return null;
          if (take('.') && digits() == 0) return null;
          if (take('e') || take('E')) {
            if (!take('+')) take('-');
            if (digits() == 0) return null;
          }
          if (at - start > 100 || !delimited()) return null;
          double n = Double.parseDouble(s.substring(start, at));
          return Double.isFinite(n) && number(parameter, n) ? (Object) n : null;
        }
        case BOOLEAN:
          if (s.startsWith("true", at)) {
            at += 4;
            return delimited() ? Boolean.TRUE : null;
          }
          if (s.startsWith("false", at)) {
            at += 5;
            return delimited() ? Boolean.FALSE : null;
          }
          return null;
        default:
          return null;
      }
    }

    private int digits() {
      int start = at;
      while (at < s.length() && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
        at++;
      }
      return at - start;
    }

    /** Whether what follows a number or literal ends it: whitespace, a comma or the closing brace. */
    private boolean delimited() {
      if (at >= s.length()) {
        return false;
      }
      char c = s.charAt(at);
      return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '}';
    }

    private boolean take(char c) {
      if (at < s.length() && s.charAt(at) == c) {
        at++;
        return true;
      }
      return false;
    }

    private void space() {
      while (at < s.length()) {
        char c = s.charAt(at);
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
          return;
        }
        at++;
      }
    }
  }
}
