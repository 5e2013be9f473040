package dev.prompt4j.provider;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The real langchain4j clients as Prompt4j's providers build them, pointed at a loopback server. */
final class LoopbackModels {
  static final String KEY = "sk-loopback-SECRET-0042";
  static final List<String> HTTP_PROVIDERS = List.of("openai", "anthropic", "gemini", "ollama");

  private LoopbackModels() {}

  static ChatModelProvider provider(String name) {
    return switch (name) {
      case "openai" -> new OpenAiProvider();
      case "anthropic" -> new AnthropicProvider();
      case "gemini" -> new GeminiProvider();
      case "ollama" -> new OllamaProvider();
      default -> throw new IllegalArgumentException(name);
    };
  }

  static String modelName(String provider) {
    return switch (provider) {
      case "openai" -> "gpt-4o-mini";
      case "anthropic" -> "claude-haiku-4-5";
      case "gemini" -> "gemini-2.0-flash";
      default -> "llama3.2";
    };
  }

  /** The base URL as a user configures it: OpenAI's with {@code /v1}, the others' without. */
  static String baseUrl(String provider, String root) {
    return provider.equals("openai") ? root + "/v1" : root;
  }

  static ChatModel model(String provider, String root, Duration timeout, Map<String, String> options) {
    return model(provider, root, KEY, timeout, options);
  }

  static ChatModel model(String provider, String root, String key, Duration timeout, Map<String, String> options) {
    ProviderSettings settings = new ProviderSettings(provider, key, baseUrl(provider, root), timeout, 0, options);
    return provider(provider).create(modelName(provider), settings);
  }

  /** One user message, the model's answer text. */
  static String ask(ChatModel model) {
    return ask(model, "Hi");
  }

  static String ask(ChatModel model, String text) {
    return model.chat(ChatRequest.builder().messages(UserMessage.from(text)).build()).aiMessage().text();
  }
}
