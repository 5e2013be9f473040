package dev.prompt4j.internal;

import dev.prompt4j.Prompt4j;
import dev.prompt4j.internal.call.AttemptLoop;
import dev.prompt4j.internal.call.CallObserver;
import dev.prompt4j.internal.call.ModelRegistry;
import dev.prompt4j.internal.call.RetryPolicy;
import dev.prompt4j.internal.config.Configuration;
import dev.prompt4j.internal.config.Setting;
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

  RuntimeCore(Configuration configuration, ModelRegistry models, AttemptLoop attempts, Executor executor) {
    this.configuration = configuration;
    this.models = models;
    this.attempts = attempts;
    this.executor = executor;
  }

  /** A runtime of {@code settings}: configuration read and checked now. */
  static RuntimeCore of(Prompt4j.Settings settings) {
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
    ModelRegistry models = new ModelRegistry(ModelRegistry.discover(settings.classLoader()), configuration, settings.clients(),
        settings.clientDecorator());
    for (String warning : configuration.checkKeys(models.optionKeys())) {
      LOG.log(System.Logger.Level.WARNING, warning);
    }
    AttemptLoop attempts = new AttemptLoop(models, RetryPolicy.from(configuration, RetryPolicy.Sleeper.THREAD), CallObserver.NONE);
    return new RuntimeCore(configuration, models, attempts, settings.executor() != null ? settings.executor() : DefaultExecutor.get());
  }

  /** The default runtime's settings: system properties, environment, {@code prompt4j.properties}. */
  static Prompt4j.Settings defaultSettings() {
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    return new Prompt4j.Settings(null, null, null, Map.of(), loader != null ? loader : RuntimeCore.class.getClassLoader());
  }
}
