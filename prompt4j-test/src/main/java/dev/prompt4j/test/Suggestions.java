package dev.prompt4j.test;

import java.util.Collection;

/** "Did you mean ...?" for names typed in tests. */
final class Suggestions {
  private Suggestions() {}

  /** The name closest to {@code typed} within an edit distance of a third of its length, or {@code null}. */
  static String closest(String typed, Collection<String> names) {
    String best = null;
    int bestDistance = Math.max(2, typed.length() / 3) + 1;
    for (String name : names) {
      int d = distance(typed.toLowerCase(java.util.Locale.ROOT), name.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = name;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) previous[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] t = previous;
      previous = current;
      current = t;
    }
    return previous[b.length()];
  }
}
