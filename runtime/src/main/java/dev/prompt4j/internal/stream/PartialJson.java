package dev.prompt4j.internal.stream;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The structured answer so far, from its chunks: a {@link JsonLexer} reads each chunk's characters
 * once, and each complete token updates one tree of maps and lists in place, so the work over
 * an answer grows linearly with its length (re-parsing the text so far at every chunk would be
 * quadratic). Text before the first {@code {} (prose, a code fence) is skipped, and so is anything
 * after the object closes.
 *
 * <p>What appears when: a value appears once its token is complete, so numbers, booleans and enum
 * constants never show half-written, and a string appears whole (the parser does not hand out
 * the part of a string read so far). Objects and lists appear as soon as they open, and grow.
 *
 * <p>Not thread-safe: one stream feeds it on one thread at a time.
 */
public final class PartialJson {
  private final Tokens lexer = new Tokens();
  /** The open containers, outermost first: {@code open[depth - 1]} is the innermost. */
  private Object[] open = new Object[8];
  private int depth;
  private final Set<Object> closed = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Closed containers to their copy (or SKIP), made once: a snapshot copies only what is still open. */
  private final Map<Object, Object> finished = new IdentityHashMap<>();
  /** The copies in {@link #finished}: they never change, so what is derived from them can be kept. */
  private final Set<Object> finalCopies = Collections.newSetFromMap(new IdentityHashMap<>());
  /** Open lists to the copies of their elements that can no longer change. */
  private final Map<Object, PrefixList.Done<Object>> prefixes = new IdentityHashMap<>();
  private final StreamRules rules;
  /**
   * No rules: a container is frozen when it closes (its unmodifiable view replaces it in its parent
   * and is its final copy), so no snapshot copies it, and no paths are built.
   */
  private final boolean plain;
  /** Per open container (by depth), the key it has in its parent object ({@code null} in a list). */
  private String[] keys = new String[8];
  private Map<String, Object> root;
  private Map<String, Object> frozenRoot; // plain: the root's view once it closed
  private String field;
  private boolean started;
  private boolean ended;
  private boolean broken;

  /** A parser waiting for the answer's first {@code {}, without rules. */
  public PartialJson() {
    this(StreamRules.NONE);
  }

  /**
   * A parser waiting for the answer's first {@code {}, whose snapshots follow {@code rules}.
   *
   * @param rules the {@code @StreamDone} and {@code @StreamRequired} components
   */
  public PartialJson(StreamRules rules) {
    this.rules = rules;
    this.plain = rules.done().isEmpty() && rules.required().isEmpty();
  }

  /**
   * Reads one chunk.
   *
   * @param chunk the next piece of the answer's text
   * @return whether the answer so far changed
   */
  public boolean feed(String chunk) {
    if (ended || broken || chunk.isEmpty()) {
      return false;
    }
    int from = 0;
    if (!started) {
      from = chunk.indexOf('{');
      if (from < 0) {
        return false;
      }
    }
    return feedFrom(chunk, from);
  }

  /** Reads {@code chunk} from {@code from} on (the answer's first {@code {} or later). */
  boolean feedFrom(String chunk, int from) {
    started = true;
    if (ended || broken) {
      return false;
    }
    boolean changed = lexer.feed(chunk, from);
    broken = lexer.failed(); // not JSON after all: the final parse reports it, with the re-ask
    return changed;
  }

  /** The tokens of the answer, applied to the tree as they complete. */
  private final class Tokens extends JsonLexer {
    @Override
    boolean startObject() {
      Map<String, Object> map = new LinkedHashMap<>();
      if (depth == 0) {
        root = map;
      } else {
        attach(map);
      }
      push(map);
      return true;
    }

    @Override
    boolean startArray() {
      if (depth == 0) {
        fail(); // partials are for objects
        return false;
      }
      List<Object> list = new ArrayList<>();
      attach(list);
      push(list);
      return true;
    }

    @Override
    boolean end() {
      Object live = open[--depth];
      open[depth] = null;
      if (plain) {
        freeze(live);
      } else {
        closed.add(live);
      }
      if (depth == 0) {
        ended = true;
      }
      return !rules.done().isEmpty(); // a @StreamDone component may show now
    }

    @Override
    void name(String name) {
      field = name;
    }

    @Override
    boolean value(Object value) {
      if (depth == 0) {
        fail(); // partials are for objects
        return false;
      }
      attach(value);
      return true;
    }
  }

  private void push(Object container) {
    if (depth == keys.length) {
      keys = java.util.Arrays.copyOf(keys, depth * 2);
      open = java.util.Arrays.copyOf(open, depth * 2);
    }
    keys[depth] = depth > 0 && open[depth - 1] instanceof LinkedHashMap ? field : null;
    open[depth++] = container;
  }

  /**
   * Replaces {@code live}, just closed, by its unmodifiable view in its parent: its contents are
   * frozen views or values already, so the view is its final copy, shared by every later snapshot.
   */
  @SuppressWarnings("unchecked")
  private void freeze(Object live) {
    Object view;
    if (live instanceof LinkedHashMap<?, ?> m) {
      view = new Frozen.FrozenMap((Map<String, Object>) m);
    } else {
      view = new Frozen.FrozenList((List<Object>) live);
      prefixes.remove(live);
    }
    Object parent = depth == 0 ? null : open[depth - 1];
    if (parent == null) {
      frozenRoot = (Map<String, Object>) view;
    } else if (parent instanceof LinkedHashMap<?, ?> map) {
      ((Map<String, Object>) map).put(keys[depth], view);
    } else {
      List<Object> list = (List<Object>) parent;
      list.set(list.size() - 1, view);
    }
  }

  @SuppressWarnings("unchecked")
  private void attach(Object value) {
    Object parent = open[depth - 1];
    if (parent instanceof LinkedHashMap<?, ?> map) {
      ((Map<String, Object>) map).put(field, value);
    } else {
      ((List<Object>) parent).add(value);
    }
  }

  /**
   * Whether {@code v} is an object or array of the tree being read (open, or closed when rules apply):
   * the tree's own classes are checked, not the {@code Map} and {@code List} interfaces, whose
   * checks cost a search of the class's interfaces each time one fails (most values are strings).
   */
  private static boolean isLive(Object v) {
    return v instanceof LinkedHashMap || v instanceof ArrayList;
  }

  /** The live value of the root's {@code name} (items: read, never change), or {@code null}. */
  Object rootValue(String name) {
    return root == null ? null : root.get(name);
  }

  /** Whether {@code live}, a container of the tree being read, closed. */
  boolean closed(Object live) {
    return plain ? Frozen.is(live) : closed.contains(live);
  }

  /**
   * Whether the object closed.
   *
   * @return whether the whole object was read
   */
  public boolean isComplete() {
    return ended;
  }

  /**
   * An immutable copy of the answer so far (empty before its first {@code {}).
   *
   * @return the snapshot
   */
  @SuppressWarnings("unchecked")
  public Map<String, Object> snapshot() {
    if (root == null) {
      return Map.of();
    }
    if (frozenRoot != null) {
      return frozenRoot;
    }
    Object copy = copyValue(root, "");
    return copy == SKIP ? Map.of() : (Map<String, Object>) copy;
  }

  /** The copy of a record at {@code path}, or {@code null} when a {@code @StreamRequired} component is missing. */
  @SuppressWarnings("unchecked")
  private Map<String, Object> copy(Map<String, Object> map, String path) {
    if (plain && map.size() <= SnapshotMap.MAX) { // no rules: every component, in one small array
      Object[] entries = new Object[map.size() * 2];
      int i = 0;
      for (Map.Entry<String, Object> e : map.entrySet()) {
        entries[i++] = e.getKey();
        entries[i++] = copyValue(e.getValue(), null);
      }
      return new SnapshotMap(entries);
    }
    Map<String, Object> out = new LinkedHashMap<>((int) (map.size() / 0.75f) + 1);
    for (Map.Entry<String, Object> e : map.entrySet()) {
      Object v = e.getValue();
      if (plain) { // no rules: no path needed
        out.put(e.getKey(), copyValue(v, null));
        continue;
      }
      String at = path.isEmpty() ? e.getKey() : path + "." + e.getKey();
      if (rules.done().contains(at) && isLive(v) && !closed.contains(v)) {
        continue; // @StreamDone: not until it closed
      }
      Object copied = copyValue(v, at);
      if (copied != SKIP) {
        out.put(e.getKey(), copied);
      }
    }
    for (String required : rules.required()) {
      int dot = required.lastIndexOf('.');
      String parent = dot < 0 ? "" : required.substring(0, dot);
      if (parent.equals(path) && !out.containsKey(required.substring(dot + 1))) {
        return null; // @StreamRequired: not without it
      }
    }
    return Collections.unmodifiableMap(out);
  }

  /** A record left out of a list or a record for lack of a required component. */
  private static final Object SKIP = new Object();

  /**
   * Whether {@code copy}, a map or list of a {@link #snapshot()}, belongs to a closed part of the
   * answer: later snapshots hold the same instance, unchanged.
   *
   * @param copy a map or list of a snapshot
   * @return whether it is final
   */
  public boolean isFinal(Object copy) {
    return plain ? Frozen.is(copy) : finalCopies.contains(copy);
  }

  private Object copyValue(Object v, String path) {
    if (!isLive(v)) {
      return v; // a value, or a container frozen when it closed
    }
    if (plain || !closed.contains(v)) { // plain: every closed container is frozen (no identity hash to make)
      return copyOpen(v, path);
    }
    Object done = finished.get(v);
    if (done == null) {
      done = copyOpen(v, path);
      finished.put(v, done);
      finalCopies.add(done);
      prefixes.remove(v);
    }
    return done;
  }

  @SuppressWarnings("unchecked")
  private Object copyOpen(Object v, String path) {
    if (v instanceof LinkedHashMap<?, ?> m) {
      Map<String, Object> copy = copy((Map<String, Object>) m, path);
      return copy == null ? SKIP : copy;
    }
    if (v instanceof ArrayList<?> l) {
      // Only the last element can still change: the others are copied once, into an array every snapshot shares.
      PrefixList.Done<Object> done = prefixes.computeIfAbsent(l, k -> new PrefixList.Done<>());
      String items = plain ? null : path + "[]";
      Object last = l.isEmpty() ? null : l.get(l.size() - 1);
      boolean lastOpen = isLive(last) && !closed(last);
      int settled = lastOpen ? l.size() - 1 : l.size();
      while (done.scanned < settled) {
        Object item = copyValue(l.get(done.scanned++), items);
        if (item != SKIP) {
          done.add(item);
        }
      }
      Object tail = lastOpen ? copyValue(last, items) : SKIP;
      return done.snapshot(tail == SKIP ? PrefixList.NONE : tail);
    }
    return v;
  }
}
