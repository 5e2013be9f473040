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
    Object known = built.get(map);
    if (known != null) {
      return (P) known;
    }
    P partial = factory.apply((Map<String, Object>) map, this);
    if (json.isFinal(map)) {
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
  @SuppressWarnings("unchecked")
  public <X> List<X> list(Object value, Function<Object, X> element) {
    if (!(value instanceof List<?> items)) {
      return null;
    }
    Object known = built.get(items);
    if (known != null) {
      return (List<X>) known;
    }
    List<X> partial;
    if (items instanceof PrefixList<?> growing) {
      // The settled elements are converted once (into an array later partials share), the open one each time.
      PrefixList.Done<Object> done = lists.computeIfAbsent(growing.key(), k -> new PrefixList.Done<>());
      while (done.scanned < growing.doneSize()) {
        X x = element.apply(growing.get(done.scanned++));
        if (x != null) {
          done.add(x);
        }
      }
      X tail = growing.hasTail() ? element.apply(growing.get(growing.doneSize())) : null;
      partial = (List<X>) (List<?>) done.snapshot(tail == null ? PrefixList.NONE : tail);
    } else {
      List<X> out = new ArrayList<>(items.size());
      for (Object item : items) {
        X x = element.apply(item);
        if (x != null) {
          out.add(x);
        }
      }
      partial = Collections.unmodifiableList(out);
    }
    if (json.isFinal(items)) {
      built.put(items, partial);
    }
    return partial;
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

  /**
   * A number, as the component's type: {@code Partials.number(v, Number::intValue)}.
   *
   * @param value a JSON value
   * @param as converts a JSON number to the component's type
   * @param <N> the component's boxed type
   * @return it converted, or {@code null} when it is not a number
   */
  public static <N> N number(Object value, Function<Number, N> as) {
    return value instanceof Number n ? as.apply(n) : null;
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
