package dev.prompt4j.provider;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GeminiThinkingConfig;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.prompt4j.Prompt4jException;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import java.util.List;

/**
 * {@code gemini}: Google AI Gemini {@code generateContent} through langchain4j's {@link
 * GoogleAiGeminiChatModel}. Key from {@code prompt4j.providers.gemini.api-key}, {@code
 * GEMINI_API_KEY} or {@code GOOGLE_API_KEY}; base URL from {@code prompt4j.providers.gemini.base-url}
 * or {@code GEMINI_BASE_URL}, {@code /v1beta} appended unless the URL already ends with a version.
 * The seed is not sent per request (langchain4j's Gemini client takes it only when built).
 * langchain4j's own retries are off: Prompt4j's retry policy decides.
 *
 * <pre>{@code
 * @Call(provider = "gemini", model = "gemini-2.5-flash")
 * interface Support { ... }   // GEMINI_API_KEY, or prompt4j.providers.gemini.api-key
 * }</pre>
 */
public final class GeminiProvider implements ChatModelProvider {
  /** The variables holding the key, in the order they are read. */
  public static final List<String> API_KEY_VARIABLES = List.of("GEMINI_API_KEY", "GOOGLE_API_KEY");

  @Override
  public String name() {
    return "gemini";
  }

  @Override
  public List<String> apiKeyVariables() {
    return API_KEY_VARIABLES;
  }

  @Override
  public List<String> baseUrlVariables() {
    return List.of("GEMINI_BASE_URL");
  }

  /**
   * {@code include-thoughts}: whether requests ask Gemini for its thought parts ({@code
   * thinkingConfig.includeThoughts}), which then become {@link dev.prompt4j.Response#reasoning()};
   * unset, the request carries no thinking configuration and Gemini sends no thoughts.
   */
  public static final String INCLUDE_THOUGHTS = "include-thoughts";

  /** {@code max-response-bytes} and the other options of {@link Prompt4jHttpClient}; {@value #INCLUDE_THOUGHTS}. */
  @Override
  public List<String> optionKeys() {
    List<String> keys = new java.util.ArrayList<>(Prompt4jHttpClient.Options.KEYS);
    keys.add(INCLUDE_THOUGHTS);
    return List.copyOf(keys);
  }

  /** The thinking configuration {@value #INCLUDE_THOUGHTS} asks for; {@code null} when it is not set. */
  private static GeminiThinkingConfig thinking(ProviderSettings settings) {
    String text = settings.option(INCLUDE_THOUGHTS);
    if (text == null || text.isBlank()) {
      return null;
    }
    String value = text.strip().toLowerCase(java.util.Locale.ROOT);
    if (!value.equals("true") && !value.equals("false")) {
      throw new Prompt4jException("Configuration key prompt4j.providers." + settings.provider() + "." + INCLUDE_THOUGHTS
          + " must be true or false, not '" + text + "'");
    }
    return GeminiThinkingConfig.builder().includeThoughts(Boolean.parseBoolean(value)).build();
  }

  /** Gemini's {@code streamGenerateContent?alt=sse}: the last chunk carries the finish reason. */
  @Override
  public StreamingChatModel createStreaming(String model, ProviderSettings settings) {
    return GoogleAiGeminiStreamingChatModel.builder()
        .apiKey(settings.requireApiKey("GEMINI_API_KEY (or GOOGLE_API_KEY)"))
        .baseUrl(BaseUrls.withVersion(settings.baseUrl(), "v1beta"))
        .modelName(model)
        .timeout(settings.timeout())
        .returnThinking(true)
        .thinkingConfig(thinking(settings))
        .httpClientBuilder(Prompt4jHttpClient.streamingBuilder(model, settings, e -> e.data() != null && e.data().contains("\"finishReason\"")))
        .build();
  }

  @Override
  public ChatModel create(String model, ProviderSettings settings) {
    return GoogleAiGeminiChatModel.builder()
        .apiKey(settings.requireApiKey("GEMINI_API_KEY (or GOOGLE_API_KEY)"))
        .baseUrl(BaseUrls.withVersion(settings.baseUrl(), "v1beta"))
        .modelName(model)
        .timeout(settings.timeout())
        .maxRetries(0)
        .returnThinking(true) // thought parts become Response.reasoning(), never the answer's text
        .thinkingConfig(thinking(settings)) // Gemini sends thought parts only when asked (include-thoughts)
        .httpClientBuilder(Prompt4jHttpClient.builder(model, settings))
        // Gemini takes a response schema natively.
        .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA)
        .build();
  }
}
