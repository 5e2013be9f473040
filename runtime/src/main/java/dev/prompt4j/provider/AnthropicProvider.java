package dev.prompt4j.provider;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import java.util.List;

/**
 * {@code anthropic}: Anthropic messages through langchain4j's {@link AnthropicChatModel}. Key from
 * {@code prompt4j.providers.anthropic.api-key} or {@code ANTHROPIC_API_KEY}; base URL from {@code
 * prompt4j.providers.anthropic.base-url} or {@code ANTHROPIC_BASE_URL}, given as Anthropic's own SDKs
 * take it ({@code https://api.anthropic.com}); {@code /v1} is appended unless the URL already ends
 * with a version. When no maximum is set, langchain4j asks for at most 1024 output tokens (Anthropic
 * requires a maximum). langchain4j's own retries are off: Prompt4j's retry policy decides.
 *
 * <pre>{@code
 * @Call(provider = "anthropic", model = "claude-haiku-4-5")
 * interface Support { ... }   // ANTHROPIC_API_KEY, or prompt4j.providers.anthropic.api-key
 * }</pre>
 */
public final class AnthropicProvider implements ChatModelProvider {
  /** The variable holding the key. */
  public static final String API_KEY_VARIABLE = "ANTHROPIC_API_KEY";

  @Override
  public String name() {
    return "anthropic";
  }

  @Override
  public List<String> apiKeyVariables() {
    return List.of(API_KEY_VARIABLE);
  }

  @Override
  public List<String> baseUrlVariables() {
    return List.of("ANTHROPIC_BASE_URL");
  }

  /** {@code max-response-bytes}: the body cap of {@link Prompt4jHttpClient}. */
  @Override
  public List<String> optionKeys() {
    return Prompt4jHttpClient.Options.KEYS;
  }

  /** Anthropic's event stream, which ends with {@code event: message_stop}; thinking streams apart from the text. */
  @Override
  public StreamingChatModel createStreaming(String model, ProviderSettings settings) {
    return AnthropicStreamingChatModel.builder()
        .apiKey(settings.requireApiKey(API_KEY_VARIABLE))
        .baseUrl(BaseUrls.withVersion(settings.baseUrl(), "v1"))
        .modelName(model)
        .timeout(settings.timeout())
        .returnThinking(true)
        .httpClientBuilder(Prompt4jHttpClient.streamingBuilder(model, settings, e -> "message_stop".equals(e.event())))
        .build();
  }

  @Override
  public ChatModel create(String model, ProviderSettings settings) {
    return AnthropicChatModel.builder()
        .apiKey(settings.requireApiKey(API_KEY_VARIABLE))
        .baseUrl(BaseUrls.withVersion(settings.baseUrl(), "v1"))
        .modelName(model)
        .timeout(settings.timeout())
        .maxRetries(0)
        .returnThinking(true) // thinking blocks become Response.reasoning(), apart from the answer
        .httpClientBuilder(Prompt4jHttpClient.builder(model, settings))
        .build();
  }
}
