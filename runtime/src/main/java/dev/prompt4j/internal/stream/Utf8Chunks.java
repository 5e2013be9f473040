package dev.prompt4j.internal.stream;

/**
 * Encodes a stream's text chunks as UTF-8 into one reused buffer, for Jackson's non-blocking parser
 * (which has consumed the previous chunk's bytes before the next one is encoded). A chunk ending
 * between the two halves of a surrogate pair (an emoji split by the provider) keeps the first half
 * until the next chunk, so the character is encoded whole; an unpaired half becomes {@code ?}, as
 * {@link String#getBytes} makes it.
 *
 * <p>Not thread-safe: one stream feeds it on one thread at a time.
 */
final class Utf8Chunks {
  private byte[] buffer = new byte[64];
  private int length;
  private char high; // a high surrogate waiting for its low half, or 0

  /**
   * Encodes {@code text} from {@code from} on.
   *
   * @return the buffer, valid until the next call; its first {@link #length()} bytes are the chunk's
   */
  byte[] encode(CharSequence text, int from) {
    int end = text.length();
    int need = (end - from) * 3 + 4;
    if (buffer.length < need) {
      buffer = new byte[Math.max(need, buffer.length * 2)];
    }
    byte[] out = buffer;
    int n = 0;
    int i = from;
    if (high != 0 && i < end) {
      char c = text.charAt(i);
      if (Character.isLowSurrogate(c)) {
        n = pair(out, n, high, c);
        i++;
      } else {
        out[n++] = '?';
      }
      high = 0;
    }
    while (i < end) {
      char c = text.charAt(i++);
      if (c < 0x80) {
        out[n++] = (byte) c;
      } else if (c < 0x800) {
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
    return out;
  }

  /** How many bytes the last {@link #encode} wrote. */
  int length() {
    return length;
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
