package dev.prompt4j.internal.stream;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * A snapshot of a JSON object still being read: its entries in order, keys and values alternating
 * in one array, immutable. A snapshot is taken at every change, so this costs one small array where
 * a {@code LinkedHashMap} costs a table and an entry object per component. Lookups scan the array:
 * it is used for objects of at most {@link #MAX} entries (records have few components); {@link
 * PartialJson} copies larger ones into a {@code LinkedHashMap}.
 */
final class SnapshotMap extends AbstractMap<String, Object> {
  static final int MAX = 16;
  private final Object[] entries; // key, value, key, value, ...

  SnapshotMap(Object[] entries) {
    this.entries = entries;
  }

  @Override
  public int size() {
    return entries.length / 2;
  }

  @Override
  public boolean containsKey(Object key) {
    return indexOf(key) >= 0;
  }

  @Override
  public Object get(Object key) {
    int at = indexOf(key);
    return at < 0 ? null : entries[at + 1];
  }

  private int indexOf(Object key) {
    for (int i = 0; i < entries.length; i += 2) {
      if (entries[i] == key) { // the lexer's names are interned, as generated code's literals
        return i;
      }
    }
    for (int i = 0; i < entries.length; i += 2) {
      if (entries[i].equals(key)) {
        return i;
      }
    }
    return -1;
  }

  @Override
  public Set<Entry<String, Object>> entrySet() {
    return new AbstractSet<>() {
      @Override
      public int size() {
        return entries.length / 2;
      }

      @Override
      public Iterator<Entry<String, Object>> iterator() {
        return new Iterator<>() {
          private int at;

          @Override
          public boolean hasNext() {
            return at < entries.length;
          }

          @Override
          public Entry<String, Object> next() {
            if (at >= entries.length) {
              throw new NoSuchElementException();
            }
            Entry<String, Object> e = new SimpleImmutableEntry<>((String) entries[at], entries[at + 1]);
            at += 2;
            return e;
          }
        };
      }
    };
  }
}
