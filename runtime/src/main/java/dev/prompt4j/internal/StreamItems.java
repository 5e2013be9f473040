package dev.prompt4j.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prompt4j.internal.output.OutputParseException;
import dev.prompt4j.internal.output.OutputType;
import java.util.Map;
import java.util.function.Function;

/**
 * Streaming (#11): reads one completed element of a streamed {@code List<X>} answer as the final
 * answer is read (the element type's {@link OutputType}: repairs, binding, Bean Validation), so an
 * item handed to the consumer is one the final answer would accept.
 */
final class StreamItems {
  /** Writes the parser's maps, lists, strings, numbers and booleans back to JSON text. */
  private static final ObjectMapper JSON = new ObjectMapper();

  private StreamItems() {}

  /** A reader of elements of {@code type}: the element, or {@code null} when it is not valid. */
  static Function<Map<String, Object>, Object> reader(OutputType<?> type) {
    return element -> {
      try {
        return type.parse(JSON.writeValueAsString(element));
      } catch (OutputParseException | JsonProcessingException invalid) {
        return null; // the final answer fails on it too, and is re-asked with every problem named
      }
    };
  }
}
