package dev.prompt4j.internal.config;

import dev.prompt4j.CallParameters;
import dev.prompt4j.Overrides;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.provider.ChatModelProvider;
import dev.prompt4j.provider.ProviderSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Run-time configuration, read once when a runtime is made: by default system properties over
 * environment variables over {@code prompt4j.properties} on the class path; or the map and file given
 * to {@code Prompt4j.builder()}. Within each source a method key is more specific than an interface
 * key, which is more specific than a global one, and a fully qualified interface name more specific
 * than its simple name; a higher source wins over a lower one whatever the level, so {@code
 * -Dprompt4j.model=...} changes every method.
 *
 * <p>Every value is read through {@link Setting}: a bad one fails with the key, the source it came
 * from and what would be valid. {@link #checkKeys} rejects keys that no setting has.
 */
public final class Configuration {
  /** The resource read from the class path. */
  public static final String FILE = "prompt4j.properties";

  /**
   * One place configuration comes from.
   *
   * @param lookup the raw value of a key, or {@code null}
   * @param describe where a key's value came from, for messages
   * @param keys the {@code prompt4j.*} keys this source sets (as written in it)
   * @param environment whether this is the environment (keys written as variable names)
   */
  record Source(UnaryOperator<String> lookup, UnaryOperator<String> describe, Set<String> keys, boolean environment) {}

  /**
   * A configured value and where it was found.
   *
   * @param key the key
   * @param value its value, stripped
   * @param source where it came from ({@code system property}, {@code environment variable X}, {@code file ...})
   */
  public record Entry(String key, String value, String source) {}

  private final List<Source> sources; // highest first
  private final Map<String, String> environment;
  private final int environmentIndex; // position of the environment in sources, -1 when absent

  private Configuration(List<Source> sources, Map<String, String> environment) {
    this.sources = List.copyOf(sources);
    this.environment = Map.copyOf(environment);
    int index = -1;
    for (int i = 0; i < this.sources.size(); i++) {
      if (this.sources.get(i).environment()) {
        index = i;
      }
    }
    this.environmentIndex = index;
  }

  /**
   * System properties, environment and the class-path file of {@code loader}, as they are now.
   *
   * @param loader where {@value #FILE} is looked for
   * @return the configuration
   */
  public static Configuration load(ClassLoader loader) {
    URL url = loader.getResource(FILE);
    Properties file = new Properties();
    if (url != null) {
      try (InputStream in = url.openStream()) {
        file.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new Prompt4jException("Cannot read " + url, e);
      }
    }
    return of(System.getProperties(), System.getenv(), file, url == null ? FILE : String.valueOf(url));
  }

  /**
   * Configuration from explicit sources, highest first.
   *
   * @param systemProperties stands for system properties
   * @param environment stands for environment variables
   * @param file stands for {@value #FILE}
   * @return the configuration
   */
  public static Configuration of(Properties systemProperties, Map<String, String> environment, Properties file) {
    return of(systemProperties, environment, file, FILE);
  }

  private static Configuration of(Properties systemProperties, Map<String, String> environment, Properties file, String fileName) {
    Properties sys = (Properties) systemProperties.clone();
    Map<String, String> env = Map.copyOf(environment);
    Properties fileCopy = (Properties) file.clone();
    List<Source> sources = List.of(
        new Source(sys::getProperty, key -> "system property", prompt4jKeys(sys.stringPropertyNames()), false),
        new Source(key -> env.get(environmentName(key)), key -> "environment variable " + environmentName(key), environmentKeys(env.keySet()), true),
        new Source(fileCopy::getProperty, key -> "file " + fileName, prompt4jKeys(fileCopy.stringPropertyNames()), false));
    return new Configuration(sources, env);
  }

  /**
   * Configuration from {@code properties} alone (no system property, environment or file).
   *
   * @param properties keys and values
   * @param label where they came from, for messages
   * @return the configuration
   */
  public static Configuration of(Map<String, String> properties, String label) {
    Map<String, String> copy = Map.copyOf(properties);
    return new Configuration(List.of(new Source(copy::get, key -> label, prompt4jKeys(copy.keySet()), false)), Map.of());
  }

  /**
   * No configuration at all.
   *
   * @return an empty configuration
   */
  public static Configuration empty() {
    return new Configuration(List.of(), Map.of());
  }

  private static Set<String> prompt4jKeys(Set<String> keys) {
    Set<String> result = new java.util.TreeSet<>();
    for (String key : keys) {
      if (key.startsWith(Setting.PREFIX)) {
        result.add(key);
      }
    }
    return result;
  }

  private static Set<String> environmentKeys(Set<String> names) {
    Set<String> result = new java.util.TreeSet<>();
    for (String name : names) {
      if (name.startsWith("PROMPT4J_")) {
        result.add(name);
      }
    }
    return result;
  }

  /**
   * The environment variable that stands for {@code key}.
   *
   * @param key a configuration key
   * @return its variable name
   */
  public static String environmentName(String key) {
    return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
  }

  /**
   * The first source (highest first) that has {@code key}.
   *
   * @param key the key
   * @return the entry, or {@code null}
   */
  public Entry entry(String key) {
    for (Source source : sources) {
      Entry entry = entry(source, key);
      if (entry != null) {
        return entry;
      }
    }
    return null;
  }

  /**
   * The default model of provider or named instance {@code name} ({@code prompt4j.providers.<name>.model}):
   * what its calls ask for when neither code nor configuration chose a model and the {@code @Call}
   * annotation names another provider.
   *
   * @param name a provider or named instance
   * @return the model, or {@code null}
   */
  public String providerModel(String name) {
    return name == null ? null : get(Setting.PROVIDERS + name + ".model");
  }

  /**
   * The value of {@code key} from the highest source that has it.
   *
   * @param key the key
   * @return the stripped value, or {@code null}
   */
  public String get(String key) {
    Entry entry = entry(key);
    return entry == null ? null : entry.value();
  }

  /**
   * Every key under {@code prefix} set by a source other than the environment (whose variable names
   * cannot spell model names), each with its value from the highest such source.
   *
   * @param prefix a key prefix such as {@code prompt4j.prices.}
   * @return the entries by key, sorted
   */
  public Map<String, Entry> entriesUnder(String prefix) {
    Map<String, Entry> found = new java.util.TreeMap<>();
    for (int i = sources.size() - 1; i >= 0; i--) { // lowest first: a higher source replaces
      Source source = sources.get(i);
      if (source.environment()) {
        continue;
      }
      for (String key : source.keys()) {
        Entry entry = key.startsWith(prefix) ? entry(source, key) : null;
        if (entry != null) {
          found.put(key, entry);
        }
      }
    }
    return found;
  }

  /**
   * The value of a global setting, parsed.
   *
   * @param setting the setting
   * @param <V> its type
   * @return the value, or {@code null} when no source sets it
   */
  public <V> V global(Setting<V> setting) {
    Entry entry = entry(Setting.PREFIX + setting.name());
    return entry == null ? null : setting.parse(entry);
  }

  private static Entry entry(Source source, String key) {
    String value = source.lookup().apply(key);
    return value == null || value.isBlank() ? null : new Entry(key, value.strip(), source.describe().apply(key));
  }

  /**
   * The setting {@code setting} of one method: the highest source that has it at any level wins;
   * within that source the most specific key ({@link MethodKey#keys}).
   *
   * @param method the method
   * @param setting the setting
   * @param <V> its type
   * @return the parsed value, or {@code null} when no source sets it
   */
  public <V> V methodSetting(MethodKey method, Setting<V> setting) {
    for (Source source : sources) {
      for (String key : method.keys(setting.name())) {
        Entry entry = entry(source, key);
        if (entry != null) {
          return setting.parse(entry);
        }
      }
    }
    return null;
  }

  /**
   * What configuration changes for one method's call, every source and level combined: lowest
   * source first, each higher one over it; within a source, each more specific level over the last.
   *
   * @param method the method
   * @return the change, {@link Overrides.Change#NONE} when nothing is configured
   */
  public Overrides.Change callOverride(MethodKey method) {
    Overrides.Change result = Overrides.Change.NONE;
    for (int i = sources.size() - 1; i >= 0; i--) {
      Source source = sources.get(i);
      List<String> prefixes = method.prefixes();
      for (int level = prefixes.size() - 1; level >= 0; level--) {
        result = read(source, prefixes.get(level)).over(result);
      }
    }
    return result;
  }

  private static Overrides.Change read(Source source, String prefix) {
    String provider = value(source, prefix, Setting.PROVIDER);
    String model = value(source, prefix, Setting.MODEL);
    Double temperature = value(source, prefix, Setting.TEMPERATURE);
    Integer maxTokens = value(source, prefix, Setting.MAX_TOKENS);
    Double topP = value(source, prefix, Setting.TOP_P);
    Long seed = value(source, prefix, Setting.SEED);
    List<String> stop = value(source, prefix, Setting.STOP);
    List<String> fallbacks = value(source, prefix, Setting.FALLBACKS);
    CallParameters parameters = temperature == null && maxTokens == null && topP == null && seed == null && stop == null
        ? null
        : new CallParameters(temperature, maxTokens, topP, stop, seed);
    if (provider == null && model == null && parameters == null && fallbacks == null) {
      return Overrides.Change.NONE;
    }
    return new Overrides.Change(provider, model, parameters, null, fallbacks);
  }

  private static <V> V value(Source source, String prefix, Setting<V> setting) {
    for (String name : setting.names()) {
      Entry entry = entry(source, prefix + name);
      if (entry != null) {
        return setting.parse(entry);
      }
    }
    return null;
  }

  /**
   * The settings of {@code provider}: each {@code prompt4j.providers.<name>.*} key from the highest
   * source that has it; where the key and base URL are not set, the provider's own environment
   * variables, read at the environment's rank: a system property beats {@code OPENAI_API_KEY}, which
   * beats {@code prompt4j.properties}.
   *
   * @param provider the provider
   * @return its settings
   */
  public ProviderSettings provider(ChatModelProvider provider) {
    return provider(provider.name(), provider.apiKeyVariables(), provider.baseUrlVariables(), provider.optionKeys());
  }

  /**
   * Key, base URL, timeout and retries configured for a provider name no provider has (a client given
   * by code), without environment defaults.
   *
   * @param name the provider name
   * @return its settings
   */
  public ProviderSettings provider(String name) {
    return provider(name, List.of(), List.of(), List.of());
  }

  private ProviderSettings provider(String name, List<String> keyVariables, List<String> urlVariables, List<String> optionKeys) {
    String prefix = Setting.PROVIDERS + name + ".";
    Map<String, String> options = new HashMap<>();
    for (String option : optionKeys) {
      String value = get(prefix + option);
      if (value != null) {
        options.put(option, value);
      }
    }
    Entry timeout = entry(prefix + "timeout");
    Entry retries = entry(prefix + "max-retries");
    return new ProviderSettings(
        name, withVariables(prefix + "api-key", keyVariables), withVariables(prefix + "base-url", urlVariables),
        timeout == null ? null : Setting.PROVIDER_TIMEOUT.parse(timeout),
        retries == null ? null : Setting.MAX_RETRIES.parse(retries), options);
  }

  /** {@code key} from each source in turn; at the environment's rank, also {@code variables}. */
  private String withVariables(String key, List<String> variables) {
    for (int i = 0; i < sources.size(); i++) {
      Entry entry = entry(sources.get(i), key);
      if (entry != null) {
        return entry.value();
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

  /**
   * The environment variable {@code name} as this configuration sees it (blank counts as unset).
   *
   * @param name a variable name
   * @return its stripped value, or {@code null}
   */
  public String environment(String name) {
    String value = environment.get(name);
    return value == null || value.isBlank() ? null : value.strip();
  }

  /**
   * Fails on any {@code prompt4j.*} key no setting has, naming the key, its source and the closest
   * valid key, and on any value its setting cannot read (environment variables are read when used); returns warnings for keys that may be meant for something not on the class path (a
   * provider Prompt4j does not know, an environment variable whose name cannot be told apart).
   *
   * @param providerOptions the option keys of each known provider, by provider name
   * @return the warnings, one line each
   * @throws Prompt4jException on the first unknown key
   */
  public List<String> checkKeys(Map<String, List<String>> providerOptions) {
    List<String> warnings = new ArrayList<>();
    providerOptions = withInstances(providerOptions);
    for (Source source : sources) {
      for (String key : source.keys()) {
        if (source.environment()) {
          if (!KeyCatalog.knownEnvironmentName(key, providerOptions)) {
            warnings.add("Environment variable " + key + " names no Prompt4j setting; it is ignored"
                + KeyCatalog.environmentHint(key, providerOptions));
          }
          continue;
        }
        String problem = KeyCatalog.problem(key, providerOptions, warnings, source.describe().apply(key));
        if (problem != null) {
          throw new Prompt4jException(problem);
        }
        Setting<?> setting = KeyCatalog.setting(key);
        Entry entry = entry(source, key);
        if (setting != null && entry != null) {
          setting.parse(entry); // a bad value fails now, not at the first call of the method it is for
        }
      }
    }
    return warnings;
  }

  /**
   * The providers whose option keys {@link #checkKeys} needs for the keys set here (environment
   * variables aside): the types of named instances ({@code prompt4j.providers.<name>.type}) and each
   * provider whose key names an option beyond those every provider has ({@code api-key}, {@code
   * base-url}, ...). None when no key is under {@code prompt4j.providers.}.
   *
   * @return the provider names, sorted
   */
  public Set<String> providersToCheck() {
    Set<String> instances = new java.util.TreeSet<>();
    Set<String> names = new java.util.TreeSet<>();
    String suffix = "." + Setting.PROVIDER_TYPE;
    for (Source source : sources) {
      for (String key : source.keys()) {
        Entry type = !source.environment() && key.startsWith(Setting.PROVIDERS) && key.endsWith(suffix) ? entry(source, key) : null;
        if (type != null) {
          instances.add(key.substring(Setting.PROVIDERS.length(), key.length() - suffix.length()));
          names.add(type.value());
        }
      }
    }
    for (Source source : sources) {
      for (String key : source.keys()) {
        String[] parts = source.environment() || !key.startsWith(Setting.PROVIDERS) ? null : key.substring(Setting.PROVIDERS.length()).split("\\.", 2);
        if (parts != null && parts.length == 2 && !Setting.PROVIDER_KEYS.contains(parts[1]) && !instances.contains(parts[0])) {
          names.add(parts[0]);
        }
      }
    }
    return names;
  }

  /**
   * {@code providerOptions} plus the named provider instances ({@code prompt4j.providers.<name>.type}),
   * each with the options of its type.
   *
   * @throws Prompt4jException when a type names no provider
   */
  private Map<String, List<String>> withInstances(Map<String, List<String>> providerOptions) {
    Map<String, List<String>> all = new java.util.TreeMap<>(providerOptions);
    String suffix = "." + Setting.PROVIDER_TYPE;
    for (Source source : sources) {
      for (String key : source.keys()) {
        if (!source.environment() && key.startsWith(Setting.PROVIDERS) && key.endsWith(suffix)) {
          String name = key.substring(Setting.PROVIDERS.length(), key.length() - suffix.length());
          Entry type = entry(key);
          if (name.isEmpty() || name.contains(".") || type == null) {
            continue; // KeyCatalog names what is wrong with the key
          }
          if (!providerOptions.containsKey(type.value())) {
            throw new Prompt4jException("Configuration key " + key + " (" + type.source() + ") is '" + type.value()
                + "', which names no provider: write one of " + providerOptions.keySet());
          }
          all.putIfAbsent(name, providerOptions.get(type.value()));
        }
      }
    }
    return all;
  }

  /**
   * Key, base URL, timeout, retries and {@code type}'s options configured for the named provider
   * instance {@code name}, without environment defaults: an instance's key is always its own.
   *
   * @param name the instance name ({@code prompt4j.providers.<name>.type} is set)
   * @param type the provider it is an instance of
   * @return its settings
   */
  public ProviderSettings instance(String name, ChatModelProvider type) {
    return provider(name, List.of(), List.of(), type.optionKeys());
  }

  /**
   * Parses a duration: {@code 30s}, {@code 500ms}, {@code 2m}, a number of seconds, or ISO-8601.
   *
   * @param text the text
   * @return the duration
   * @throws RuntimeException when it is none of those forms
   */
  static Duration parseDuration(String text) {
    String t = text.strip().toLowerCase(Locale.ROOT);
    if (t.startsWith("p")) return Duration.parse(text.strip().toUpperCase(Locale.ROOT)); // ISO-8601, e.g. PT30S
    if (t.endsWith("ms")) return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
    if (t.endsWith("s")) return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).strip()) * 1000));
    if (t.endsWith("m")) return Duration.ofMinutes(Long.parseLong(t.substring(0, t.length() - 1).strip()));
    return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
  }
}
