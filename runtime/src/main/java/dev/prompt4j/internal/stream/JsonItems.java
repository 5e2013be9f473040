package dev.prompt4j.internal.stream;

import java.util.List;
import java.util.Map;
import java.util.function.ObjIntConsumer;

/**
 * The elements of a streamed {@code List<X>} answer ({@code X} a record), each handed out once its
 * object closed: Instructor's iterable. The answer is a JSON array, or, in native structured mode,
 * the object {@code {"value": [...]}}; both are read by one {@link PartialJson} (a bare array is read
 * as if it came wrapped), so the work stays linear in the answer's length.
 *
 * <p>Not thread-safe: one stream feeds it on one thread at a time.
 */
public final class JsonItems {
  private static final String WRAP = "{\"value\":";
  private final PartialJson json = new PartialJson();
  private boolean started;
  private int handedOut;

  /**
   * Reads one chunk and hands out the elements it completed, in order.
   *
   * @param chunk the next piece of the answer's text
   * @param item receives each completed element (a map of its components) and its index
   */
  public void feed(String chunk, ObjIntConsumer<Map<String, Object>> item) {
    int from = 0;
    if (!started) {
      int bracket = chunk.indexOf('[');
      int brace = chunk.indexOf('{');
      if (bracket < 0 && brace < 0) {
        return;
      }
      started = true;
      if (bracket >= 0 && (brace < 0 || bracket < brace)) {
        json.feedFrom(WRAP, 0);
        from = bracket;
      } else {
        from = brace;
      }
    }
    json.feedFrom(chunk, from); // a closing brace is no change to PartialJson: look anyway
    if (!(json.rootValue("value") instanceof List<?> list)) {
      return;
    }
    while (handedOut < list.size()) {
      Object element = list.get(handedOut);
      if (element instanceof Map<?, ?> && !json.closed(element)) {
        return;
      }
      if (element instanceof Map<?, ?>) {
        @SuppressWarnings("unchecked")
        Map<String, Object> record = (Map<String, Object>) element;
        item.accept(record, handedOut);
      }
      handedOut++; // anything but an object (a null) is no element to hand out
    }
  }
}
