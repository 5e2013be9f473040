package dev.prompt4j.internal.config;

import dev.prompt4j.Prompt4jException;
import dev.prompt4j.internal.output.OutputMode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One configuration setting: its names (the first is the documented one, others are accepted
 * spellings), how its text is read, and what a valid value looks like. A value that cannot be read
 * fails with the key, its source and that description. How the text is read is a {@link Reader}
 * constant rather than a function per setting, so that loading this class (which checking the keys
 * at start-up does) defines no class per setting.
 *
 * @param names the setting's names, the documented one first
 * @param valid what a valid value looks like, for messages
 * @param reader how a stripped value is read
 * @param choices the values a {@link Reader#CHOICE} accepts (lower case), else empty
 * @param <V> the value type, which {@code reader} makes
 */
public record Setting<V>(List<String> names, String valid, Reader reader, List<String> choices) {
  /** Every key starts with this. */
  public static final String PREFIX = "prompt4j.";
  /** Provider settings start with this. */
  public static final String PROVIDERS = PREFIX + "providers.";

  /** Provider name. */
  public static final Setting<String> PROVIDER = text("provider");
  /** Model name. */
  public static final Setting<String> MODEL = text("model");
  /** Sampling temperature. */
  public static final Setting<Double> TEMPERATURE =
      new Setting<>(List.of("temperature"), "a decimal number of at least 0, such as 0.7", Reader.DECIMAL_AT_LEAST_0);
  /** Maximum output tokens. */
  public static final Setting<Integer> MAX_TOKENS =
      new Setting<>(List.of("max-tokens", "maxTokens"), "a whole number of at least 1, such as 400", Reader.WHOLE_AT_LEAST_1);
  /** Nucleus sampling. */
  public static final Setting<Double> TOP_P =
      new Setting<>(List.of("top-p", "topP"), "a decimal number from 0 to 1, such as 0.9", Reader.DECIMAL_FROM_0_TO_1);
  /** Sampling seed. */
  public static final Setting<Long> SEED = new Setting<>(List.of("seed"), "a whole number, such as 42", Reader.LONG);
  /** Stop sequences. */
  public static final Setting<List<String>> STOP = new Setting<>(List.of("stop"), "stop sequences separated by commas", Reader.LIST);
  /** Fallback models. */
  public static final Setting<List<String>> FALLBACKS =
      new Setting<>(List.of("fallbacks"), "provider:model pairs separated by commas, such as anthropic:claude-haiku-4-5", Reader.FALLBACKS);
  /** Time limit of sending one prompt call. */
  public static final Setting<Duration> TIMEOUT = duration("timeout");
  /** Time limit of a whole call with its computed fields. */
  public static final Setting<Duration> CHAIN_TIMEOUT = duration("chain-timeout");
  /** Answers accepted, counting the first. */
  public static final Setting<Integer> MAX_ATTEMPTS =
      new Setting<>(List.of("max-attempts"), "a whole number of at least 1, such as 3", Reader.WHOLE_AT_LEAST_1);
  /** How structured answers are asked for. */
  public static final Setting<String> OUTPUT_MODE =
      new Setting<>(List.of("output-mode"), "native, instructions or auto", Reader.OUTPUT_MODE);

  // Tools (the tool loop)
  /** Model turns of a tool loop, counting the first request. */
  public static final Setting<Integer> MAX_TOOL_ROUND_TRIPS =
      new Setting<>(List.of("max-tool-round-trips"), "a whole number of at least 1, such as 10", Reader.WHOLE_AT_LEAST_1);
  /** Tool calls of one prompt call, every tool together. */
  public static final Setting<Integer> MAX_TOOL_CALLS =
      new Setting<>(List.of("max-tool-calls"), "a whole number of at least 1, such as 50", Reader.WHOLE_AT_LEAST_1);
  /** Calls of any one tool in one prompt call. */
  public static final Setting<Integer> MAX_CALLS_PER_TOOL =
      new Setting<>(List.of("max-calls-per-tool"), "a whole number of at least 1, such as 20", Reader.WHOLE_AT_LEAST_1);
  /** What a tool loop does at a limit: fail, or ask once more without tools for the answer. */
  public static final Setting<String> ON_TOOL_LIMIT = choice("on-tool-limit", "fail", "answer");
  /** What a failed tool call does: goes back to the model as the tool's result, or fails the call. */
  public static final Setting<String> ON_TOOL_ERROR = choice("on-tool-error", "feed-back", "fail");

  /** Every setting a method (or interface, or every method) can have. */
  public static final List<Setting<?>> METHOD_SETTINGS =
      List.of(PROVIDER, MODEL, TEMPERATURE, MAX_TOKENS, TOP_P, SEED, STOP, FALLBACKS, TIMEOUT, CHAIN_TIMEOUT, MAX_ATTEMPTS, OUTPUT_MODE,
          MAX_TOOL_ROUND_TRIPS, MAX_TOOL_CALLS, MAX_CALLS_PER_TOOL, ON_TOOL_LIMIT, ON_TOOL_ERROR);

  /** {@code prompt4j.retry.initial-delay}. */
  public static final Setting<Duration> RETRY_INITIAL_DELAY = duration("retry.initial-delay");
  /** {@code prompt4j.retry.max-delay}. */
  public static final Setting<Duration> RETRY_MAX_DELAY = duration("retry.max-delay");
  /** {@code prompt4j.executor.threads}: read from system properties only (the default pool is JVM-wide). */
  public static final Setting<Integer> EXECUTOR_THREADS =
      new Setting<>(List.of("executor.threads"), "a whole number of at least 1", Reader.WHOLE_AT_LEAST_1);
  /** {@code prompt4j.executor.virtual}: read from system properties only. */
  public static final Setting<Boolean> EXECUTOR_VIRTUAL = new Setting<>(List.of("executor.virtual"), "true or false", Reader.BOOLEAN);

  /** {@code prompt4j.listeners}: class names of {@code dev.prompt4j.PromptListener}s, comma-separated. */
  public static final Setting<List<String>> LISTENERS =
      new Setting<>(List.of("listeners"), "class names separated by commas, such as com.example.AuditListener", Reader.LIST);
  /** {@code prompt4j.log.content}: whether the DEBUG line per call carries the messages and the answer. */
  public static final Setting<Boolean> LOG_CONTENT = new Setting<>(List.of("log.content"), "true or false", Reader.BOOLEAN);
  /** {@code prompt4j.media.max-bytes}: the largest image, sound or PDF a call sends (default 20 MB). */
  public static final Setting<Long> MEDIA_MAX_BYTES =
      new Setting<>(List.of("media.max-bytes"), "a size in bytes, such as 20MB, 512KB or 1048576", Reader.BYTES);
  /** {@code prompt4j.media.fetch-urls}: whether Prompt4j fetches a media URL the provider cannot take as a URL (default false). */
  public static final Setting<Boolean> MEDIA_FETCH_URLS = new Setting<>(List.of("media.fetch-urls"), "true or false", Reader.BOOLEAN);
  /** Prices start with this: {@code prompt4j.prices.<provider>.<model>=input,output[,cachedInput]}. */
  public static final String PRICES = PREFIX + "prices.";

  /** Settings that are not per method. */
  public static final List<Setting<?>> GLOBAL_SETTINGS =
      List.of(RETRY_INITIAL_DELAY, RETRY_MAX_DELAY, EXECUTOR_THREADS, EXECUTOR_VIRTUAL, LISTENERS, LOG_CONTENT, MEDIA_MAX_BYTES,
          MEDIA_FETCH_URLS);

  /** {@code prompt4j.providers.<name>.timeout}. */
  static final Setting<Duration> PROVIDER_TIMEOUT = duration("timeout");
  /** {@code prompt4j.providers.<name>.max-retries}. */
  static final Setting<Integer> MAX_RETRIES =
      new Setting<>(List.of("max-retries"), "a whole number of at least 0, such as 2", Reader.WHOLE_AT_LEAST_0);
  /** The settings every provider has. */
  static final List<String> PROVIDER_KEYS = List.of("api-key", "base-url", "timeout", "max-retries", "type", "model");
  /**
   * {@code prompt4j.providers.<name>.type}: makes {@code <name>} a named instance of the provider the
   * value names, with its own key, base URL and options (two OpenAI-compatible endpoints side by side).
   */
  public static final String PROVIDER_TYPE = "type";

  /**
   * How a setting's text is read: one constant per kind of value, read by {@link #parse}.
   */
  public enum Reader {
    /** The text itself. */
    TEXT,
    /** A decimal number of at least 0. */
    DECIMAL_AT_LEAST_0,
    /** A decimal number from 0 to 1. */
    DECIMAL_FROM_0_TO_1,
    /** A whole number ({@code int}) of at least 0. */
    WHOLE_AT_LEAST_0,
    /** A whole number ({@code int}) of at least 1. */
    WHOLE_AT_LEAST_1,
    /** A whole number ({@code long}). */
    LONG,
    /** Items separated by commas, stripped, empty ones dropped. */
    LIST,
    /** {@code provider:model} pairs separated by commas. */
    FALLBACKS,
    /** A duration that is not negative ({@link Configuration#parseDuration}). */
    DURATION,
    /** An output mode ({@code native}, {@code instructions}, {@code auto}), kept as written. */
    OUTPUT_MODE,
    /** One of the setting's {@link Setting#choices()}, in lower case. */
    CHOICE,
    /** {@code true} or {@code false}. */
    BOOLEAN,
    /** A size in bytes, with {@code KB}, {@code MB} or {@code GB}. */
    BYTES
  }

  /** Copies the names and choices. */
  public Setting {
    names = List.copyOf(names);
    choices = List.copyOf(choices);
  }

  private Setting(List<String> names, String valid, Reader reader) {
    this(names, valid, reader, List.of());
  }

  /**
   * The documented name.
   *
   * @return the first name
   */
  public String name() {
    return names.get(0);
  }

  /**
   * Reads {@code entry}'s value.
   *
   * @param entry a configured value with its key and source
   * @return the value
   * @throws Prompt4jException naming the key, the source, the value and what would be valid
   */
  @SuppressWarnings("unchecked")
  public V parse(Configuration.Entry entry) {
    try {
      return (V) read(entry.value());
    } catch (RuntimeException e) {
      // A secret never goes through a Setting (keys are read as text by the provider settings).
      throw new Prompt4jException("Configuration key " + entry.key() + " (" + entry.source() + ") is '" + entry.value()
          + "', which is not valid: write " + valid, e);
    }
  }

  /** Reads a stripped value as {@link #reader} says; throws any {@link RuntimeException} when it is not valid. */
  private Object read(String text) {
    switch (reader) {
      case TEXT:
        return text;
      case DECIMAL_AT_LEAST_0:
        return atLeast(Double.parseDouble(text), 0);
      case DECIMAL_FROM_0_TO_1:
        return between(Double.parseDouble(text), 0, 1);
      case WHOLE_AT_LEAST_0:
        return atLeast(Integer.parseInt(text), 0);
      case WHOLE_AT_LEAST_1:
        return atLeast(Integer.parseInt(text), 1);
      case LONG:
        return Long.parseLong(text);
      case LIST:
        return split(text);
      case FALLBACKS:
        return fallbacks(text);
      case DURATION:
        return nonNegative(Configuration.parseDuration(text));
      case OUTPUT_MODE:
        OutputMode.parse(text); // throws for anything else
        return text;
      case CHOICE:
        return choice(text, choices);
      case BOOLEAN:
        return bool(text);
      case BYTES:
        return bytes(text);
      default:
        throw new IllegalStateException("no reader " + reader);
    }
  }

  private static Setting<String> text(String name) {
    return new Setting<>(List.of(name), "a non-blank name", Reader.TEXT);
  }

  private static Setting<String> choice(String name, String... choices) {
    return new Setting<>(List.of(name), String.join(" or ", choices), Reader.CHOICE, List.of(choices));
  }

  private static Setting<Duration> duration(String name) {
    return new Setting<>(List.of(name), "a duration such as 30s, 500ms, 2m, or ISO-8601 such as PT30S", Reader.DURATION);
  }

  private static String choice(String text, List<String> choices) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (!choices.contains(lower)) {
      throw new IllegalArgumentException("not one of " + choices);
    }
    return lower;
  }

  private static Duration nonNegative(Duration d) {
    if (d.isNegative()) {
      throw new IllegalArgumentException("negative");
    }
    return d;
  }

  private static <N extends Number & Comparable<N>> N atLeast(N value, double minimum) {
    if (value.doubleValue() < minimum || Double.isNaN(value.doubleValue())) {
      throw new IllegalArgumentException("too small");
    }
    return value;
  }

  private static Double between(Double value, double low, double high) {
    if (!(value >= low && value <= high)) {
      throw new IllegalArgumentException("out of range");
    }
    return value;
  }

  private static Long bytes(String text) {
    String t = text.strip().toUpperCase(java.util.Locale.ROOT);
    long unit = t.endsWith("GB") ? 1L << 30 : t.endsWith("MB") ? 1L << 20 : t.endsWith("KB") ? 1L << 10 : 1;
    String number = unit == 1 ? t : t.substring(0, t.length() - 2).strip();
    return atLeast(Math.multiplyExact(Long.parseLong(number), unit), 1);
  }

  private static Boolean bool(String text) {
    return switch (text.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default -> throw new IllegalArgumentException("not a boolean");
    };
  }

  static List<String> split(String value) {
    List<String> items = new java.util.ArrayList<>();
    for (String item : value.split(",")) {
      String stripped = item.strip();
      if (!stripped.isEmpty()) {
        items.add(stripped);
      }
    }
    return List.copyOf(items);
  }

  private static List<String> fallbacks(String value) {
    List<String> list = split(value);
    for (String fallback : list) {
      int colon = fallback.indexOf(':');
      if (colon <= 0 || colon == fallback.length() - 1) {
        throw new IllegalArgumentException("not provider:model: " + fallback);
      }
    }
    return list;
  }
}
