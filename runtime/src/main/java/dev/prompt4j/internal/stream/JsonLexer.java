package dev.prompt4j.internal.stream;

import dev.prompt4j.internal.output.ExactDecimal;
import java.math.BigInteger;
import java.util.Arrays;

/**
 * A JSON tokenizer fed a stream's text chunks as they come, for {@link PartialJson}. Each chunk's
 * characters are copied once into a reused {@code char[]} (a bulk copy; no UTF-8 encoding) behind
 * what the previous chunk left unfinished (the start of a string or a number), and read once; each
 * complete token goes to the subclass. A string's escapes are decoded in place, so a string is one
 * run of the buffer however many chunks it spans.
 *
 * <p>When a token completes, as Jackson's non-blocking parser says it: a string at its closing
 * quote; a number, {@code true}, {@code false} and {@code null} at the character after them (a
 * number could go on); a bracket at once. Values are Jackson's too: an integer is an {@code
 * Integer} when it fits, else a {@code Long}, else a {@code BigInteger}; a number with a fraction or
 * an exponent is a {@code Double}. The grammar is JSON's as Jackson reads it by default (no
 * comments, trailing commas, leading zeros or raw control characters in strings; numbers of at most
 * 1,000 characters, nesting at most 1,000 deep); at the first character that breaks it the lexer
 * stops, and the final parse reports what is wrong.
 *
 * <p>Not thread-safe: one stream feeds it on one thread at a time.
 */
abstract class JsonLexer {
  // What the grammar expects next.
  private static final byte VALUE = 0; // a value (the root, after ':', after ',' in an array)
  private static final byte FIRST_VALUE = 1; // a value or ']' (after '[')
  private static final byte NAME = 2; // a field name (after ',' in an object)
  private static final byte FIRST_NAME = 3; // a field name or '}' (after '{')
  private static final byte COLON = 4;
  private static final byte AFTER = 5; // ',' or the container's closing bracket
  private static final byte DONE = 6; // the root value was read
  private static final byte BROKEN = 7;
  // The token a chunk ended in.
  private static final byte NONE = 0;
  private static final byte STRING = 1;
  private static final byte SCALAR = 2; // a number, true, false or null

  /** Jackson's default limits ({@code StreamReadConstraints}): characters of a number, nesting depth. */
  private static final int MAX_NUMBER = 1000;
  private static final int MAX_DEPTH = 1000;

  private static final Object INVALID = new Object();
  private static final Object NULL = new Object();

  private byte state = VALUE;
  private byte token = NONE;
  private boolean name; // the string being read is a field name
  /** In a string: 0, or 1 after a backslash, or 2 + the hex digits read of a unicode escape. */
  private int escape;
  private int unicode;
  /** The unfinished token's characters (a string's decoded), from 0, then the chunk being read. */
  private char[] buf = new char[64];
  /** How many characters of {@link #buf} the unfinished token holds. */
  private int kept;
  private boolean[] objects = new boolean[16]; // per open container: an object, or an array
  private int depth;

  /** An object opened. @return whether the answer so far changed */
  abstract boolean startObject();

  /** An array opened. @return whether the answer so far changed */
  abstract boolean startArray();

  /** The innermost object or array closed. @return whether the answer so far changed */
  abstract boolean end();

  /** A field name was read. */
  abstract void name(String name);

  /** A value was read: a String, Integer, Long, BigInteger, Double, Boolean, or {@code null}. @return whether it changed the answer */
  abstract boolean value(Object value);

  /** Stops reading: what follows is not read (the subclass refuses the structure). */
  final void fail() {
    state = BROKEN;
  }

  /** Whether a character broke the grammar (or {@link #fail()} was called). */
  final boolean failed() {
    return state == BROKEN;
  }

  /**
   * Reads {@code text} from {@code from} on.
   *
   * @return whether a token changed the answer so far
   */
  final boolean feed(String text, int from) {
    int start = kept; // the unfinished token, if any, is buf[0, kept)
    int len = start + text.length() - from;
    if (buf.length < len) {
      buf = Arrays.copyOf(buf, Math.max(len, buf.length * 2));
    }
    text.getChars(from, text.length(), buf, start);
    char[] b = buf;
    boolean changed = false;
    int i = start;
    int tokenStart = 0;
    int w = start; // a string's write index: escapes decode in place
    while (state < DONE) {
      if (token == STRING) {
        // The fast run: no escape yet in this stretch, nothing to move.
        if (escape == 0 && w == i) {
          char c;
          while (i < len && (c = b[i]) != '"' && c != '\\' && c >= 0x20) {
            i++;
          }
          w = i;
        }
        while (i < len) {
          char c = b[i];
          if (escape != 0) {
            i++;
            w = escaped(b, w, c);
            if (state == BROKEN) {
              break;
            }
          } else if (c == '"') {
            break;
          } else if (c == '\\') {
            escape = 1;
            i++;
          } else if (c < 0x20) {
            state = BROKEN; // a raw control character: JSON wants it escaped
            break;
          } else {
            b[w++] = c;
            i++;
          }
        }
        if (i == len || state == BROKEN) {
          kept = keep(b, tokenStart, w);
          return changed;
        }
        i++; // the closing quote
        token = NONE;
        if (name) {
          name(name(b, tokenStart, w));
          state = COLON;
        } else {
          changed |= value(new String(b, tokenStart, w - tokenStart));
          valueRead();
        }
        continue;
      }
      if (token == SCALAR) {
        char c;
        while (i < len && (((c = b[i]) >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || c == '-' || c == '+' || c == '.' || c == 'E')) {
          i++;
        }
        if (i - tokenStart > MAX_NUMBER) {
          state = BROKEN; // Jackson's limit: a longer number is refused (and its BigInteger would cost its length squared)
          break;
        }
        if (i == len) { // it may go on in the next chunk
          kept = keep(b, tokenStart, len);
          return changed;
        }
        token = NONE;
        Object v = scalarValue(b, tokenStart, i);
        if (v == INVALID) {
          state = BROKEN;
        } else {
          changed |= value(v == NULL ? null : v);
          valueRead();
        }
        continue; // the delimiter is read next
      }
      if (i == len) {
        break;
      }
      char c = b[i++];
      switch (c) {
        case ' ', '\t', '\n', '\r' -> {
        }
        case '"' -> {
          if (state == NAME || state == FIRST_NAME) {
            name = true;
          } else if (state == VALUE || state == FIRST_VALUE) {
            name = false;
          } else {
            state = BROKEN;
            break;
          }
          token = STRING;
          tokenStart = i;
          w = i;
        }
        case ',' -> state = state == AFTER ? (objects[depth - 1] ? NAME : VALUE) : BROKEN;
        case ':' -> state = state == COLON ? VALUE : BROKEN;
        case '{' -> {
          if (open(true, FIRST_NAME)) {
            changed |= startObject();
          }
        }
        case '[' -> {
          if (open(false, FIRST_VALUE)) {
            changed |= startArray();
          }
        }
        case '}', ']' -> {
          boolean object = c == '}';
          if (depth == 0 || objects[depth - 1] != object || (state != AFTER && state != (object ? FIRST_NAME : FIRST_VALUE))) {
            state = BROKEN;
          } else {
            depth--;
            changed |= end();
            valueRead();
          }
        }
        default -> {
          if ((state == VALUE || state == FIRST_VALUE) && (c == '-' || (c >= '0' && c <= '9') || c == 't' || c == 'f' || c == 'n')) {
            token = SCALAR;
            tokenStart = i - 1;
          } else {
            state = BROKEN;
          }
        }
      }
    }
    kept = 0;
    return changed;
  }

  /**
   * The field name {@code b[from, to)}: the same instance as last time for a name seen before (a list
   * of records repeats its components' names), so it is neither allocated again nor hashed again;
   * a short name is the interned instance, as the string literals of generated code are.
   */
  private String name(char[] b, int from, int to) {
    int n = to - from;
    int hash = n;
    for (int j = from; j < to; j++) {
      hash = 31 * hash + b[j];
    }
    int slot = (hash ^ hash >>> 16) & (NAMES - 1);
    String known = names[slot];
    if (known != null && known.length() == n) {
      int j = 0;
      while (j < n && known.charAt(j) == b[from + j]) {
        j++;
      }
      if (j == n) {
        return known;
      }
    }
    String read = new String(b, from, n);
    if (n <= 32) {
      // A bounded cache (a colliding name replaces the one before), of the JVM's own instances: the
      // generated partial types look components up by their literal names, found by identity first.
      read = read.intern();
      names[slot] = read;
    }
    return read;
  }

  private static final int NAMES = 64;
  private final String[] names = new String[NAMES];

  /** Moves the unfinished token's characters {@code b[from, to)} to the buffer's start, for the next chunk. */
  private static int keep(char[] b, int from, int to) {
    if (from != 0) {
      System.arraycopy(b, from, b, 0, to - from);
    }
    return to - from;
  }

  private boolean open(boolean object, byte next) {
    if (state != VALUE && state != FIRST_VALUE) {
      state = BROKEN;
      return false;
    }
    if (depth == MAX_DEPTH) {
      state = BROKEN; // Jackson's limit
      return false;
    }
    if (depth == objects.length) {
      objects = Arrays.copyOf(objects, depth * 2);
    }
    objects[depth++] = object;
    state = next;
    return true;
  }

  private void valueRead() {
    if (state != BROKEN) {
      state = depth == 0 ? DONE : AFTER;
    }
  }

  /** Reads {@code c}, a character of an escape sequence; decoded characters go to {@code b[w]}. @return the write index after */
  private int escaped(char[] b, int w, char c) {
    if (escape == 1) {
      escape = 0;
      char decoded;
      switch (c) {
        case '"', '\\', '/' -> decoded = c;
        case 'b' -> decoded = '\b';
        case 'f' -> decoded = '\f';
        case 'n' -> decoded = '\n';
        case 'r' -> decoded = '\r';
        case 't' -> decoded = '\t';
        case 'u' -> {
          escape = 2;
          unicode = 0;
          return w;
        }
        default -> {
          state = BROKEN;
          return w;
        }
      }
      b[w] = decoded;
      return w + 1;
    }
    int digit = Character.digit(c, 16);
    if (digit < 0) {
      state = BROKEN;
      return w;
    }
    unicode = unicode << 4 | digit;
    if (++escape == 6) {
      escape = 0;
      b[w] = (char) unicode;
      return w + 1;
    }
    return w;
  }

  /** The value of the scalar {@code b[from, to)}, or {@link #INVALID}. */
  private static Object scalarValue(char[] b, int from, int to) {
    char first = b[from];
    if (first == 't' || first == 'f' || first == 'n') {
      return literal(b, from, to);
    }
    boolean negative = first == '-';
    int digits = negative ? from + 1 : from;
    int k = digits;
    if (k == to) {
      return INVALID;
    }
    if (b[k] == '0') {
      k++;
    } else if (b[k] >= '1' && b[k] <= '9') {
      while (k < to && isDigit(b[k])) {
        k++;
      }
    } else {
      return INVALID;
    }
    int integral = k;
    boolean fraction = false;
    if (k < to && b[k] == '.') {
      fraction = true;
      int d = ++k;
      while (k < to && isDigit(b[k])) {
        k++;
      }
      if (k == d) {
        return INVALID;
      }
    }
    if (k < to && (b[k] == 'e' || b[k] == 'E')) {
      fraction = true;
      k++;
      if (k < to && (b[k] == '+' || b[k] == '-')) {
        k++;
      }
      int d = k;
      while (k < to && isDigit(b[k])) {
        k++;
      }
      if (k == d) {
        return INVALID;
      }
    }
    if (k != to) {
      return INVALID; // a leading zero followed by digits, or anything else
    }
    if (fraction) {
      return decimal(b, from, to, negative, digits, integral);
    }
    if (integral - digits <= 18) {
      long v = 0;
      for (int j = digits; j < integral; j++) {
        v = v * 10 + (b[j] - '0');
      }
      if (negative) {
        v = -v;
      }
      return v == (int) v ? (Object) Integer.valueOf((int) v) : (Object) Long.valueOf(v);
    }
    BigInteger big = new BigInteger(new String(b, from, to - from));
    return big.bitLength() < 64 ? (Object) Long.valueOf(big.longValue()) : big;
  }

  /**
   * A number with a fraction or an exponent, as {@link Double#parseDouble} reads it. Without an exponent
   * and with at most 15 significant digits, the digits as a whole number and the power of ten they are
   * divided by are both exact doubles, so {@link ExactDecimal} gives the same double as the full
   * algorithm; anything else goes to {@code parseDouble}.
   */
  private static Object decimal(char[] b, int from, int to, boolean negative, int digits, int integral) {
    int fractionDigits = to - integral - 1;
    if (b[integral] == '.' && fractionDigits <= 22 && to - digits - 1 <= 15) {
      long mantissa = 0;
      for (int j = digits; j < to; j++) {
        if (j != integral) {
          char d = b[j];
          if (d < '0' || d > '9') {
            return Double.valueOf(new String(b, from, to - from)); // an exponent
          }
          mantissa = mantissa * 10 + (d - '0');
        }
      }
      double v = ExactDecimal.scaled(mantissa, -fractionDigits); // fractionDigits ≤ 22: never NaN
      return negative ? -v : v;
    }
    return Double.valueOf(new String(b, from, to - from));
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static Object literal(char[] b, int from, int to) {
    int n = to - from;
    if (n == 4 && b[from] == 't' && b[from + 1] == 'r' && b[from + 2] == 'u' && b[from + 3] == 'e') {
      return Boolean.TRUE;
    }
    if (n == 5 && b[from] == 'f' && b[from + 1] == 'a' && b[from + 2] == 'l' && b[from + 3] == 's' && b[from + 4] == 'e') {
      return Boolean.FALSE;
    }
    if (n == 4 && b[from] == 'n' && b[from + 1] == 'u' && b[from + 2] == 'l' && b[from + 3] == 'l') {
      return NULL;
    }
    return INVALID;
  }
}
