package dev.prompt4j.provider;

/**
 * The OpenTelemetry GenAI semantic conventions' {@code gen_ai.provider.name} for a Prompt4j provider
 * name: the convention's value for the providers it lists under another name ({@code gemini} is
 * {@code gcp.gemini}), otherwise the provider's own name (the attribute is an open enum: a provider it
 * does not list, such as {@code ollama}, is named as its instrumentation knows it). One mapping for
 * every module that reports GenAI telemetry (the OpenTelemetry listener, Micrometer observations in
 * Spring Boot).
 *
 * <pre>{@code
 * String name = GenAiProviderNames.of(attempt.provider()); // "gemini" -> "gcp.gemini", "openai" -> "openai"
 * }</pre>
 */
public final class GenAiProviderNames {
  private GenAiProviderNames() {}

  /**
   * The convention's name of {@code provider}.
   *
   * @param provider a Prompt4j provider name, or {@code null}
   * @return the {@code gen_ai.provider.name} value; {@code unknown} for {@code null}
   */
  public static String of(String provider) {
    if (provider == null) {
      return "unknown";
    }
    return switch (provider) {
      case "gemini", "google", "google-ai-gemini" -> "gcp.gemini";
      case "vertex", "vertex-ai" -> "gcp.vertex_ai";
      case "azure-openai" -> "azure.ai.openai";
      case "bedrock" -> "aws.bedrock";
      default -> provider;
    };
  }
}
