package dev.prompt4j.internal;

import dev.prompt4j.CallParameters;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.provider.ChatModelProvider;
import dev.prompt4j.provider.ProviderSettings;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.function.UnaryOperator;

/**
 * Run-time configuration, read once when a context is created: system properties over environment
 * variables over {@code prompt4j.properties} on the class path. Within each source a method key is
 * more specific than an interface key, which is more specific than a global one; a higher source wins
 * over a lower one whatever the level, so {@code -Dprompt4j.model=...} changes every method.
 *
 * <p>Keys: {@code prompt4j[.<Interface>[.<method>]].provider|model|temperature|max-tokens|top-p|stop|seed|fallbacks}
 * and {@code prompt4j.providers.<name>.api-key|base-url|timeout|max-retries} (plus provider options
 * such as {@code prompt4j.providers.offline.script}). Environment variables use the same key in upper
 * case with {@code .} and {@code -} as {@code _}: {@code PROMPT4J_TRENDS_MODEL}. Where no {@code
 * api-key} or {@code base-url} key is set, the provider's usual variables ({@code OPENAI_API_KEY},
 * {@code ANTHROPIC_BASE_URL}, ...) are read, ranked with the environment: below system properties,
 * above the file.
 *
 * <p>Retries: {@code prompt4j.retry.initial-delay} (default 500ms, doubled per retry, with jitter),
 * {@code prompt4j.retry.max-delay} (default 20s, the longest wait between two attempts, a {@code
 * Retry-After} included), and per provider {@code prompt4j.providers.<name>.max-retries} (default 2).
 * Durations: {@code 30s}, {@code 500ms}, {@code 2m}, a number of seconds, or ISO-8601.
 *
 * <p>Time limits: {@code prompt4j[.<Interface>[.<method>]].timeout} for sending one prompt call (its
 * attempts, retries and fallbacks together) and {@code .chain-timeout} for a whole call, its computed
 * fields and their nested calls included. No limit unless set.
 */
public final class Configuration {
  /** The resource read from the class path. */
  public static final String FILE = "prompt4j.properties";

  private final List<UnaryOperator<String>> sources; // highest first
  private final Map<String, String> environment;
  private final int environmentIndex; // position of the environment in sources, -1 when absent

  private Configuration(List<UnaryOperator<String>> sources, Map<String, String> environment, int environmentIndex) {
    this.sources = List.copyOf(sources);
    this.environment = Map.copyOf(environment);
    this.environmentIndex = environmentIndex;
  }

  /** System properties, environment and class-path file, as they are now. */
  public static Configuration load() {
    return of(System.getProperties(), System.getenv(), readFile(Thread.currentThread().getContextClassLoader()));
  }

  /** Configuration from explicit sources (tests, embedding applications). */
  public static Configuration of(Properties systemProperties, Map<String, String> environment, Properties file) {
    List<UnaryOperator<String>> sources = new ArrayList<>();
    Properties sys = (Properties) systemProperties.clone();
    sources.add(sys::getProperty);
    Map<String, String> env = Map.copyOf(environment);
    sources.add(key -> env.get(environmentName(key)));
    Properties fileCopy = (Properties) file.clone();
    sources.add(fileCopy::getProperty);
    return new Configuration(sources, env, 1);
  }

  /** No configuration at all. */
  public static Configuration empty() {
    return new Configuration(List.of(), Map.of(), -1);
  }

  /** The environment variable that stands for {@code key}. */
  public static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  private static Properties readFile(ClassLoader loader) {
    Properties properties = new Properties();
    ClassLoader cl = loader != null ? loader : Configuration.class.getClassLoader();
    try (InputStream in = cl.getResourceAsStream(FILE)) {
      if (in != null) {
        properties.load(in);
      }
    } catch (IOException e) {
      throw new Prompt4jException("Cannot read " + FILE + " from the class path", e);
    }
    return properties;
  }

  /** The first source (highest first) that has {@code key}, or {@code null}. */
  public String get(String key) {
    for (UnaryOperator<String> source : sources) {
      String value = source.apply(key);
      if (value != null && !value.isBlank()) {
        return value.strip();
      }
    }
    return null;
  }

  /** What configuration changes for one method, every source and level combined. */
  public CallOverride callOverride(String interfaceName, String method) {
    CallOverride result = CallOverride.NONE;
    for (int i = sources.size() - 1; i >= 0; i--) { // lowest source first, each higher one over it
      UnaryOperator<String> source = sources.get(i);
      for (String prefix : List.of("prompt4j.", "prompt4j." + interfaceName + ".", "prompt4j." + interfaceName + "." + method + ".")) {
        result = read(source, prefix).over(result);
      }
    }
    return result;
  }

  /**
   * The duration {@code prompt4j[.<Interface>[.<method>]].<name>} (such as {@code timeout} and {@code
   * chain-timeout}), with the precedence of {@link #callOverride}: a higher source wins, within a
   * source the most specific level. {@code null} when no source sets it.
   */
  public Duration duration(String interfaceName, String method, String name) {
    Entry entry = methodSetting(interfaceName, method, name);
    if (entry == null) {
      return null;
    }
    try {
      return parseDuration(entry.value());
    } catch (RuntimeException e) {
      throw new Prompt4jException("Configuration key " + entry.key() + " is not a duration: '" + entry.value() + "'", e);
    }
  }

  /**
   * A configured value and the key it was found under.
   *
   * @param key the key
   * @param value its value, stripped
   */
  public record Entry(String key, String value) {}

  /**
   * The setting {@code name} of one method, by the same rule as every method setting: the highest
   * source that has it at any level wins; within that source the method key, then the interface
   * key, then the global key. {@code null} when no source sets it.
   */
  public Entry methodSetting(String interfaceName, String method, String name) {
    for (UnaryOperator<String> source : sources) { // highest first
      for (String key : List.of("prompt4j." + interfaceName + "." + method + "." + name, "prompt4j." + interfaceName + "." + name, "prompt4j." + name)) {
        String value = value(source, key);
        if (value != null) {
          return new Entry(key, value);
        }
      }
    }
    return null;
  }

  private static CallOverride read(UnaryOperator<String> source, String prefix) {
    String provider = value(source, prefix + "provider");
    String model = value(source, prefix + "model");
    Double temperature = number(source, prefix, "temperature", Double::valueOf);
    Integer maxTokens = number(source, prefix, "max-tokens", Integer::valueOf);
    if (maxTokens == null) maxTokens = number(source, prefix, "maxTokens", Integer::valueOf);
    Double topP = number(source, prefix, "top-p", Double::valueOf);
    if (topP == null) topP = number(source, prefix, "topP", Double::valueOf);
    Long seed = number(source, prefix, "seed", Long::valueOf);
    String stop = value(source, prefix + "stop");
    String fallbacks = value(source, prefix + "fallbacks");
    CallParameters parameters =
        temperature == null && maxTokens == null && topP == null && seed == null && stop == null
            ? null
            : new CallParameters(temperature, maxTokens, topP, stop == null ? null : split(stop), seed);
    if (provider == null && model == null && parameters == null && fallbacks == null) {
      return CallOverride.NONE;
    }
    return new CallOverride(provider, model, parameters, null, fallbacks == null ? null : split(fallbacks));
  }

  private static String value(UnaryOperator<String> source, String key) {
    String value = source.apply(key);
    return value == null || value.isBlank() ? null : value.strip();
  }

  private static <N> N number(UnaryOperator<String> source, String prefix, String name, java.util.function.Function<String, N> parse) {
    String value = value(source, prefix + name);
    if (value == null) {
      return null;
    }
    try {
      return parse.apply(value);
    } catch (NumberFormatException e) {
      throw new Prompt4jException("Configuration key " + prefix + name + " is not a number: '" + value + "'");
    }
  }

  private static List<String> split(String value) {
    return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
  }

  /** Key, base URL, timeout and retries configured for a provider, without environment defaults. */
  public ProviderSettings provider(String name) {
    return provider(name, List.of(), List.of(), List.of());
  }

  /**
   * The settings of {@code provider}: each {@code prompt4j.providers.<name>.*} key from the highest
   * source that has it; where the key and base URL are not set, the provider's own environment
   * variables, read at the environment's rank: a system property beats {@code OPENAI_API_KEY}, which
   * beats {@code prompt4j.properties}.
   */
  public ProviderSettings provider(ChatModelProvider provider) {
    return provider(provider.name(), provider.apiKeyVariables(), provider.baseUrlVariables(), provider.optionKeys());
  }

  private ProviderSettings provider(String name, List<String> keyVariables, List<String> urlVariables, List<String> optionKeys) {
    String prefix = "prompt4j.providers." + name + ".";
    String timeout = get(prefix + "timeout");
    String retries = get(prefix + "max-retries");
    java.util.Map<String, String> options = new java.util.HashMap<>();
    for (String option : optionKeys) {
      String value = get(prefix + option);
      if (value != null) {
        options.put(option, value);
      }
    }
    Duration parsedTimeout;
    try {
      parsedTimeout = timeout == null ? null : parseDuration(timeout);
    } catch (RuntimeException e) {
      throw new Prompt4jException("Configuration key " + prefix + "timeout is not a duration: '" + timeout
          + "' (write 30s, 500ms, 2m, or ISO-8601 such as PT30S)", e);
    }
    Integer parsedRetries;
    try {
      parsedRetries = retries == null ? null : Integer.valueOf(retries);
    } catch (NumberFormatException e) {
      throw new Prompt4jException("Configuration key " + prefix + "max-retries is not a whole number: '" + retries + "'", e);
    }
    return new ProviderSettings(
        name, withVariables(prefix + "api-key", keyVariables), withVariables(prefix + "base-url", urlVariables), parsedTimeout,
        parsedRetries, options);
  }

  /** {@code key} from system properties, environment (the key, then {@code variables}), file. */
  private String withVariables(String key, List<String> variables) {
    for (int i = 0; i < sources.size(); i++) {
      String value = value(sources.get(i), key);
      if (value != null) {
        return value;
      }
      if (i == environmentIndex) {
        for (String variable : variables) {
          String fromEnvironment = environment(variable);
          if (fromEnvironment != null) {
            return fromEnvironment;
          }
        }
      }
    }
    return null;
  }

  /** The environment variable {@code name} as this configuration sees it (blank counts as unset). */
  public String environment(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** {@code 30s}, {@code 500ms}, {@code 2m}, a number of seconds, or an ISO-8601 duration. */
  static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("p")) return Duration.parse(text.strip().toUpperCase(Locale.ROOT)); // ISO-8601, e.g. PT30S
    if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
    if (t.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).strip()) * 1000));
    if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).strip()));
    return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
  }
}
