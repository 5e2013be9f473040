package dev.prompt4j.processor.generate;

/** Lays out a compact JSON document for people, and writes it as a Java text block. */
final class JsonText {
  private JsonText() {}

  /** {@code json} with two-space indentation, one property or element per line. */
  static String pretty(String json) {
    StringBuilder out = new StringBuilder();
    int depth = 0;
    boolean inString = false;
    for (int i = 0; i < json.length(); i++) {
      char c = json.charAt(i);
      if (inString) {
        out.append(c);
        if (c == '\\') {
          out.append(json.charAt(++i));
        } else if (c == '"') {
          inString = false;
        }
        continue;
      }
      switch (c) {
        case '"' -> {
          inString = true;
          out.append(c);
        }
        case '{', '[' -> {
          char close = c == '{' ? '}' : ']';
          if (i + 1 < json.length() && json.charAt(i + 1) == close) {
            out.append(c).append(close);
            i++;
          } else {
            out.append(c);
            newline(out, ++depth);
          }
        }
        case '}', ']' -> {
          newline(out, --depth);
          out.append(c);
        }
        case ',' -> {
          out.append(c);
          newline(out, depth);
        }
        case ':' -> out.append(": ");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  private static void newline(StringBuilder out, int depth) {
    out.append('\n');
    out.append("  ".repeat(depth));
  }

  /**
   * A text block holding {@code text} exactly (no final newline), for a {@code $L} argument of a field
   * initialiser: every line indented alike, so the compiler strips exactly that indentation.
   */
  static String textBlock(String text) {
    String escaped = text.replace("\\", "\\\\").replace("\"\"\"", "\"\"\\\"");
    return "\"\"\"\n" + escaped.indent(4).stripTrailing() + "\"\"\"";
  }
}
