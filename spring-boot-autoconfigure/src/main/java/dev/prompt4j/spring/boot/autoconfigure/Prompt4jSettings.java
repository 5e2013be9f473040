package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.provider.ChatModelProvider;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.ServiceLoader;
import java.util.TreeSet;
import org.springframework.core.env.Environment;

/**
 * The {@code prompt4j.*} keys the application's runtime was built from (read from the Spring
 * {@code Environment}) and the providers on the class path: what the actuator endpoint and the health
 * indicator describe. Values are never shown: a key may be secret. Providers are looked up on first
 * use (the first call, or the actuator), not at start-up.
 */
public final class Prompt4jSettings {
  private final Map<String, String> keys;
  private final Environment environment;
  private final ClassLoader loader;
  private volatile Discovered discovered;

  /** The providers on the class path and the keys with their environment variables: found on first use. */
  private record Discovered(Map<String, String> properties, Map<String, ChatModelProvider> providers) {}

  /**
   * @param keys the {@code prompt4j.*} keys the application sets
   * @param environment where the providers' usual environment variables are read ({@link Prompt4jEnvironment#properties})
   * @param loader where providers are found
   */
  Prompt4jSettings(Map<String, String> keys, Environment environment, ClassLoader loader) {
    this.keys = Map.copyOf(keys);
    this.environment = environment;
    this.loader = loader;
  }

  /** The keys the application sets, without environment variables: what start-up checks. */
  Map<String, String> keys() {
    return keys;
  }

  /** The keys and values, for the runtime's builder only: providers are looked up now, once. */
  Map<String, String> properties() {
    return discovered().properties();
  }

  /** The providers on the class path. */
  List<ChatModelProvider> providers() {
    return List.copyOf(discovered().providers().values());
  }

  /** Looks the providers up once, whichever thread comes first. */
  private Discovered discovered() {
    Discovered found = discovered;
    if (found == null) {
      synchronized (this) {
        found = discovered;
        if (found == null) {
          Map<String, ChatModelProvider> providers = new TreeMap<>();
          for (ChatModelProvider provider : ServiceLoader.load(ChatModelProvider.class, loader)) {
            providers.putIfAbsent(provider.name(), provider);
          }
          found = new Discovered(Map.copyOf(Prompt4jEnvironment.properties(environment, keys, providers.values())), providers);
          discovered = found;
        }
      }
    }
    return found;
  }

  /**
   * The provider names configuration chooses ({@code prompt4j[.<Interface>[.<method>]].provider}) and
   * the named provider instances ({@code prompt4j.providers.<name>.type}), sorted.
   *
   * @return the names
   */
  public SortedSet<String> configuredProviders() {
    SortedSet<String> names = new TreeSet<>();
    properties().forEach((key, value) -> {
      if (key.startsWith("prompt4j.providers.") && key.endsWith(".type")) {
        names.add(key.substring("prompt4j.providers.".length(), key.length() - ".type".length()));
      } else if (!key.startsWith("prompt4j.providers.") && (key.equals("prompt4j.provider") || key.endsWith(".provider"))) {
        names.add(value);
      }
    });
    return names;
  }

  /**
   * The value of a key that is not a secret ({@code provider}, {@code model}, ...).
   *
   * @param key a {@code prompt4j.*} key
   * @return its value, or {@code null} when not set or when it is an API key
   */
  public String get(String key) {
    return key.endsWith("api-key") ? null : properties().get(key);
  }

  /**
   * What keeps provider {@code name} from being used, found without calling a model: no such provider,
   * or no API key for one that needs it.
   *
   * @param name a provider or provider instance name
   * @return the problem, or {@code null} when the configuration looks complete
   */
  public String problem(String name) {
    Map<String, String> properties = properties();
    Map<String, ChatModelProvider> providers = discovered().providers();
    String type = properties.get("prompt4j.providers." + name + ".type");
    ChatModelProvider provider = providers.get(type != null ? type : name);
    if (provider == null) {
      return "no provider named '" + (type != null ? type : name) + "' on the class path; known: " + providers.keySet();
    }
    if (!provider.apiKeyVariables().isEmpty() && properties.get("prompt4j.providers." + name + ".api-key") == null) {
      return "no API key: set prompt4j.providers." + name + ".api-key" + (type != null ? "" : " or " + String.join(" or ", provider.apiKeyVariables()));
    }
    return null;
  }
}
