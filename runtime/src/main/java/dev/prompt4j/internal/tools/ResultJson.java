package dev.prompt4j.internal.tools;

/**
 * Writes a tool's record result as JSON without a mapper (generated-code ABI): the processor uses it
 * for records whose components are all strings, primitives, their boxes or enums and that carry no
 * Jackson annotation, and writes one {@code field} call per component in declaration order. The text
 * is the one {@link ToolResults#text} writes for the same record, character for character: the same
 * escapes, numbers as {@link Double#toString}, non-finite numbers quoted, {@code null} written, enums
 * by name.
 *
 * <pre>{@code
 * String json = ResultJson.object().field("sku", q.sku()).field("total", q.total()).end();
 * }</pre>
 */
public final class ResultJson {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private final StringBuilder out = new StringBuilder(64).append('{');

  private ResultJson() {}

  /**
   * Starts an object.
   *
   * @return the writer
   */
  public static ResultJson object() {
    return new ResultJson();
  }

  private ResultJson name(String name) {
    if (out.length() > 1) {
      out.append(',');
    }
    out.append('"').append(name).append("\":"); // a Java identifier: nothing to escape
    return this;
  }

  /**
   * A string component.
   *
   * @param name the component's name
   * @param value its value, {@code null} written as {@code null}
   * @return this
   */
  public ResultJson field(String name, String value) {
    name(name);
    if (value == null) {
      out.append("null");
    } else {
      string(value);
    }
    return this;
  }

  /**
   * An enum component, by name.
   *
   * @param name the component's name
   * @param value its value
   * @return this
   */
  public ResultJson field(String name, Enum<?> value) {
    return field(name, value == null ? null : value.name());
  }

  /**
   * An {@code int}, {@code short} or {@code byte} component.
   *
   * @param name the component's name
   * @param value its value
   * @return this
   */
  public ResultJson field(String name, int value) {
    name(name).out.append(value);
    return this;
  }

  /**
   * A {@code long} component.
   *
   * @param name the component's name
   * @param value its value
   * @return this
   */
  public ResultJson field(String name, long value) {
    name(name).out.append(value);
    return this;
  }

  /**
   * A {@code double} component; NaN and the infinities as strings, as Jackson writes them.
   *
   * @param name the component's name
   * @param value its value
   * @return this
   */
  public ResultJson field(String name, double value) {
    name(name);
    if (shortDecimal(out, value)) {
      return this;
    }
    if (Double.isFinite(value)) {
      out.append(value);
    } else {
      out.append('"').append(value).append('"');
    }
    return this;
  }

  /**
   * A {@code float} component; NaN and the infinities as strings, as Jackson writes them.
   *
   * @param name the component's name
   * @param value its value
   * @return this
   */
  public ResultJson field(String name, float value) {
    name(name);
    if (Float.isFinite(value)) {
      out.append(value);
    } else {
      out.append('"').append(value).append('"');
    }
    return this;
  }

  /**
   * A {@code boolean} component.
   *
   * @param name the component's name
   * @param value its value
   * @return this
   */
  public ResultJson field(String name, boolean value) {
    name(name).out.append(value);
    return this;
  }

  /**
   * A boxed number or boolean component ({@code Integer}, {@code Long}, {@code Double}, ...).
   *
   * @param name the component's name
   * @param value its value, {@code null} written as {@code null}
   * @return this
   */
  public ResultJson boxed(String name, Object value) {
    if (value instanceof Double d) {
      return field(name, d.doubleValue());
    }
    if (value instanceof Float f) {
      return field(name, f.floatValue());
    }
    name(name).out.append(value); // null, Integer, Long, Short, Byte, Boolean: their toString
    return this;
  }

  /**
   * Ends the object.
   *
   * @return the JSON text
   */
  public String end() {
    return out.append('}').toString();
  }

  private static final long[] POWERS = {1, 10, 100, 1000};

  /** Below this many units of the last decimal, the short form is checked against {@link Double#toString} for every value. */
  static final long SHORT_LIMIT = 1_000_000;

  /**
   * Writes {@code value} when it is a decimal of at most 3 places and fewer than {@value #SHORT_LIMIT}
   * units of its last place (33.5, 9.99, 1200.0), the text {@link Double#toString} gives, without its
   * cost (about a third of a dispatch); {@code false} for anything else, written by {@code toString}.
   * Every value this accepts is compared with {@code toString} in {@code ResultJsonTest}.
   */
  static boolean shortDecimal(StringBuilder out, double value) {
    double a = Math.abs(value);
    if (!(a < SHORT_LIMIT) || (value == 0 && Double.doubleToRawLongBits(value) != 0)) {
      return false; // large, NaN, infinite, or -0.0
    }
    for (int places = 0; places < POWERS.length; places++) {
      double scaled = a * POWERS[places];
      long units = (long) scaled;
      if (units == scaled && units < SHORT_LIMIT && units / (double) POWERS[places] == a) {
        while (places > 0 && units % 10 == 0) {
          units /= 10; // 0.07 * 100 is not 7 in binary, 0.07 * 1000 is 70: the same number, fewer places
          places--;
        }
        if (value < 0) {
          out.append('-');
        }
        out.append(units / POWERS[places]).append('.');
        if (places == 0) {
          out.append('0');
        } else {
          long fraction = units % POWERS[places];
          for (long p = POWERS[places] / 10; p > fraction && p > 1; p /= 10) {
            out.append('0');
          }
          out.append(fraction);
        }
        return true;
      }
    }
    return false;
  }

  /** {@code value} quoted, escaped as Jackson escapes by default (control characters, quote, backslash). */
  private void string(String value) {
    out.append('"');
    int from = 0;
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c >= 0x20 && c != '"' && c != '\\') {
        continue;
      }
      out.append(value, from, i);
      from = i + 1;
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\b' -> out.append("\\b");
        case '\t' -> out.append("\\t");
        case '\n' -> out.append("\\n");
        case '\f' -> out.append("\\f");
        case '\r' -> out.append("\\r");
        default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
      }
    }
    out.append(value, from, value.length()).append('"');
  }
}
