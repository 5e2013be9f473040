package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.provider.ChatModelProvider;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The {@code prompt4j.*} keys the application's runtime was built from (read from the Spring
 * {@code Environment}) and the providers on the class path: what the actuator endpoint and the health
 * indicator describe. Values are never shown: a key may be secret.
 */
public final class Prompt4jSettings {
  private final Map<String, String> properties;
  private final Map<String, ChatModelProvider> providers = new TreeMap<>();

  Prompt4jSettings(Map<String, String> properties, List<ChatModelProvider> providers) {
    this.properties = Map.copyOf(properties);
    providers.forEach(provider -> this.providers.putIfAbsent(provider.name(), provider));
  }

  /** The keys and values, for the runtime's builder only. */
  Map<String, String> properties() {
    return properties;
  }

  /** The providers on the class path. */
  List<ChatModelProvider> providers() {
    return List.copyOf(providers.values());
  }

  /**
   * The provider names configuration chooses ({@code prompt4j[.<Interface>[.<method>]].provider}) and
   * the named provider instances ({@code prompt4j.providers.<name>.type}), sorted.
   *
   * @return the names
   */
  public SortedSet<String> configuredProviders() {
    SortedSet<String> names = new TreeSet<>();
    properties.forEach((key, value) -> {
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
    return key.endsWith("api-key") ? null : properties.get(key);
  }

  /**
   * What keeps provider {@code name} from being used, found without calling a model: no such provider,
   * or no API key for one that needs it.
   *
   * @param name a provider or provider instance name
   * @return the problem, or {@code null} when the configuration looks complete
   */
  public String problem(String name) {
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
