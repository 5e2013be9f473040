package dev.prompt4j.internal.stream;

import java.util.AbstractList;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.RandomAccess;
import java.util.Set;

/**
 * The read-only views {@link PartialJson} puts in place of an object or array once it closed (when
 * no rules apply): a view is its own final copy, and its type says so, so telling a closed part of
 * the answer from an open one needs no identity set (whose hashing costs per container).
 */
final class Frozen {
  private Frozen() {}

  static boolean is(Object value) {
    return value instanceof FrozenMap || value instanceof FrozenList;
  }

  static final class FrozenMap extends AbstractMap<String, Object> {
    private final Map<String, Object> live; // closed: never written again

    FrozenMap(Map<String, Object> live) {
      this.live = Collections.unmodifiableMap(live);
    }

    @Override
    public Object get(Object key) {
      return live.get(key);
    }

    @Override
    public boolean containsKey(Object key) {
      return live.containsKey(key);
    }

    @Override
    public int size() {
      return live.size();
    }

    @Override
    public Set<Entry<String, Object>> entrySet() {
      return live.entrySet();
    }
  }

  static final class FrozenList extends AbstractList<Object> implements RandomAccess {
    private final List<Object> live; // closed: never written again

    FrozenList(List<Object> live) {
      this.live = live;
    }

    @Override
    public Object get(int index) {
      return live.get(index);
    }

    @Override
    public int size() {
      return live.size();
    }
  }
}
