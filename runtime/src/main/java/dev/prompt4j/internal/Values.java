package dev.prompt4j.internal;

import java.util.Iterator;

/**
 * Turns placeholder values into text. The result is inserted verbatim: whatever it contains
 * ({@code {x}}, {@code }}}, a line {@code USER:}) is data and never changes the message structure,
 * because the structure was fixed at compile time.
 */
public final class Values {
  private Values() {}

  /** {@code {name}}: the value's string form; {@code null} becomes {@code "null"}. */
  public static String text(Object value) {
    return String.valueOf(value);
  }

  /** {@code {name}} on an {@code Optional}: its value, or nothing when empty (not {@code Optional[...]}). */
  public static String text(java.util.Optional<?> value) {
    return value == null ? "null" : value.map(String::valueOf).orElse("");
  }

  /** {@code {name}} on a {@code char[]}: its characters (not the array's identity). */
  public static String text(char[] value) {
    return value == null ? "null" : new String(value);
  }

  /** {@code {items:list}}: one item per line. */
  public static String list(Iterable<?> items) {
    if (items == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    for (Iterator<?> it = items.iterator(); it.hasNext(); ) {
      out.append(it.next());
      if (it.hasNext()) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  /** {@code {items:list}} on an array. */
  public static String list(Object[] items) {
    return items == null ? "null" : list(java.util.Arrays.asList(items));
  }

  /** {@code {rows:lists}}: each inner list one item per line, blocks separated by a blank line. */
  public static String lists(Iterable<? extends Iterable<?>> rows) {
    if (rows == null) {
      return "null";
    }
    StringBuilder out = new StringBuilder();
    for (Iterator<? extends Iterable<?>> it = rows.iterator(); it.hasNext(); ) {
      out.append(list(it.next()));
      if (it.hasNext()) {
        out.append("\n\n");
      }
    }
    return out.toString();
  }
}
