package dev.prompt4j.internal.stream;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.RandomAccess;

/**
 * An immutable snapshot of a list that is still growing: its first {@code size} elements are the
 * ones that can no longer change, held in an array that is only ever appended to (so every later
 * snapshot shares them), plus at most one element still open, copied for this snapshot alone. A
 * snapshot therefore costs the same whatever the list's length, and a stream's partials stay linear
 * in the answer's length.
 *
 * @param <E> the element type
 */
final class PrefixList<E> extends AbstractList<E> implements RandomAccess {
  private final Object key;
  private final Object[] done;
  private final int size;
  private final Object tail; // NONE when the list has no open element
  static final Object NONE = new Object();

  PrefixList(Object key, Object[] done, int size, Object tail) {
    this.key = key;
    this.done = done;
    this.size = size;
    this.tail = tail;
  }

  /** What the elements before {@link #doneSize()} belong to: the same for every snapshot of one list. */
  Object key() {
    return key;
  }

  /** How many elements can no longer change. */
  int doneSize() {
    return size;
  }

  /** Whether the last element is still open. */
  boolean hasTail() {
    return tail != NONE;
  }

  @Override
  @SuppressWarnings("unchecked")
  public E get(int index) {
    if (index >= 0 && index < size) {
      return (E) done[index];
    }
    if (index == size && tail != NONE) {
      return (E) tail;
    }
    throw new IndexOutOfBoundsException("Index " + index + " out of bounds for length " + size());
  }

  @Override
  public int size() {
    return tail == NONE ? size : size + 1;
  }

  /**
   * The elements that can no longer change, appended to as the list grows; one per list.
   *
   * @param <E> the element type
   */
  static final class Done<E> {
    private Object[] items = new Object[8];
    private int size;
    /** How many of the source list's elements were looked at (some may have been left out). */
    int scanned;

    void add(E item) {
      if (size == items.length) {
        items = Arrays.copyOf(items, size * 2); // snapshots keep the old array: its first size slots never change
      }
      items[size++] = item;
    }

    /** A snapshot: these elements, and {@code tail} ({@link #NONE} for none) after them. */
    PrefixList<E> snapshot(Object tail) {
      return new PrefixList<>(this, items, size, tail);
    }
  }
}
