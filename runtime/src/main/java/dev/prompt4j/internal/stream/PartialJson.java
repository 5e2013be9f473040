package dev.prompt4j.internal.stream;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.async.ByteArrayFeeder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The structured answer so far, from its chunks: Jackson's non-blocking parser is fed each chunk's
 * bytes once, and each complete token updates one tree of maps and lists in place, so the work over
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
  private static final JsonFactory JSON = new JsonFactory();

  private final JsonParser parser;
  private final ByteArrayFeeder feeder;
  private final Deque<Object> open = new ArrayDeque<>();
  private Map<String, Object> root;
  private String field;
  private boolean started;
  private boolean ended;
  private boolean broken;

  /** A parser waiting for the answer's first {@code {}. */
  public PartialJson() {
    try {
      parser = JSON.createNonBlockingByteArrayParser();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    feeder = (ByteArrayFeeder) parser.getNonBlockingInputFeeder();
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
    String text = chunk;
    if (!started) {
      int brace = chunk.indexOf('{');
      if (brace < 0) {
        return false;
      }
      started = true;
      text = chunk.substring(brace);
    }
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    return feed(bytes, 0, bytes.length);
  }

  /**
   * Reads bytes of the answer from its first {@code {} on.
   *
   * @param bytes the bytes
   * @param offset where they start
   * @param length how many
   * @return whether the answer so far changed
   */
  public boolean feed(byte[] bytes, int offset, int length) {
    started = true;
    boolean changed = false;
    try {
      feeder.feedInput(bytes, offset, offset + length);
      JsonToken token;
      while (!ended && (token = parser.nextToken()) != JsonToken.NOT_AVAILABLE && token != null) {
        changed |= apply(token);
      }
    } catch (IOException e) {
      broken = true; // not JSON after all: the final parse reports it, with the re-ask
    }
    return changed;
  }

  private boolean apply(JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT -> {
        Map<String, Object> map = new LinkedHashMap<>();
        if (open.isEmpty()) {
          root = map;
        } else {
          attach(map);
        }
        open.push(map);
        return true;
      }
      case START_ARRAY -> {
        if (open.isEmpty()) {
          broken = true; // partials are for objects
          return false;
        }
        List<Object> list = new ArrayList<>();
        attach(list);
        open.push(list);
        return true;
      }
      case END_OBJECT, END_ARRAY -> {
        open.pop();
        if (open.isEmpty()) {
          ended = true;
        }
        return false;
      }
      case FIELD_NAME -> {
        field = parser.currentName();
        return false;
      }
      case VALUE_STRING -> attach(parser.getText());
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> attach(parser.getNumberValue());
      case VALUE_TRUE -> attach(Boolean.TRUE);
      case VALUE_FALSE -> attach(Boolean.FALSE);
      case VALUE_NULL -> attach(null);
      default -> {
        return false;
      }
    }
    return true;
  }

  @SuppressWarnings("unchecked")
  private void attach(Object value) {
    Object parent = open.peek();
    if (parent instanceof Map<?, ?> map) {
      ((Map<String, Object>) map).put(field, value);
    } else {
      ((List<Object>) parent).add(value);
    }
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
  public Map<String, Object> snapshot() {
    return root == null ? Map.of() : copy(root);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> copy(Map<String, Object> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k, copyValue(v)));
    return Collections.unmodifiableMap(out);
  }

  @SuppressWarnings("unchecked")
  private static Object copyValue(Object v) {
    if (v instanceof Map<?, ?> m) {
      return copy((Map<String, Object>) m);
    }
    if (v instanceof List<?> l) {
      List<Object> out = new ArrayList<>(l.size());
      for (Object o : l) {
        out.add(copyValue(o));
      }
      return Collections.unmodifiableList(out);
    }
    return v;
  }
}
