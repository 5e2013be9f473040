package dev.prompt4j.internal.tools;

import dev.prompt4j.internal.output.ArgumentsReader;

/** What a tool's return value is sent back as (generated-code ABI). */
public final class ToolResults {
  /** The result of a {@code void} tool. */
  public static final String DONE = "done";

  private ToolResults() {}

  /**
   * {@code value} as text for the model: a string as it is, anything else as JSON.
   *
   * @param value what the tool returned
   * @return the text
   */
  public static String text(Object value) {
    if (value == null) {
      return "null";
    }
    if (value instanceof String s) {
      return s;
    }
    try {
      return ArgumentsReader.json(value);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      return String.valueOf(value);
    }
  }
}
