package dev.prompt4j.provider;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.prompt4j.CallParameters;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import java.util.List;

/**
 * {@code ollama}: a local Ollama server through its OpenAI-compatible endpoint ({@code <base>/v1}),
 * with langchain4j's {@link OpenAiChatModel}; no key is needed. Base URL from {@code
 * prompt4j.providers.ollama.base-url} or {@code OLLAMA_BASE_URL}, default {@value #DEFAULT_BASE_URL};
 * {@code /v1} is appended unless the URL already ends with a version. A key, when configured
 * ({@code prompt4j.providers.ollama.api-key}, for a proxy in front of Ollama), is sent as a bearer token.
 *
 * <p>Why not langchain4j's Ollama module: it is not published for the langchain4j version Prompt4j
 * uses, and the OpenAI-compatible endpoint serves the same chat models.
 *
 * <pre>{@code
 * // -Dprompt4j.provider=ollama -Dprompt4j.model=llama3.2, Ollama running on localhost:11434
 * Support local = Prompt4j.create(Support.class);
 * }</pre>
 */
public final class OllamaProvider implements ChatModelProvider {
  /** Where Ollama listens by default. */
  public static final String DEFAULT_BASE_URL = "http://localhost:11434";

  @Override
  public String name() {
    return "ollama";
  }

  @Override
  public List<String> baseUrlVariables() {
    return List.of("OLLAMA_BASE_URL");
  }

  /** {@code max-response-bytes}: the body cap of {@link Prompt4jHttpClient}. */
  @Override
  public List<String> optionKeys() {
    return Prompt4jHttpClient.Options.KEYS;
  }

  /** Ollama's OpenAI-compatible stream, which ends with {@code data: [DONE]}. */
  @Override
  public StreamingChatModel createStreaming(String model, ProviderSettings settings) {
    String base = settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl();
    return OpenAiStreamingChatModel.builder()
        .apiKey(settings.apiKey())
        .baseUrl(BaseUrls.withVersion(base, "v1"))
        .modelName(model)
        .timeout(settings.timeout())
        .httpClientBuilder(Prompt4jHttpClient.streamingBuilder(model, settings, OpenAiProvider::isDone))
        .returnThinking(true)
        .build();
  }

  @Override
  public ChatModel create(String model, ProviderSettings settings) {
    String base = settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl();
    return OpenAiChatModel.builder()
        .apiKey(settings.apiKey())
        .baseUrl(BaseUrls.withVersion(base, "v1"))
        .modelName(model)
        .timeout(settings.timeout())
        .maxRetries(0)
        .returnThinking(true)
        .httpClientBuilder(Prompt4jHttpClient.builder(model, settings))
        // Ollama's OpenAI endpoint takes a json_schema response format (structured outputs).
        .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
        .build();
  }

  @Override
  public boolean sendsSeed() {
    return true;
  }

  @Override
  public ChatRequestParameters requestParameters(String model, CallParameters parameters) {
    return OpenAiProvider.openAiParameters(name(), model, parameters);
  }
}
