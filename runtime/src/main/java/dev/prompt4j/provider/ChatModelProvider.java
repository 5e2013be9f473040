package dev.prompt4j.provider;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.prompt4j.CallParameters;
import java.util.List;

/**
 * Builds langchain4j model clients for one provider name. Implementations are found with {@link
 * java.util.ServiceLoader}; Prompt4j ships {@code openai}, {@code anthropic}, {@code gemini}, {@code
 * ollama} and {@code offline}. A client is built once per model and settings and reused for every call.
 *
 * <pre>{@code
 * public final class MyProvider implements ChatModelProvider {
 *   public String name() { return "my"; }
 *   public ChatModel create(String model, ProviderSettings settings) { return ...; }
 * }
 * // META-INF/services/dev.prompt4j.provider.ChatModelProvider: com.acme.MyProvider
 * }</pre>
 */
public interface ChatModelProvider {

  /**
   * The name used in {@code @Call(provider = ...)} and in configuration keys.
   *
   * @return the name used in {@code @Call(provider = ...)} and in configuration keys
   */
  String name();

  /**
   * Builds a client for {@code model}. Throw {@link dev.prompt4j.Prompt4jException} naming the
   * setting to fix when something required (a key) is missing.
   *
   * @param model the model
   * @param settings the settings
   * @return builds a client for {@code model}
   */
  ChatModel create(String model, ProviderSettings settings);

  /**
   * Builds a streaming client for {@code model}, used by methods returning {@code PromptStream<T>},
   * {@code Flow.Publisher<String>} or {@code Stream<String>}. The default says the provider does not
   * stream; Prompt4j then sends such calls with {@link #create} and delivers the whole answer as one
   * chunk (and logs it once).
   *
   * <pre>{@code
   * public StreamingChatModel createStreaming(String model, ProviderSettings settings) {
   *   return MyStreamingChatModel.builder().apiKey(settings.requireApiKey("MY_API_KEY")).modelName(model).build();
   * }
   * }</pre>
   *
   * @param model the model
   * @param settings the settings
   * @return the streaming client
   * @throws UnsupportedOperationException when the provider does not stream (the default)
   */
  default StreamingChatModel createStreaming(String model, ProviderSettings settings) {
    throw new UnsupportedOperationException("Provider '" + name() + "' does not stream");
  }

  /**
   * Environment variables holding the key, tried in order when {@code prompt4j.providers.<name>.api-key}
   * is not configured, for example {@code OPENAI_API_KEY}.
   *
   * @return environment variables holding the key, tried in order when {@code prompt4j.providers.<name>.api-key} is not configured, for example {@code OPENAI_API_KEY}
   */
  default List<String> apiKeyVariables() {
    return List.of();
  }

  /**
   * Environment variables holding the base URL, tried in order when {@code
   * prompt4j.providers.<name>.base-url} is not configured, for example {@code OPENAI_BASE_URL}.
   *
   * @return environment variables holding the base URL, tried in order when {@code prompt4j.providers.<name>.base-url} is not configured, for example {@code OPENAI_BASE_URL}
   */
  default List<String> baseUrlVariables() {
    return List.of();
  }

  /**
   * Names of provider-specific settings read from {@code prompt4j.providers.<name>.<option>} into
   * {@link ProviderSettings#options()}, for example {@code script} for the offline provider.
   *
   * @return names of provider-specific settings read from {@code prompt4j.providers.<name>.<option>} into {@link ProviderSettings#options()}, for example {@code script} for the offline provider
   */
  default List<String> optionKeys() {
    return List.of();
  }

  /**
   * Whether {@link #requestParameters} sends {@link CallParameters#seed()}. When it does not, a seed
   * is not passed to it and {@code Response.unsentParameters()} reports it instead.
   *
   * @return {@code false} unless the provider's client takes a seed per request
   */
  default boolean sendsSeed() {
    return false;
  }

  /**
   * The per-request parameters for {@code model}; override to send provider-specific ones.
   *
   * @param model the model
   * @param parameters the parameters
   * @return the per-request parameters for {@code model}; override to send provider-specific ones
   */
  default ChatRequestParameters requestParameters(String model, CallParameters parameters) {
    return DefaultChatRequestParameters.builder()
        .modelName(model)
        .temperature(parameters.temperature())
        .maxOutputTokens(parameters.maxTokens())
        .topP(parameters.topP())
        .stopSequences(parameters.stop())
        .build();
  }
}
