package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** {@link GenAiProviderNames}: the convention's names where Prompt4j's differ, the provider's own elsewhere. */
class GenAiProviderNamesTest {
  @Test
  void theConventionsNamesWhereTheyDifferAndTheProvidersOwnOtherwise() {
    assertEquals("gcp.gemini", GenAiProviderNames.of("gemini"));
    assertEquals("gcp.gemini", GenAiProviderNames.of("google-ai-gemini"));
    assertEquals("gcp.vertex_ai", GenAiProviderNames.of("vertex-ai"));
    assertEquals("azure.ai.openai", GenAiProviderNames.of("azure-openai"));
    assertEquals("aws.bedrock", GenAiProviderNames.of("bedrock"));
    assertEquals("openai", GenAiProviderNames.of("openai"));
    assertEquals("offline", GenAiProviderNames.of("offline"));
    assertEquals("unknown", GenAiProviderNames.of(null));
  }
}
