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
 *
 * <p>The text is written into a {@code char[]} each thread keeps for its next result, so a dispatch
 * allocates only the {@code String} it returns. A writer started while the thread's buffer is in use
 * (a record accessor that dispatches another tool, or a chain an exception left unfinished) writes
 * into a buffer of its own.
 */
public final class ResultJson {
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  /** A buffer grown past this many characters is not kept for the next result. */
  static final int KEEP_LIMIT = 8192;

  /** The size of a new buffer. */
  private static final int INITIAL = 256;

  /** The first character of a buffer: the thread's buffer is free, or in use. The text starts after it. */
  private static final char FREE = 0;
  private static final char IN_USE = 1;

  // A char[], not a writer: a thread keeps only a JDK type, which pins no class loader of the application.
  private static final ThreadLocal<char[]> BUFFER = ThreadLocal.withInitial(() -> new char[INITIAL]);

  private char[] buf;
  private int len;
  private final boolean owner; // buf is (or grew from) the thread's buffer: it goes back there at the end
  private boolean grown; // buf is a new array: the thread keeps it instead

  private ResultJson(char[] buf, boolean owner) {
    this.buf = buf;
    this.owner = owner;
    buf[1] = '{';
    len = 2;
  }

  /**
   * Starts an object.
   *
   * @return the writer
   */
  public static ResultJson object() {
    char[] b = BUFFER.get();
    if (b[0] != FREE) {
      return new ResultJson(new char[INITIAL], false);
    }
    b[0] = IN_USE;
    return new ResultJson(b, true);
  }

  /** Room for {@code n} more characters. */
  private char[] room(int n) {
    char[] b = buf;
    if (len + n > b.length) {
      b = buf = java.util.Arrays.copyOf(b, Math.max(b.length * 2, len + n));
      grown = true;
    }
    return b;
  }

  /** {@code ,"name":} (no comma first): a Java identifier, nothing to escape. */
  private void name(String name) {
    int n = name.length();
    char[] b = room(n + 4);
    int at = len;
    if (at > 2) {
      b[at++] = ',';
    }
    b[at++] = '"';
    name.getChars(0, n, b, at);
    at += n;
    b[at++] = '"';
    b[at++] = ':';
    len = at;
  }

  private void ascii(String s) {
    int n = s.length();
    char[] b = room(n);
    s.getChars(0, n, b, len);
    len += n;
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
      ascii("null");
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
    name(name);
    whole(value);
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
    name(name);
    whole(value);
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
    char[] b = room(SHORT_CHARS);
    int end = shortDecimal(b, len, value);
    if (end >= 0) {
      len = end;
    } else if (Double.isFinite(value)) {
      ascii(Double.toString(value));
    } else {
      quoted(Double.toString(value));
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
      ascii(Float.toString(value));
    } else {
      quoted(Float.toString(value));
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
    name(name);
    ascii(value ? "true" : "false");
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
    if (value instanceof Boolean b) {
      return field(name, b.booleanValue());
    }
    if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      return field(name, ((Number) value).longValue());
    }
    name(name);
    ascii(String.valueOf(value)); // null
    return this;
  }

  /**
   * Ends the object.
   *
   * @return the JSON text
   */
  public String end() {
    char[] b = room(1);
    b[len++] = '}';
    String json = new String(b, 1, len - 1);
    if (owner) {
      b[0] = FREE;
      if (b.length > KEEP_LIMIT) {
        BUFFER.set(new char[INITIAL]); // a large result does not stay with the thread
      } else if (grown) {
        BUFFER.set(b);
      }
    }
    return json;
  }

  private void quoted(String ascii) {
    char[] b = room(ascii.length() + 2);
    b[len++] = '"';
    ascii.getChars(0, ascii.length(), b, len);
    len += ascii.length();
    b[len++] = '"';
  }

  /** The digits of {@code value}, as {@link Long#toString} writes them. */
  private void whole(long value) {
    if (value == Long.MIN_VALUE) {
      ascii("-9223372036854775808");
      return;
    }
    char[] b = room(20);
    int at = len;
    if (value < 0) {
      b[at++] = '-';
      value = -value;
    }
    int digits = 1;
    for (long p = 10; digits < 19 && value >= p; p *= 10) {
      digits++;
    }
    at += digits;
    len = at;
    do {
      b[--at] = (char) ('0' + value % 10);
      value /= 10;
    } while (value != 0);
  }

  private static final long[] POWERS = {1, 10, 100, 1000};

  /** Below this many units of the last decimal, the short form is checked against {@link Double#toString} for every value. */
  static final long SHORT_LIMIT = 1_000_000;

  /** At most this many characters in a short decimal: "-999999.0", "-999.999". */
  static final int SHORT_CHARS = 10;

  /**
   * Writes {@code value} at {@code at} when it is a decimal of at most 3 places and fewer than {@value
   * #SHORT_LIMIT} units of its last place (33.5, 9.99, 1200.0), the text {@link Double#toString} gives,
   * without its cost (about a third of a dispatch), and returns where it ends; {@code -1} for anything
   * else, written by {@code toString}. {@code out} has room for {@value #SHORT_CHARS} characters at
   * {@code at}. Every value this accepts is compared with {@code toString} in {@code ResultJsonTest}.
   */
  static int shortDecimal(char[] out, int at, double value) {
    double a = Math.abs(value);
    if (!(a < SHORT_LIMIT) || (value == 0 && Double.doubleToRawLongBits(value) != 0)) {
      return -1; // large, NaN, infinite, or -0.0
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
          out[at++] = '-';
        }
        long whole = (long) a; // units / 10^places: a is within 1e-10 of it and at least 1e-3 from the next whole number
        int digits = 1;
        for (long p = 10; whole >= p; p *= 10) {
          digits++;
        }
        at += digits;
        for (int i = at - 1; i >= at - digits; i--, whole /= 10) {
          out[i] = (char) ('0' + whole % 10);
        }
        out[at++] = '.';
        if (places == 0) {
          out[at++] = '0';
        } else {
          long fraction = units - whole * POWERS[places];
          for (int i = at + places - 1; i >= at; i--, fraction /= 10) {
            out[i] = (char) ('0' + fraction % 10); // leading zeros included: 0.05 is "05" in two places
          }
          at += places;
        }
        return at;
      }
    }
    return -1;
  }

  /** {@code value} quoted, escaped as Jackson escapes by default (control characters, quote, backslash). */
  private void string(String value) {
    int n = value.length();
    char[] b = room(n + 2);
    int at = len;
    b[at++] = '"';
    value.getChars(0, n, b, at);
    int end = at + n;
    for (int i = at; i < end; i++) {
      char c = b[i];
      if (c < 0x20 || c == '"' || c == '\\') {
        len = i;
        escaped(value, i - at);
        return;
      }
    }
    b[end] = '"';
    len = end + 1;
  }

  /** The rest of {@code value} from {@code from}, which needs escapes. */
  private void escaped(String value, int from) {
    for (int i = from; i < value.length(); i++) {
      char c = value.charAt(i);
      char[] b = room(6 + 1);
      if (c >= 0x20 && c != '"' && c != '\\') {
        b[len++] = c;
        continue;
      }
      b[len++] = '\\';
      switch (c) {
        case '"' -> b[len++] = '"';
        case '\\' -> b[len++] = '\\';
        case '\b' -> b[len++] = 'b';
        case '\t' -> b[len++] = 't';
        case '\n' -> b[len++] = 'n';
        case '\f' -> b[len++] = 'f';
        case '\r' -> b[len++] = 'r';
        default -> {
          b[len++] = 'u';
          b[len++] = '0';
          b[len++] = '0';
          b[len++] = HEX[c >> 4];
          b[len++] = HEX[c & 0xF];
        }
      }
    }
    room(1)[len++] = '"';
  }
}
