package dev.prompt4j.internal.stream;

/**
 * Encodes a stream's text chunks as UTF-8 into one reused buffer, for Jackson's non-blocking parser
 * (which has consumed the previous chunk's bytes before the next one is encoded). A chunk ending
 * between the two halves of a surrogate pair (an emoji split by the provider) keeps the first half
 * until the next chunk, so the character is encoded whole; an unpaired half becomes {@code ?}, as
 * {@link String#getBytes} makes it.
 *
 * <p>It also follows where JSON strings start and end, so that a chunk lying wholly inside a string
 * (most chunks of a long text field) is kept and handed to the parser with the chunk that ends the
 * string: no token can complete inside a string, and the parser's cost is per chunk it is fed.
 *
 * <p>Not thread-safe: one stream feeds it on one thread at a time.
 */
final class Utf8Chunks {
  private byte[] buffer = new byte[64];
  private int length;
  private char high; // a high surrogate waiting for its low half, or 0
  private boolean inString;
  private boolean escaped; // in a string, after a backslash

  /**
   * Appends {@code text} from {@code from} on to the bytes not yet taken.
   *
   * @return whether a token may complete in it: some of it lies outside a JSON string, or it ends one
   */
  boolean append(String text, int from) {
    int end = text.length();
    int need = length + (end - from) * 3 + 4;
    if (buffer.length < need) {
      buffer = java.util.Arrays.copyOf(buffer, Math.max(need, buffer.length * 2));
    }
    byte[] out = buffer;
    int n = length;
    int i = from;
    boolean wake = false;
    boolean str = inString; // locals: the loop runs per character
    boolean esc = escaped;
    if (high != 0 && i < end) {
      char c = text.charAt(i);
      if (Character.isLowSurrogate(c)) {
        n = pair(out, n, high, c);
        i++;
      } else {
        out[n++] = '?';
      }
      high = 0;
      wake = !str;
    }
    while (i < end) {
      char c = text.charAt(i++);
      if (c < 0x80) {
        out[n++] = (byte) c;
        if (!str) {
          wake = true;
          str = c == '"';
        } else if (esc) {
          esc = false;
        } else if (c == '\\') {
          esc = true;
        } else if (c == '"') {
          str = false;
          wake = true;
        }
        continue;
      }
      wake |= !str; // not JSON outside a string: let the parser say so
      esc = false;
      if (c < 0x800) {
        out[n++] = (byte) (0xC0 | (c >> 6));
        out[n++] = (byte) (0x80 | (c & 0x3F));
      } else if (Character.isHighSurrogate(c)) {
        if (i == end) {
          high = c; // its low half comes with the next chunk
        } else if (Character.isLowSurrogate(text.charAt(i))) {
          n = pair(out, n, c, text.charAt(i++));
        } else {
          out[n++] = '?';
        }
      } else if (Character.isLowSurrogate(c)) {
        out[n++] = '?';
      } else {
        out[n++] = (byte) (0xE0 | (c >> 12));
        out[n++] = (byte) (0x80 | ((c >> 6) & 0x3F));
        out[n++] = (byte) (0x80 | (c & 0x3F));
      }
    }
    length = n;
    inString = str;
    escaped = esc;
    return wake;
  }

  /** The bytes appended since the last {@link #take()}, from 0 to {@link #length()}. */
  byte[] bytes() {
    return buffer;
  }

  /** How many bytes were appended since the last {@link #take()}. */
  int length() {
    return length;
  }

  /** Hands the appended bytes over: the next append starts the buffer afresh. */
  int take() {
    int n = length;
    length = 0;
    return n;
  }

  private static int pair(byte[] out, int n, char high, char low) {
    int cp = Character.toCodePoint(high, low);
    out[n++] = (byte) (0xF0 | (cp >> 18));
    out[n++] = (byte) (0x80 | ((cp >> 12) & 0x3F));
    out[n++] = (byte) (0x80 | ((cp >> 6) & 0x3F));
    out[n++] = (byte) (0x80 | (cp & 0x3F));
    return n;
  }
}
