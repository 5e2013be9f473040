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

  /** How a parameter is read from its token (ints, not an enum: the scanner's switch is a plain table). */
  private static final class Kind {
    static final int STRING = 0;
    static final int INT = 1;
    static final int LONG = 2;
    static final int DOUBLE = 3;
    static final int BOOLEAN = 4;
    static final int ENUM = 5;
    static final int OTHER = 6;
  }

  /** One parameter: how it is read and the bounds its schema declares ({@code null}: none). */
  private static final class Parameter {
    final String name;
    final int kind;
    final boolean optional;
    final boolean missingIsEmpty; // an Optional that may be left out
    final boolean nullIsEmpty; // an Optional that may be null
    ObjectReader reader; // OTHER
    Map<String, Object> constants; // ENUM: the schema's constant -> its value
    String[] constantNames; // ENUM: the same, for the scanner, which compares without a substring
    Object[] constantValues;
    // the schema's bounds; none: the widest, so every check is one comparison
    double minimum = Double.NEGATIVE_INFINITY;
    double maximum = Double.POSITIVE_INFINITY;
    double exclusiveMinimum = Double.NEGATIVE_INFINITY;
    double exclusiveMaximum = Double.POSITIVE_INFINITY;
    boolean lengthBounded;
    int minLength;
    int maxLength = Integer.MAX_VALUE;
    Pattern pattern;
    boolean notBlank; // the pattern is @NotBlank's "\\S": checked without a Matcher
    Integer minItems;
    Integer maxItems;

    Parameter(String name, int kind, boolean optional, boolean missingIsEmpty, boolean nullIsEmpty) {
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
  private final String[] compactKeys; // {"first":  ,"second":  ...: the compact form's text before each value; null: none

  private ExactArguments(Parameter[] parameters) {
    this.parameters = parameters;
    boolean other = false;
    for (Parameter p : parameters) {
      other |= p.kind == Kind.OTHER;
    }
    this.mayHoldNull = other;
    this.simple = !other;
    String[] keys = new String[parameters.length];
    for (int i = 0; i < keys.length; i++) {
      String name = parameters[i].name;
      keys[i] = (i == 0 ? "{\"" : ",\"") + name + "\":";
      if (name.chars().anyMatch(c -> c == '"' || c == '\\' || c < 0x20)) {
        keys = null; // a name written with escapes: only the scanner's general form reads it
        break;
      }
    }
    this.compactKeys = simple && parameters.length > 0 ? keys : null;
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
    int kind = Kind.OTHER;
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
      p.constantNames = p.constants.keySet().toArray(new String[0]);
      p.constantValues = new Object[p.constantNames.length];
      for (int i = 0; i < p.constantNames.length; i++) {
        p.constantValues[i] = p.constants.get(p.constantNames[i]);
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
    p.minimum = number(property, "minimum", Double.NEGATIVE_INFINITY);
    p.maximum = number(property, "maximum", Double.POSITIVE_INFINITY);
    p.exclusiveMinimum = number(property, "exclusiveMinimum", Double.NEGATIVE_INFINITY);
    p.exclusiveMaximum = number(property, "exclusiveMaximum", Double.POSITIVE_INFINITY);
    p.lengthBounded = property.has("minLength") || property.has("maxLength");
    p.minLength = property.path("minLength").asInt(0);
    p.maxLength = property.has("maxLength") ? property.get("maxLength").asInt() : Integer.MAX_VALUE;
    p.pattern = property.has("pattern") ? Pattern.compile(property.get("pattern").asText()) : null;
    p.notBlank = p.pattern != null && ArgumentsReader.NOT_BLANK.equals(p.pattern.pattern());
    p.minItems = whole(property, "minItems");
    p.maxItems = whole(property, "maxItems");
    return p;
  }

  private static double number(JsonNode property, String keyword, double none) {
    return property.has(keyword) ? property.get(keyword).asDouble() : none;
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
      Object[] scanned = scan(arguments);
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
      case Kind.STRING: {
        if (token != JsonToken.VALUE_STRING) return null;
        String s = p.getText();
        return text(parameter, s) ? s : null;
      }
      case Kind.INT: {
        if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() != JsonParser.NumberType.INT) return null;
        int n = p.getIntValue();
        return number(parameter, n) ? n : null;
      }
      case Kind.LONG: {
        if (token != JsonToken.VALUE_NUMBER_INT || p.getNumberType() == JsonParser.NumberType.BIG_INTEGER) return null;
        long n = p.getLongValue();
        return number(parameter, n) ? n : null;
      }
      case Kind.DOUBLE: {
        if (token == JsonToken.VALUE_NUMBER_INT ? p.getNumberType() == JsonParser.NumberType.BIG_INTEGER : token != JsonToken.VALUE_NUMBER_FLOAT) {
          return null;
        }
        double n = p.getDoubleValue();
        return Double.isFinite(n) && number(parameter, n) ? n : null;
      }
      case Kind.BOOLEAN:
        return token == JsonToken.VALUE_TRUE ? Boolean.TRUE : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
      case Kind.ENUM:
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
    return n >= parameter.minimum && n <= parameter.maximum && n > parameter.exclusiveMinimum && n < parameter.exclusiveMaximum;
  }

  private static boolean text(Parameter parameter, String s) {
    if (parameter.lengthBounded) {
      int length = s.codePointCount(0, s.length());
      if (length < parameter.minLength || length > parameter.maxLength) {
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
   * Reads arguments made only of simple parameters straight from the text, without a parser object
   * (static steps that pass the position along, so nothing but the values is allocated): plain names
   * and strings (no escape), whole numbers that fit, decimal numbers in JSON's grammar, {@code
   * true}/{@code false}, JSON whitespace. It gives up ({@code null}) on anything else, which the token
   * reader then reads (escapes, {@code null}, ...) or hands to the tolerant path. Names are looked for
   * in declared order first, the order models send them in.
   */
  private Object[] scan(String s) {
    Parameter[] ps = parameters;
    Object[] values = new Object[ps.length];
    if (compactKeys != null && compact(s, values)) {
      return values;
    }
    int n = s.length();
    int at = space(s, 0);
    if (at >= n || s.charAt(at) != '{') {
      return null;
    }
    at = space(s, at + 1);
    long seen = 0;
    if (at < n && s.charAt(at) == '}') {
      at++;
    } else {
      int next = 0; // the parameter expected next
      while (true) {
        if (at >= n || s.charAt(at) != '"') {
          return null;
        }
        int end = plainEnd(s, at + 1);
        if (end < 0) {
          return null;
        }
        int i = index(s, at + 1, end, next);
        if (i < 0 || (seen & (1L << i)) != 0) {
          return null;
        }
        seen |= 1L << i;
        next = i + 1;
        at = space(s, end + 1);
        if (at >= n || s.charAt(at) != ':') {
          return null;
        }
        at = scanValue(ps[i], s, space(s, at + 1), values, i);
        if (at < 0) {
          return null;
        }
        at = space(s, at);
        if (at < n && s.charAt(at) == ',') {
          at = space(s, at + 1);
          continue;
        }
        break;
      }
      if (at >= n || s.charAt(at) != '}') {
        return null;
      }
      at++;
    }
    return space(s, at) == n && seen == (1L << ps.length) - 1 ? values : null;
  }

  /**
   * Reads the compact form, what models send almost always: every name in declared order, no
   * whitespace ({@code {"sku":"A","quantity":3}}), so the text between two values is known: one
   * comparison per argument instead of a scan of its name. Anything else ({@code false}) is read by
   * the general form of {@link #scan}.
   */
  private boolean compact(String s, Object[] values) {
    String[] keys = compactKeys;
    Parameter[] ps = parameters;
    int at = 0;
    for (int i = 0; i < keys.length; i++) {
      String key = keys[i];
      if (!s.startsWith(key, at) || (at = scanValue(ps[i], s, at + key.length(), values, i)) < 0) {
        return false;
      }
    }
    return at == s.length() - 1 && s.charAt(at) == '}';
  }

  /** The parameter named by {@code s[start, end)}, tried first at {@code expected}; -1 for none. */
  private int index(String s, int start, int end, int expected) {
    Parameter[] ps = parameters;
    int length = end - start;
    if (expected < ps.length && named(ps[expected].name, s, start, length)) {
      return expected;
    }
    for (int i = 0; i < ps.length; i++) {
      if (named(ps[i].name, s, start, length)) {
        return i;
      }
    }
    return -1;
  }

  private static boolean named(String name, String s, int start, int length) {
    return name.length() == length && s.regionMatches(start, name, 0, length);
  }

  /** The index of the closing quote of a string without escapes or control characters from {@code from}, else -1. */
  private static int plainEnd(String s, int from) {
    for (int i = from, n = s.length(); i < n; i++) {
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

  /** Reads parameter {@code p}'s value at {@code at} into {@code values[i]}; where it ends, or -1 when it is not exactly right. */
  private static int scanValue(Parameter p, String s, int at, Object[] values, int i) {
    int n = s.length();
    switch (p.kind) {
      case Kind.STRING: {
        if (at >= n || s.charAt(at) != '"') return -1;
        int end = plainEnd(s, at + 1);
        if (end < 0) return -1;
        String text = s.substring(at + 1, end);
        if (!text(p, text)) return -1;
        values[i] = text;
        return end + 1;
      }
      case Kind.ENUM: {
        if (at >= n || s.charAt(at) != '"') return -1;
        int end = plainEnd(s, at + 1);
        if (end < 0) return -1;
        for (int c = 0; c < p.constantNames.length; c++) {
          if (named(p.constantNames[c], s, at + 1, end - at - 1)) {
            values[i] = p.constantValues[c];
            return end + 1;
          }
        }
        return -1;
      }
      case Kind.INT:
      case Kind.LONG: {
        boolean negative = at < n && s.charAt(at) == '-';
        int start = negative ? ++at : at;
        long v = 0;
        for (char c; at < n && (c = s.charAt(at)) >= '0' && c <= '9'; at++) {
          v = v * 10 + (c - '0');
        }
        int digits = at - start;
        if (digits == 0 || digits > 18 || (digits > 1 && s.charAt(start) == '0') || !delimited(s, at)) return -1;
        v = negative ? -v : v;
        if (!number(p, v)) return -1;
        if (p.kind == Kind.INT) {
          if (v < Integer.MIN_VALUE || v > Integer.MAX_VALUE) return -1;
          values[i] = (int) v;
        } else {
          values[i] = v;
        }
        return at;
      }
      case Kind.DOUBLE: {
        int end = decimalEnd(s, at);
        if (end < 0 || end - at > 100 || !delimited(s, end)) return -1;
        double v = decimal(s, at, end);
        if (!Double.isFinite(v) || !number(p, v)) return -1;
        values[i] = v;
        return end;
      }
      case Kind.BOOLEAN:
        if (s.startsWith("true", at) && delimited(s, at + 4)) {
          values[i] = Boolean.TRUE;
          return at + 4;
        }
        if (s.startsWith("false", at) && delimited(s, at + 5)) {
          values[i] = Boolean.FALSE;
          return at + 5;
        }
        return -1;
      default:
        return -1;
    }
  }

  /** Where the number in JSON's grammar at {@code at} ends (at most 18 digits before its point), or -1. */
  private static int decimalEnd(String s, int at) {
    if (at < s.length() && s.charAt(at) == '-') {
      at++;
    }
    int start = at;
    at = digitsEnd(s, at);
    int digits = at - start;
    if (digits == 0 || digits > 18 || (digits > 1 && s.charAt(start) == '0')) return -1;
    if (at < s.length() && s.charAt(at) == '.') {
      int point = ++at;
      if ((at = digitsEnd(s, at)) == point) return -1;
    }
    if (at < s.length() && (s.charAt(at) == 'e' || s.charAt(at) == 'E')) {
      at++;
      if (at < s.length() && (s.charAt(at) == '+' || s.charAt(at) == '-')) {
        at++;
      }
      int exponent = at;
      if ((at = digitsEnd(s, at)) == exponent) return -1;
    }
    return at;
  }

  private static int digitsEnd(String s, int at) {
    while (at < s.length() && s.charAt(at) >= '0' && s.charAt(at) <= '9') {
      at++;
    }
    return at;
  }

  /**
   * The value of the number {@code s[start, end)} (in JSON's grammar), as {@link Double#parseDouble}
   * gives it: a number of at most 15 significant digits (12.5, -0.25, 1e2, 3.14159) by {@link
   * ExactDecimal}, anything else parsed by {@code parseDouble}.
   */
  static double decimal(String s, int start, int end) {
    int at = start;
    boolean negative = s.charAt(at) == '-';
    if (negative) {
      at++;
    }
    long mantissa = 0;
    int significant = 0;
    int fraction = -1; // digits after the point; -1: no point yet
    for (; at < end; at++) {
      char c = s.charAt(at);
      if (c == '.') {
        fraction = 0;
        continue;
      }
      if (c == 'e' || c == 'E') {
        break;
      }
      mantissa = mantissa * 10 + (c - '0');
      if (mantissa != 0 && ++significant > 15) {
        return Double.parseDouble(s.substring(start, end));
      }
      if (fraction >= 0) {
        fraction++;
      }
    }
    int power = -Math.max(fraction, 0);
    if (at < end) { // the exponent
      at++;
      boolean negativeExponent = s.charAt(at) == '-';
      if (negativeExponent || s.charAt(at) == '+') {
        at++;
      }
      if (end - at > 3) {
        return Double.parseDouble(s.substring(start, end));
      }
      int exponent = 0;
      for (; at < end; at++) {
        exponent = exponent * 10 + (s.charAt(at) - '0');
      }
      power += negativeExponent ? -exponent : exponent;
    }
    double v = mantissa == 0 ? 0 : ExactDecimal.scaled(mantissa, power);
    if (Double.isNaN(v)) {
      return Double.parseDouble(s.substring(start, end));
    }
    return negative ? -v : v;
  }

  /** Whether what follows a number or literal at {@code at} ends it: whitespace, a comma or the closing brace. */
  private static boolean delimited(String s, int at) {
    if (at >= s.length()) {
      return false;
    }
    char c = s.charAt(at);
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',' || c == '}';
  }

  /** The first position from {@code at} that is not JSON whitespace. */
  private static int space(String s, int at) {
    for (int n = s.length(); at < n; at++) {
      char c = s.charAt(at);
      if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
        return at;
      }
    }
    return at;
  }
}
