package dev.prompt4j.test;

import java.util.ArrayList;
import java.util.List;

/** A line diff (longest common subsequence) for failure messages: small inputs, readable output. */
final class LineDiff {
  /** Inputs longer than this are compared by their first lines only, to keep a failure cheap. */
  private static final int MAX_LINES = 2_000;

  private LineDiff() {}

  /** How many lines the two texts have in common, in order. */
  static int common(List<String> a, List<String> b) {
    int[][] table = table(cap(a), cap(b));
    return table[0][0];
  }

  /**
   * {@code expected} against {@code actual}: unchanged lines start with two spaces, removed ones with
   * {@code "- "}, added ones with {@code "+ "}; runs of more than {@code context} unchanged lines are
   * folded.
   */
  static String diff(String expected, String actual, int context) {
    List<String> a = cap(expected.lines().toList());
    List<String> b = cap(actual.lines().toList());
    int[][] table = table(a, b);
    List<String> out = new ArrayList<>();
    int i = 0;
    int j = 0;
    while (i < a.size() || j < b.size()) {
      if (i < a.size() && j < b.size() && a.get(i).equals(b.get(j))) {
        out.add("  " + a.get(i));
        i++;
        j++;
      } else if (i < a.size() && (j == b.size() || table[i + 1][j] >= table[i][j + 1])) {
        out.add("- " + a.get(i++));
      } else {
        out.add("+ " + b.get(j++));
      }
    }
    return fold(out, context);
  }

  private static String fold(List<String> lines, int context) {
    StringBuilder text = new StringBuilder();
    int n = lines.size();
    for (int k = 0; k < n; k++) {
      boolean near = false;
      for (int d = Math.max(0, k - context); d <= Math.min(n - 1, k + context) && !near; d++) {
        near = !lines.get(d).startsWith("  ");
      }
      if (near) {
        text.append(lines.get(k)).append('\n');
      } else if (text.length() == 0 || !text.toString().endsWith("  ...\n")) {
        text.append("  ...\n");
      }
    }
    return text.toString();
  }

  private static List<String> cap(List<String> lines) {
    return lines.size() <= MAX_LINES ? lines : lines.subList(0, MAX_LINES);
  }

  private static int[][] table(List<String> a, List<String> b) {
    int[][] t = new int[a.size() + 1][b.size() + 1];
    for (int i = a.size() - 1; i >= 0; i--) {
      for (int j = b.size() - 1; j >= 0; j--) {
        t[i][j] = a.get(i).equals(b.get(j)) ? t[i + 1][j + 1] + 1 : Math.max(t[i + 1][j], t[i][j + 1]);
      }
    }
    return t;
  }
}
