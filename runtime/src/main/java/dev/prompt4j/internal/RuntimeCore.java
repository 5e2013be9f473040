package dev.prompt4j.internal;

import dev.prompt4j.ModelPrice;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptListener;
import dev.prompt4j.internal.call.AttemptLoop;
import dev.prompt4j.internal.call.ModelRegistry;
import dev.prompt4j.internal.call.RetryPolicy;
import dev.prompt4j.internal.config.Configuration;
import dev.prompt4j.internal.config.Setting;
import dev.prompt4j.internal.cost.PriceTable;
import dev.prompt4j.internal.media.MediaRequests;
import dev.prompt4j.internal.media.MediaSupport;
import dev.prompt4j.provider.ChatModelProvider;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * What every instance of one runtime shares: configuration, model clients, the attempt loop and the
 * default executor. One class loader finds providers and {@code prompt4j.properties}: the builder's,
 * else the thread's context class loader when the runtime was made, else Prompt4j's. Generated
 * implementations are found with their interface's own class loader, where the processor put them.
 */
final class RuntimeCore {
  private static final System.Logger LOG = System.getLogger(RuntimeCore.class.getName());

  final Configuration configuration;
  final ModelRegistry models;
  final AttemptLoop attempts;
  final Executor executor;
  final Listeners listeners;
  final CallLog log;

  RuntimeCore(Configuration configuration, ModelRegistry models, AttemptLoop attempts, Executor executor, Listeners listeners, CallLog log) {
    this.configuration = configuration;
    this.models = models;
    this.attempts = attempts;
    this.executor = executor;
    this.listeners = listeners;
    this.log = log;
  }

  /** A runtime of {@code settings}: configuration read and checked now. */
  static RuntimeCore of(Prompt4j.Settings settings) {
    Configuration configuration = configuration(settings);
    ModelRegistry models = new ModelRegistry(ModelRegistry.discover(settings.classLoader()), configuration, settings.clients(),
        settings.clientDecorator());
    for (String warning : configuration.checkKeys(models.optionKeys())) {
      LOG.log(System.Logger.Level.WARNING, warning);
    }
    Long mediaCap = configuration.global(Setting.MEDIA_MAX_BYTES);
    MediaRequests media = new MediaRequests(mediaCap == null ? MediaRequests.DEFAULT_MAX_BYTES : mediaCap,
        Boolean.TRUE.equals(configuration.global(Setting.MEDIA_FETCH_URLS)), MediaSupport.shipped());
    AttemptLoop attempts =
        new AttemptLoop(models, RetryPolicy.from(configuration, RetryPolicy.Sleeper.THREAD), prices(configuration, settings), media);
    Configuration.Entry named = configuration.entry(Setting.PREFIX + Setting.LISTENERS.name());
    List<PromptListener> listeners = Listeners.collect(settings.listeners(), named == null ? List.of() : Setting.LISTENERS.parse(named),
        settings.classLoader(), named == null ? "" : named.source());
    Boolean content = configuration.global(Setting.LOG_CONTENT);
    return new RuntimeCore(configuration, models, attempts, settings.executor() != null ? settings.executor() : DefaultExecutor.get(),
        new Listeners(listeners, models, attempts), new CallLog(Boolean.TRUE.equals(content)));
  }

  /**
   * The configuration of {@code settings}, read and checked (unknown keys, values, JVM-wide keys)
   * without touching providers, prices or listeners: what {@link Prompt4jEngine#check} runs.
   */
  static Configuration configuration(Prompt4j.Settings settings) {
    Configuration configuration = settings.properties() == null
        ? Configuration.load(settings.classLoader())
        : Configuration.of(settings.properties(), settings.source());
    if (settings.properties() != null) {
      for (Setting<?> jvmWide : java.util.List.of(Setting.EXECUTOR_THREADS, Setting.EXECUTOR_VIRTUAL)) {
        if (configuration.get(Setting.PREFIX + jvmWide.name()) != null) {
          throw new dev.prompt4j.Prompt4jException(Setting.PREFIX + jvmWide.name() + " (" + settings.source() + ") sets Prompt4j's"
              + " JVM-wide default executor: set it as a system property, or give the builder an executor");
        }
      }
    }
    return configuration;
  }

  /**
   * Reads and checks {@code settings} as {@link #of} does (unknown keys against the providers' option
   * keys, values, JVM-wide keys) without building clients, prices, media support or listeners.
   */
  static void check(Prompt4j.Settings settings) {
    Configuration configuration = configuration(settings);
    // Only provider options beyond the keys every provider has, and named instances' types, need
    // providers; environment variables (the default sources) are checked against every provider's.
    Map<String, ChatModelProvider> providers = settings.properties() == null
        ? ModelRegistry.discover(settings.classLoader())
        : providers(settings.classLoader(), configuration.providersToCheck());
    Map<String, List<String>> options = new java.util.TreeMap<>();
    for (Map.Entry<String, ChatModelProvider> provider : providers.entrySet()) {
      options.put(provider.getKey(), provider.getValue().optionKeys());
    }
    configuration.checkKeys(options);
  }

  /**
   * The providers on the class path of {@code loader}, looked for (and made) in class-path order only
   * until each of {@code names} is found: checking configuration needs the providers its keys name, not
   * every provider's classes (nor {@link ModelRegistry}'s). Every provider made on the way is in the
   * result, so when a name is not found it holds every provider, for the message.
   */
  private static Map<String, ChatModelProvider> providers(ClassLoader loader, java.util.Set<String> names) {
    Map<String, ChatModelProvider> found = new java.util.TreeMap<>();
    if (names.isEmpty()) {
      return found;
    }
    java.util.Iterator<ChatModelProvider> providers = java.util.ServiceLoader.load(ChatModelProvider.class, loader).iterator();
    while (!found.keySet().containsAll(names) && providers.hasNext()) {
      ChatModelProvider provider = providers.next();
      found.putIfAbsent(provider.name(), provider);
    }
    return found;
  }

  /** The shipped prices, under those of {@link PriceSource}s, under those configured. */
  private static PriceTable prices(Configuration configuration, Prompt4j.Settings settings) {
    Map<String, ModelPrice> configured = new java.util.HashMap<>();
    configuration.entriesUnder(Setting.PRICES).forEach((key, entry) -> {
      ModelPrice price = PriceTable.parse(key, entry.value(), entry.source(), Setting.PRICES);
      configured.put(price.provider() + ":" + price.model(), price);
    });
    return new PriceTable(configured, PriceTable.discover(settings.classLoader()));
  }

  /** The default runtime's settings: system properties, environment, {@code prompt4j.properties}. */
  static Prompt4j.Settings defaultSettings() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return new Prompt4j.Settings(null, null, null, Map.of(), loader != null ? loader : RuntimeCore.class.getClassLoader(), null, List.of());
  }
}
