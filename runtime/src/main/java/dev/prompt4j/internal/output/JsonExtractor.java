package dev.prompt4j.internal.output;

/**
 * Finds the JSON value in a model's answer as models really send it: inside a Markdown fence, with a
 * sentence before or after it, or bare.
 */
final class JsonExtractor {
  private JsonExtractor() {}

  /** What was found: the JSON text, or why none could be cut out. */
  record Found(String json, String problem) {}

  /**
   * The JSON text of {@code answer}. {@code preferred} is the character the expected value starts with
   * ({@code '{'}, {@code '['}), or {@code 0} when either will do; the first such value wins over an
   * earlier value of the other kind, so prose like "see [1]" before an object does not mislead.
   */
  static Found find(String answer, char preferred) {
    String text = unfence(answer.strip());
    if (text.isEmpty()) {
      return new Found(null, "the answer is empty");
    }
    char first = text.charAt(0);
    if (first == '{' || first == '[' || first == '"') {
      int end = end(text, 0);
      if (end > 0 && text.substring(end).isBlank()) {
        return new Found(text, null);
      }
    }
    int start = preferred == 0 ? firstOf(text, 0) : text.indexOf(preferred);
    if (start < 0) {
      start = firstOf(text, 0);
    }
    if (start < 0) {
      return new Found(null, null); // no JSON at all: the caller may read the text as a scalar
    }
    int end = end(text, start);
    if (end < 0) {
      return new Found(null, "the JSON starting at '" + abbreviate(text.substring(start), 40)
          + "' is not complete: it ends before its closing " + (text.charAt(start) == '{' ? "'}'" : "']'")
          + " (cut off?)");
    }
    return new Found(text.substring(start, end), null);
  }

  /** The content of the first Markdown code fence, or the text itself when there is none. */
  static String unfence(String text) {
    int open = text.indexOf("```");
    if (open < 0) {
      return text;
    }
    int lineEnd = text.indexOf('\n', open);
    if (lineEnd < 0) {
      return text.substring(open + 3).replace("`", "").strip();
    }
    int close = text.indexOf("```", lineEnd);
    String inside = close < 0 ? text.substring(lineEnd + 1) : text.substring(lineEnd + 1, close);
    return inside.strip();
  }

  private static int firstOf(String text, int from) {
    for (int i = from; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '{' || c == '[') {
        return i;
      }
    }
    return -1;
  }

  /** The index after the value that starts at {@code start}, or -1 when the text ends first. */
  private static int end(String text, int start) {
    char first = text.charAt(start);
    if (first == '"') {
      int i = skipString(text, start);
      return i;
    }
    int depth = 0;
    for (int i = start; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '"') {
        i = skipString(text, i);
        if (i < 0) {
          return -1;
        }
        i--; // the loop's increment moves past the closing quote
      } else if (c == '{' || c == '[') {
        depth++;
      } else if (c == '}' || c == ']') {
        depth--;
        if (depth == 0) {
          return i + 1;
        }
      }
    }
    return -1;
  }

  /** The index after the string literal starting at {@code quote}, or -1 if it never closes. */
  private static int skipString(String text, int quote) {
    for (int i = quote + 1; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\') {
        i++;
      } else if (c == '"') {
        return i + 1;
      }
    }
    return -1;
  }

  static String abbreviate(String text, int max) {
    String oneLine = text.replaceAll("\\s+", " ").strip();
    return oneLine.length() <= max ? oneLine : oneLine.substring(0, max) + "...";
  }
}
