package dev.prompt4j.internal.stream;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Turns a {@link PartialJson} snapshot into a generated partial type (generated-code ABI: the
 * processor writes, for each record answer {@code T} of a streaming method, a record {@code
 * TPartial} whose static {@code of(Map, Partials)} calls these). No reflection: the generated code
 * names every component and its conversion.
 *
 * <p>Incremental: a closed part of the answer is the same map in every later snapshot ({@link
 * PartialJson#isFinal}), so its typed partial is built once and kept; each snapshot converts only
 * the records still open. One instance per attempt, as its {@link PartialJson}.
 *
 * <p>A value of the wrong JSON type (a string where a number is expected, an unknown enum constant)
 * shows as {@code null}: partials show what is certain; the final parse reports what is wrong.
 */
public final class Partials {
  private final PartialJson json;
  private final Map<Object, Object> built = new IdentityHashMap<>();
  /** Per growing list of the snapshots, its settled elements converted once. */
  private final Map<Object, PrefixList.Done<Object>> lists = new IdentityHashMap<>();

  /**
   * Conversions for the snapshots of {@code json}.
   *
   * @param json the parser whose snapshots are converted
   */
  public Partials(PartialJson json) {
    this.json = json;
  }

  /**
   * The typed partial of the answer so far.
   *
   * @param factory the generated {@code TPartial::of}
   * @param <P> the partial type
   * @return the partial, or {@code null} before the answer's first {@code {}
   */
  public <P> P snapshot(BiFunction<Map<String, Object>, Partials, P> factory) {
    return record(json.snapshot(), factory);
  }

  /**
   * A nested record's partial.
   *
   * @param value the component's JSON value (a map, or absent)
   * @param factory the generated {@code XPartial::of}
   * @param <P> the partial type
   * @return the partial, or {@code null} when {@code value} is not an object
   */
  @SuppressWarnings("unchecked")
  public <P> P record(Object value, BiFunction<Map<String, Object>, Partials, P> factory) {
    if (!(value instanceof Map<?, ?> map)) {
      return null;
    }
    boolean fin = json.isFinal(map); // only a final map is kept: an open one is new in every snapshot
    Object known = fin ? built.get(map) : null;
    if (known != null) {
      return (P) known;
    }
    P partial = factory.apply((Map<String, Object>) map, this);
    if (fin) {
      built.put(map, partial);
    }
    return partial;
  }

  /**
   * A list's partial: each element converted, elements that convert to {@code null} left out.
   *
   * @param value the component's JSON value (a list, or absent)
   * @param element converts one element
   * @param <X> the element type
   * @return an unmodifiable list, or {@code null} when {@code value} is not an array
   */
  public <X> List<X> list(Object value, Function<Object, X> element) {
    return elements(value, element, null);
  }

  /**
   * A list of records' partial: {@code list(value, item -> partials.record(item, factory))} without a
   * lambda made per snapshot.
   *
   * @param value the component's JSON value (a list, or absent)
   * @param factory the generated {@code XPartial::of}
   * @param <P> the element's partial type
   * @return an unmodifiable list, or {@code null} when {@code value} is not an array
   */
  public <P> List<P> records(Object value, BiFunction<Map<String, Object>, Partials, P> factory) {
    return elements(value, null, factory);
  }

  /** Converts each element with {@code element}, or when it is {@code null}, as a record made by {@code factory}. */
  @SuppressWarnings("unchecked")
  private <X> List<X> elements(Object value, Function<Object, X> element, BiFunction<Map<String, Object>, Partials, ?> factory) {
    if (!(value instanceof List<?> items)) {
      return null;
    }
    boolean fin = json.isFinal(items);
    Object known = fin ? built.get(items) : null;
    if (known != null) {
      return (List<X>) known;
    }
    List<X> partial;
    if (items instanceof PrefixList<?> growing) {
      // The settled elements are converted once (into an array later partials share), the open one each time.
      PrefixList.Done<Object> done = lists.computeIfAbsent(growing.key(), k -> new PrefixList.Done<>());
      while (done.scanned < growing.doneSize()) {
        X x = convert(growing.get(done.scanned++), element, factory);
        if (x != null) {
          done.add(x);
        }
      }
      X tail = growing.hasTail() ? convert(growing.get(growing.doneSize()), element, factory) : null;
      partial = (List<X>) (List<?>) done.snapshot(tail == null ? PrefixList.NONE : tail);
    } else {
      List<X> out = new ArrayList<>(items.size());
      for (Object item : items) {
        X x = convert(item, element, factory);
        if (x != null) {
          out.add(x);
        }
      }
      partial = Collections.unmodifiableList(out);
    }
    if (fin) {
      built.put(items, partial);
    }
    return partial;
  }

  @SuppressWarnings("unchecked")
  private <X> X convert(Object item, Function<Object, X> element, BiFunction<Map<String, Object>, Partials, ?> factory) {
    return element != null ? element.apply(item) : (X) record(item, factory);
  }

  /**
   * @param value a JSON value
   * @return it as a string, or {@code null}
   */
  public static String string(Object value) {
    return value instanceof String s ? s : null;
  }

  /**
   * @param value a JSON value
   * @return it as a boolean, or {@code null}
   */
  public static Boolean bool(Object value) {
    return value instanceof Boolean b ? b : null;
  }

  // One conversion per numeric type: no lambda to call, and a JSON number of the type already (the
  // lexer reads integers as Integer or Long, other numbers as Double) is handed on, not boxed again.

  /**
   * @param value a JSON value
   * @return it as an Integer, or {@code null} when it is not a number
   */
  public static Integer intValue(Object value) {
    return value instanceof Integer i ? i : value instanceof Number n ? Integer.valueOf(n.intValue()) : null;
  }

  /**
   * @param value a JSON value
   * @return it as a Long, or {@code null} when it is not a number
   */
  public static Long longValue(Object value) {
    return value instanceof Long l ? l : value instanceof Number n ? Long.valueOf(n.longValue()) : null;
  }

  /**
   * @param value a JSON value
   * @return it as a Short, or {@code null} when it is not a number
   */
  public static Short shortValue(Object value) {
    return value instanceof Number n ? Short.valueOf(n.shortValue()) : null;
  }

  /**
   * @param value a JSON value
   * @return it as a Byte, or {@code null} when it is not a number
   */
  public static Byte byteValue(Object value) {
    return value instanceof Number n ? Byte.valueOf(n.byteValue()) : null;
  }

  /**
   * @param value a JSON value
   * @return it as a Double, or {@code null} when it is not a number
   */
  public static Double doubleValue(Object value) {
    return value instanceof Double d ? d : value instanceof Number n ? Double.valueOf(n.doubleValue()) : null;
  }

  /**
   * @param value a JSON value
   * @return it as a Float, or {@code null} when it is not a number
   */
  public static Float floatValue(Object value) {
    return value instanceof Number n ? Float.valueOf(n.floatValue()) : null;
  }

  /**
   * @param value a JSON value
   * @return it as a character (a one-character string), or {@code null}
   */
  public static Character character(Object value) {
    return value instanceof String s && s.length() == 1 ? s.charAt(0) : null;
  }

  /**
   * @param value a JSON value
   * @return it as a BigDecimal, or {@code null}
   */
  public static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof BigInteger i) {
      return new BigDecimal(i);
    }
    return value instanceof Number n ? new BigDecimal(n.toString()) : null;
  }

  /**
   * @param value a JSON value
   * @return it as a BigInteger, or {@code null}
   */
  public static BigInteger integer(Object value) {
    if (value instanceof BigInteger i) {
      return i;
    }
    return value instanceof Number n ? BigInteger.valueOf(n.longValue()) : null;
  }

  /**
   * An enum constant by name (exact, else ignoring case, as the final parse repairs it).
   *
   * @param value a JSON value
   * @param constants the enum's constants ({@code E.values()})
   * @param <E> the enum
   * @return the constant, or {@code null}
   */
  public static <E extends Enum<E>> E constant(Object value, E[] constants) {
    if (!(value instanceof String s)) {
      return null;
    }
    for (E e : constants) {
      if (e.name().equals(s)) {
        return e;
      }
    }
    for (E e : constants) {
      if (e.name().equalsIgnoreCase(s)) {
        return e;
      }
    }
    return null;
  }
}
