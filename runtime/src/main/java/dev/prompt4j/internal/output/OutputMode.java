package dev.prompt4j.internal.output;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import java.util.Locale;

/**
 * How a call asks for the answer's shape, as {@link dev.prompt4j.Response#outputMode()} shows it.
 * Configurable with {@code prompt4j[.<Interface>[.<method>]].output-mode = native | instructions}.
 */
public enum OutputMode {
  /** Free text: no schema. */
  TEXT("text"),
  /** The schema sent with the provider's native structured-output mode (response format). */
  NATIVE("native"),
  /** The schema appended to the last user message, with instructions to answer with JSON only. */
  INSTRUCTIONS("instructions");

  private final String label;

  OutputMode(String label) {
    this.label = label;
  }

  /** The name shown in responses and traces, as configured: {@code text}, {@code native}, {@code instructions}. */
  public String label() {
    return label;
  }

  /**
   * The mode a configuration value asks for: {@code native} (the older spelling {@code native-schema} is still read), {@code
   * instructions}; {@code null} for {@code null} or {@code auto}.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static OutputMode parse(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "native", "native-schema", "native_schema" -> NATIVE;
      case "instructions", "instruction", "prompt" -> INSTRUCTIONS;
      case "auto", "" -> null;
      default -> throw new IllegalArgumentException("output mode '" + value + "' is not one of native, instructions, auto");
    };
  }

  /**
   * The mode when no configuration chose one: native where {@code client} declares {@link
   * Capability#RESPONSE_FORMAT_JSON_SCHEMA}, instructions otherwise (every model understands them).
   *
   * @param client the client that will answer
   * @return {@link #NATIVE} or {@link #INSTRUCTIONS}
   */
  public static OutputMode forClient(ChatModel client) {
    try {
      return client != null && client.supportedCapabilities() != null
          && client.supportedCapabilities().contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA) ? NATIVE : INSTRUCTIONS;
    } catch (RuntimeException e) {
      return INSTRUCTIONS; // a client that cannot say
    }
  }
}
