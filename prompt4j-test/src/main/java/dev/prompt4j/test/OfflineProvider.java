package dev.prompt4j.test;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.prompt4j.provider.ChatModelProvider;
import dev.prompt4j.provider.ProviderSettings;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code offline}: answers from a script, with no key and no network (see {@link OfflineModel}). The
 * script is the class-path resource named by {@code prompt4j.providers.offline.script} (for example
 * {@code offline/trends.json}); every model name of the provider shares the one {@link OfflineModel}
 * of that script within a runtime (each runtime has its own, so runtimes never see each other's
 * requests). To inspect requests, give the runtime the model yourself: {@code
 * Prompt4j.builder().client("offline", OfflineModel.fromResource(script))}. Without a script, every
 * request gets {@link #UNSCRIPTED_REPLY}.
 *
 * <p>The first time a script is loaded, an {@code INFO} line says that answers are offline.
 */
public final class OfflineProvider implements ChatModelProvider {
  /** The reply of the offline provider when no script is configured. */
  public static final String UNSCRIPTED_REPLY =
      "(offline answer: no script configured; set prompt4j.providers.offline.script to a JSON script on the class path)";

  private static final System.Logger LOG = System.getLogger(OfflineProvider.class.getName());
  private final ConcurrentHashMap<String, OfflineModel> models = new ConcurrentHashMap<>(); // by script, in this runtime
  private static final String NO_SCRIPT = "";

  @Override
  public String name() {
    return "offline";
  }

  @Override
  public List<String> optionKeys() {
    return List.of("script", "chunk-chars", "chunk-delay-ms");
  }

  @Override
  public ChatModel create(String model, ProviderSettings settings) {
    String script = settings.option("script");
    String key = script == null || script.isBlank() ? NO_SCRIPT : script.strip();
    return models.computeIfAbsent(key, OfflineProvider::load);
  }

  /**
   * The script's model, streaming in chunks of {@code chunk-chars} characters (default {@value
   * OfflineModel#DEFAULT_CHUNK_CHARS}) after {@code chunk-delay-ms} each (default 0).
   */
  @Override
  public StreamingChatModel createStreaming(String model, ProviderSettings settings) {
    OfflineModel offline = (OfflineModel) create(model, settings);
    return offline.withStreaming(number(settings, "chunk-chars", OfflineModel.DEFAULT_CHUNK_CHARS),
        java.time.Duration.ofMillis(number(settings, "chunk-delay-ms", 0)));
  }

  private static int number(ProviderSettings settings, String option, int fallback) {
    String text = settings.option(option);
    if (text == null || text.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(text.strip());
    } catch (NumberFormatException e) {
      throw new dev.prompt4j.Prompt4jException("Configuration key prompt4j.providers.offline." + option + " is not a whole number: '" + text + "'");
    }
  }

  private static OfflineModel load(String script) {
    if (script.equals(NO_SCRIPT)) {
      LOG.log(System.Logger.Level.INFO, "Prompt4j offline provider: no script configured, answering every call with a placeholder (no key, no network)");
      return OfflineModel.replying(UNSCRIPTED_REPLY);
    }
    OfflineModel model = OfflineModel.fromResource(script);
    LOG.log(System.Logger.Level.INFO, "Prompt4j offline provider: answering from the script " + script + " (no key, no network)");
    return model;
  }
}
