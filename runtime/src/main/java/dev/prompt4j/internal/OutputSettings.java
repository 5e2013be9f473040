package dev.prompt4j.internal;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.internal.output.OutputMode;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * How structured answers are asked for and how often re-asked, per method: configuration (by {@link
 * Configuration#methodSetting}'s rule), then the annotation, then the default.
 *
 * <p>Keys: {@code prompt4j[.<Interface>[.<method>]].max-attempts} (answers accepted counting the
 * first, default {@value PromptContext#DEFAULT_MAX_ATTEMPTS}, over {@code @Prompt(maxAttempts)}) and
 * {@code prompt4j[.<Interface>[.<method>]].output-mode} ({@code native}, {@code instructions} or
 * {@code auto}, the default: native where the client declares {@link
 * Capability#RESPONSE_FORMAT_JSON_SCHEMA}, instructions otherwise).
 */
final class OutputSettings {
  private final Configuration configuration;
  // Read once per method: the configuration never changes, and building the keys on every call cost
  // more allocation than the rest of a text call (see BENCHMARKS.md).
  private final ConcurrentHashMap<PromptMethod<?>, Integer> maxAttempts = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<PromptMethod<?>, Optional<OutputMode>> configuredModes = new ConcurrentHashMap<>();

  OutputSettings(Configuration configuration) {
    this.configuration = configuration;
  }

  /** How many answers {@code method} may get before failing, counting the first. */
  int maxAttempts(PromptMethod<?> method) {
    return maxAttempts.computeIfAbsent(method, this::readMaxAttempts);
  }

  private int readMaxAttempts(PromptMethod<?> method) {
    String configured = mostSpecific(method, "max-attempts");
    if (configured != null) {
      try {
        int attempts = Integer.parseInt(configured);
        if (attempts >= 1) {
          return attempts;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new Prompt4jException(method.qualifiedName() + ": max-attempts must be a whole number of at least 1, but it is '"
          + configured + "'", method.name(), null);
    }
    return method.maxAttempts() > 0 ? method.maxAttempts() : PromptContext.DEFAULT_MAX_ATTEMPTS;
  }

  /** The mode of {@code method} when {@code client} (possibly {@code null}: not buildable) answers. */
  OutputMode mode(PromptMethod<?> method, ChatModel client) {
    if (method.output().jsonSchema() == null) {
      return OutputMode.TEXT;
    }
    OutputMode mode = configuredModes.computeIfAbsent(method, this::readMode).orElse(null);
    if (mode != null) {
      return mode;
    }
    boolean native_ = false;
    try {
      native_ = client != null && client.supportedCapabilities() != null
          && client.supportedCapabilities().contains(Capability.RESPONSE_FORMAT_JSON_SCHEMA);
    } catch (RuntimeException e) {
      // a client that cannot say: ask with instructions, which every model understands
    }
    return native_ ? OutputMode.NATIVE : OutputMode.INSTRUCTIONS;
  }

  private Optional<OutputMode> readMode(PromptMethod<?> method) {
    String configured = mostSpecific(method, "output-mode");
    try {
      return Optional.ofNullable(OutputMode.parse(configured));
    } catch (IllegalArgumentException e) {
      throw new Prompt4jException(method.qualifiedName() + ": " + e.getMessage(), method.name(), null);
    }
  }

  private String mostSpecific(PromptMethod<?> method, String key) {
    Configuration.Entry entry = configuration.methodSetting(method.interfaceName(), method.name(), key);
    return entry == null ? null : entry.value();
  }

}
