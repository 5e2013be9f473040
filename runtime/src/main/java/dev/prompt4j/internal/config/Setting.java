package dev.prompt4j.internal.config;

import dev.prompt4j.Prompt4jException;
import dev.prompt4j.internal.output.OutputMode;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * One configuration setting: its names (the first is the documented one, others are accepted
 * spellings), how its text is read, and what a valid value looks like. A value that cannot be read
 * fails with the key, its source and that description.
 *
 * @param names the setting's names, the documented one first
 * @param valid what a valid value looks like, for messages
 * @param parser reads a stripped value; throws any {@link RuntimeException} when it is not valid
 * @param <V> the value type
 */
public record Setting<V>(List<String> names, String valid, Function<String, V> parser) {
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
      new Setting<>(List.of("temperature"), "a decimal number of at least 0, such as 0.7", text -> atLeast(Double.parseDouble(text), 0));
  /** Maximum output tokens. */
  public static final Setting<Integer> MAX_TOKENS =
      new Setting<>(List.of("max-tokens", "maxTokens"), "a whole number of at least 1, such as 400", text -> atLeast(Integer.parseInt(text), 1));
  /** Nucleus sampling. */
  public static final Setting<Double> TOP_P =
      new Setting<>(List.of("top-p", "topP"), "a decimal number from 0 to 1, such as 0.9", text -> between(Double.parseDouble(text), 0, 1));
  /** Sampling seed. */
  public static final Setting<Long> SEED = new Setting<>(List.of("seed"), "a whole number, such as 42", Long::parseLong);
  /** Stop sequences. */
  public static final Setting<List<String>> STOP = new Setting<>(List.of("stop"), "stop sequences separated by commas", Setting::split);
  /** Fallback models. */
  public static final Setting<List<String>> FALLBACKS =
      new Setting<>(List.of("fallbacks"), "provider:model pairs separated by commas, such as anthropic:claude-haiku-4-5", Setting::fallbacks);
  /** Time limit of sending one prompt call. */
  public static final Setting<Duration> TIMEOUT = duration("timeout");
  /** Time limit of a whole call with its computed fields. */
  public static final Setting<Duration> CHAIN_TIMEOUT = duration("chain-timeout");
  /** Answers accepted, counting the first. */
  public static final Setting<Integer> MAX_ATTEMPTS =
      new Setting<>(List.of("max-attempts"), "a whole number of at least 1, such as 3", text -> atLeast(Integer.parseInt(text), 1));
  /** How structured answers are asked for. */
  public static final Setting<String> OUTPUT_MODE =
      new Setting<>(List.of("output-mode"), "native, instructions or auto", text -> {
        OutputMode.parse(text); // throws for anything else
        return text;
      });

  // Tools (the tool loop)
  /** Model turns of a tool loop, counting the first request. */
  public static final Setting<Integer> MAX_TOOL_ROUND_TRIPS =
      new Setting<>(List.of("max-tool-round-trips"), "a whole number of at least 1, such as 10", text -> atLeast(Integer.parseInt(text), 1));
  /** Tool calls of one prompt call, every tool together. */
  public static final Setting<Integer> MAX_TOOL_CALLS =
      new Setting<>(List.of("max-tool-calls"), "a whole number of at least 1, such as 50", text -> atLeast(Integer.parseInt(text), 1));
  /** Calls of any one tool in one prompt call. */
  public static final Setting<Integer> MAX_CALLS_PER_TOOL =
      new Setting<>(List.of("max-calls-per-tool"), "a whole number of at least 1, such as 20", text -> atLeast(Integer.parseInt(text), 1));
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
      new Setting<>(List.of("executor.threads"), "a whole number of at least 1", text -> atLeast(Integer.parseInt(text), 1));
  /** {@code prompt4j.executor.virtual}: read from system properties only. */
  public static final Setting<Boolean> EXECUTOR_VIRTUAL = new Setting<>(List.of("executor.virtual"), "true or false", Setting::bool);

  /** {@code prompt4j.listeners}: class names of {@code dev.prompt4j.PromptListener}s, comma-separated. */
  public static final Setting<List<String>> LISTENERS =
      new Setting<>(List.of("listeners"), "class names separated by commas, such as com.example.AuditListener", Setting::split);
  /** {@code prompt4j.log.content}: whether the DEBUG line per call carries the messages and the answer. */
  public static final Setting<Boolean> LOG_CONTENT = new Setting<>(List.of("log.content"), "true or false", Setting::bool);
  /** {@code prompt4j.media.max-bytes}: the largest image, sound or PDF a call sends (default 20 MB). */
  public static final Setting<Long> MEDIA_MAX_BYTES =
      new Setting<>(List.of("media.max-bytes"), "a size in bytes, such as 20MB, 512KB or 1048576", Setting::bytes);
  /** {@code prompt4j.media.fetch-urls}: whether Prompt4j fetches a media URL the provider cannot take as a URL (default false). */
  public static final Setting<Boolean> MEDIA_FETCH_URLS = new Setting<>(List.of("media.fetch-urls"), "true or false", Setting::bool);
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
      new Setting<>(List.of("max-retries"), "a whole number of at least 0, such as 2", text -> atLeast(Integer.parseInt(text), 0));
  /** The settings every provider has. */
  static final List<String> PROVIDER_KEYS = List.of("api-key", "base-url", "timeout", "max-retries", "type", "model");
  /**
   * {@code prompt4j.providers.<name>.type}: makes {@code <name>} a named instance of the provider the
   * value names, with its own key, base URL and options (two OpenAI-compatible endpoints side by side).
   */
  public static final String PROVIDER_TYPE = "type";

  /** Copies the names. */
  public Setting {
    names = List.copyOf(names);
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
  public V parse(Configuration.Entry entry) {
    try {
      return parser.apply(entry.value());
    } catch (RuntimeException e) {
      // A secret never goes through a Setting (keys are read as text by the provider settings).
      throw new Prompt4jException("Configuration key " + entry.key() + " (" + entry.source() + ") is '" + entry.value()
          + "', which is not valid: write " + valid, e);
    }
  }

  private static Setting<String> text(String name) {
    return new Setting<>(List.of(name), "a non-blank name", text -> text);
  }

  private static Setting<String> choice(String name, String... choices) {
    return new Setting<>(List.of(name), String.join(" or ", choices), text -> {
      String lower = text.toLowerCase(Locale.ROOT);
      if (!List.of(choices).contains(lower)) {
        throw new IllegalArgumentException("not one of " + List.of(choices));
      }
      return lower;
    });
  }

  private static Setting<Duration> duration(String name) {
    return new Setting<>(List.of(name), "a duration such as 30s, 500ms, 2m, or ISO-8601 such as PT30S", text -> {
      Duration d = Configuration.parseDuration(text);
      if (d.isNegative()) {
        throw new IllegalArgumentException("negative");
      }
      return d;
    });
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
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
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
