package dev.prompt4j.provider;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.prompt4j.CallParameters;
import dev.prompt4j.Prompt4jException;
import java.util.List;

/**
 * {@code openai}: OpenAI chat completions through langchain4j's {@link OpenAiChatModel}. Key from
 * {@code prompt4j.providers.openai.api-key} or {@code OPENAI_API_KEY}; base URL (with its {@code /v1},
 * as OpenAI's own clients take it) from {@code prompt4j.providers.openai.base-url} or {@code
 * OPENAI_BASE_URL}, so any OpenAI-compatible server or proxy works. langchain4j's own retries are
 * off: Prompt4j's retry policy decides.
 *
 * <pre>{@code
 * @Call(provider = "openai", model = "gpt-4o-mini")
 * interface Support { ... }   // OPENAI_API_KEY; OPENAI_BASE_URL=http://localhost:8080/v1 for a proxy
 * }</pre>
 */
public final class OpenAiProvider implements ChatModelProvider {
  /** The variable holding the key. */
  public static final String API_KEY_VARIABLE = "OPENAI_API_KEY";

  @Override
  public String name() {
    return "openai";
  }

  @Override
  public List<String> apiKeyVariables() {
    return List.of(API_KEY_VARIABLE);
  }

  @Override
  public List<String> baseUrlVariables() {
    return List.of("OPENAI_BASE_URL");
  }

  /** {@code max-response-bytes}: the body cap of {@link Prompt4jHttpClient}. */
  @Override
  public List<String> optionKeys() {
    return Prompt4jHttpClient.Options.KEYS;
  }

  @Override
  public ChatModel create(String model, ProviderSettings settings) {
    return OpenAiChatModel.builder()
        .apiKey(settings.requireApiKey(API_KEY_VARIABLE))
        .baseUrl(BaseUrls.strip(settings.baseUrl()))
        .modelName(model)
        .timeout(settings.timeout())
        .maxRetries(0)
        .returnThinking(true) // reasoning_content (OpenAI-compatible servers) becomes Response.reasoning()
        .httpClientBuilder(Prompt4jHttpClient.builder(model, settings))
        // Structured answers use OpenAI's strict json_schema mode (the processor's schemas are strict-ready).
        .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
        .strictJsonSchema(true)
        .build();
  }

  /** {@link OpenAiStreamingChatModel}, which asks for usage in the final chunk ({@code stream_options.include_usage}). */
  @Override
  public StreamingChatModel createStreaming(String model, ProviderSettings settings) {
    return OpenAiStreamingChatModel.builder()
        .apiKey(settings.requireApiKey(API_KEY_VARIABLE))
        .baseUrl(BaseUrls.strip(settings.baseUrl()))
        .modelName(model)
        .timeout(settings.timeout())
        .httpClientBuilder(Prompt4jHttpClient.streamingBuilder(model, settings, OpenAiProvider::isDone))
        .returnThinking(true)
        .strictJsonSchema(true)
        .build();
  }

  /** OpenAI-compatible streams end with {@code data: [DONE]}. */
  static boolean isDone(ServerSentEvent event) {
    return "[DONE]".equals(event.data());
  }

  @Override
  public boolean sendsSeed() {
    return true;
  }

  @Override
  public ChatRequestParameters requestParameters(String model, CallParameters parameters) {
    return openAiParameters(name(), model, parameters);
  }

  static ChatRequestParameters openAiParameters(String provider, String model, CallParameters parameters) {
    return OpenAiChatRequestParameters.builder()
        .modelName(model)
        .temperature(parameters.temperature())
        .maxOutputTokens(parameters.maxTokens())
        .topP(parameters.topP())
        .stopSequences(parameters.stop())
        .seed(seed(provider, parameters.seed()))
        .build();
  }

  private static Integer seed(String provider, Long seed) {
    if (seed == null) {
      return null;
    }
    if (seed < Integer.MIN_VALUE || seed > Integer.MAX_VALUE) {
      throw new Prompt4jException("Provider '" + provider + "' takes a seed between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE + ", not " + seed);
    }
    return seed.intValue();
  }
}
