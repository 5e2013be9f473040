package dev.prompt4j.internal.call;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.internal.config.Configuration;
import dev.prompt4j.internal.config.Setting;
import dev.prompt4j.provider.ChatModelProvider;
import dev.prompt4j.provider.ProviderSettings;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds providers by name and keeps one client per provider and model: a client given to the
 * builder for that provider and model, else one given for the provider, else one the provider builds.
 */
public final class ModelRegistry {
  private final Map<String, ChatModelProvider> providers;
  private final Configuration configuration;
  private final Map<String, ChatModel> given; // by "provider" or "provider:model"
  private final Prompt4j.ClientDecorator decorator; // or null
  private final ConcurrentHashMap<String, ChatModel> clients = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, ChatModel> decorated = new ConcurrentHashMap<>(); // apart: a decorator may build the client at once
  private final ConcurrentHashMap<String, ProviderSettings> settings = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, StreamingChatModel> streaming = new ConcurrentHashMap<>();

  /**
   * @param providers the providers by name
   * @param configuration where provider settings are read
   * @param given clients given to the builder, by {@code provider} or {@code provider:model}
   */
  public ModelRegistry(Map<String, ChatModelProvider> providers, Configuration configuration, Map<String, ChatModel> given) {
    this(providers, configuration, given, null);
  }

  /**
   * @param providers the providers by name
   * @param configuration where provider settings are read
   * @param given clients given to the builder, by {@code provider} or {@code provider:model}
   * @param decorator wraps every client this registry hands out, or {@code null}
   */
  public ModelRegistry(Map<String, ChatModelProvider> providers, Configuration configuration, Map<String, ChatModel> given,
      Prompt4j.ClientDecorator decorator) {
    this.providers = Map.copyOf(providers);
    this.configuration = configuration;
    this.given = Map.copyOf(given);
    this.decorator = decorator;
  }

  /**
   * The providers registered with {@link ServiceLoader} on the class path of {@code loader}.
   *
   * @param loader the class loader
   * @return the providers by name
   */
  public static Map<String, ChatModelProvider> discover(ClassLoader loader) {
    Map<String, ChatModelProvider> found = new TreeMap<>();
    for (ChatModelProvider provider : ServiceLoader.load(ChatModelProvider.class, loader)) {
      found.putIfAbsent(provider.name(), provider);
    }
    return found;
  }

  /**
   * The option keys of every provider, for checking configuration keys.
   *
   * @return option keys by provider name
   */
  public Map<String, List<String>> optionKeys() {
    Map<String, List<String>> options = new TreeMap<>();
    providers.forEach((name, provider) -> options.put(name, provider.optionKeys()));
    return options;
  }

  /**
   * The provider named {@code name}, or of the named instance {@code name} ({@code
   * prompt4j.providers.<name>.type}), or an error listing the known ones.
   */
  ChatModelProvider provider(String name) {
    ChatModelProvider provider = providers.get(name);
    if (provider == null) {
      provider = instanceType(name);
    }
    if (provider == null) {
      throw new Prompt4jException("No provider named '" + name + "'; known providers: " + providers.keySet()
          + ". Register a dev.prompt4j.provider.ChatModelProvider with ServiceLoader to add one.");
    }
    return provider;
  }

  /**
   * The client for {@code model} of provider {@code name}, built on first use and reused by every call
   * of this registry. A failure to build (a missing key) is not cached: the next call tries again.
   */
  ChatModel client(String name, String model) {
    if (decorator == null) {
      return undecorated(name, model);
    }
    return decorated.computeIfAbsent(name + '\u0000' + model, key -> {
      ChatModel client = decorator.decorate(name, model, () -> undecorated(name, model));
      if (client == null) {
        throw new Prompt4jException("The client decorator returned no client for " + name + ":" + model);
      }
      return client;
    });
  }

  /** The client for {@code model} of provider {@code name} as {@link #client} finds it before decoration. */
  ChatModel undecorated(String name, String model) {
    ChatModel client = given.get(name + ':' + model);
    if (client == null) {
      client = given.get(name);
    }
    if (client != null) {
      return client;
    }
    ChatModelProvider provider = provider(name);
    ProviderSettings providerSettings = settings(name);
    return clients.computeIfAbsent(name + '\u0000' + model, key -> provider.create(model, providerSettings));
  }

  /**
   * The streaming client for {@code model} of provider {@code name}, built on first use; {@code null}
   * when the provider does not stream (then the call is sent with {@link #client} as one chunk).
   */
  StreamingChatModel streamingClient(String name, String model) {
    ChatModelProvider provider = provider(name);
    ProviderSettings providerSettings = settings(name);
    StreamingChatModel client = streaming.computeIfAbsent(name + '\u0000' + model, key -> {
      try {
        return provider.createStreaming(model, providerSettings);
      } catch (UnsupportedOperationException e) {
        System.getLogger(ModelRegistry.class.getName()).log(System.Logger.Level.INFO, "Provider '" + name
            + "' does not stream; streaming methods get its whole answer as one chunk");
        return NO_STREAMING;
      }
    });
    return client == NO_STREAMING ? null : client;
  }

  /** Marks a provider that does not stream, in {@link #streaming}. */
  private static final StreamingChatModel NO_STREAMING = new StreamingChatModel() {};

  /**
   * Whether requests to {@code name} go to a client given to the builder (then the provider's own
   * request parameters are not used).
   *
   * @param name the provider
   * @param model the model
   * @return whether a given client answers
   */
  public boolean isGiven(String name, String model) {
    return given.containsKey(name + ':' + model) || given.containsKey(name);
  }

  /**
   * The settings of provider {@code name}: configuration keys, then the provider's environment
   * variables; for a name no provider has (a client given by code), configuration keys only.
   *
   * @param name the provider
   * @return its settings
   */
  public ProviderSettings settings(String name) {
    ProviderSettings known = settings.get(name); // read on every request: no capturing lambda once known
    return known != null ? known : firstSettings(name);
  }

  /** The first read of {@code name}'s settings: out of {@link #settings}, which stays small enough to inline. */
  private ProviderSettings firstSettings(String name) {
    return settings.computeIfAbsent(name, n -> {
      ChatModelProvider provider = providers.get(n);
      if (provider != null) {
        return configuration.provider(provider);
      }
      ChatModelProvider type = instanceType(n);
      return type == null ? configuration.provider(n) : configuration.instance(n, type);
    });
  }

  /** The provider {@code prompt4j.providers.<name>.type} names, or {@code null} when not set. */
  private ChatModelProvider instanceType(String name) {
    String type = configuration.get(Setting.PROVIDERS + name + "." + Setting.PROVIDER_TYPE);
    return type == null ? null : providers.get(type);
  }
}
