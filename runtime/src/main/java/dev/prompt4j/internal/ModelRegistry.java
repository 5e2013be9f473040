package dev.prompt4j.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.provider.ChatModelProvider;
import dev.prompt4j.provider.ProviderSettings;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Finds providers by name and keeps one client per provider, model and settings. */
public final class ModelRegistry {
  private final Map<String, ChatModelProvider> providers;
  private final Configuration configuration;
  private final ConcurrentHashMap<String, ChatModel> clients = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ProviderSettings> settings = new ConcurrentHashMap<>();

  ModelRegistry(Map<String, ChatModelProvider> providers, Configuration configuration) {
    this.providers = Map.copyOf(providers);
    this.configuration = configuration;
  }

  /** The providers registered with {@link ServiceLoader} on the class path of {@code loader}. */
  static Map<String, ChatModelProvider> discover(ClassLoader loader) {
    Map<String, ChatModelProvider> found = new TreeMap<>();
    for (ChatModelProvider provider : ServiceLoader.load(ChatModelProvider.class, loader)) {
      found.putIfAbsent(provider.name(), provider);
    }
    return found;
  }

  /** The provider named {@code name}, or an error listing the known ones. */
  ChatModelProvider provider(String name) {
    ChatModelProvider provider = providers.get(name);
    if (provider == null) {
      throw new Prompt4jException("No provider named '" + name + "'; known providers: " + new TreeMap<>(providers).keySet()
          + ". Register a dev.prompt4j.provider.ChatModelProvider with ServiceLoader to add one.");
    }
    return provider;
  }

  /**
   * The client for {@code model} of provider {@code name}, built on first use and reused by every call
   * of this registry. A failure to build (a missing key) is not cached: the next call tries again.
   */
  ChatModel client(String name, String model) {
    ChatModelProvider provider = provider(name);
    ProviderSettings providerSettings = settings(name);
    return clients.computeIfAbsent(name + '\u0000' + model, key -> provider.create(model, providerSettings));
  }

  /**
   * The settings of provider {@code name}: configuration keys, then the provider's environment
   * variables; for a name no provider has (a client given by code), configuration keys only.
   */
  ProviderSettings settings(String name) {
    return settings.computeIfAbsent(name, n -> {
      ChatModelProvider provider = providers.get(n);
      return provider == null ? configuration.provider(n) : configuration.provider(provider);
    });
  }
}
