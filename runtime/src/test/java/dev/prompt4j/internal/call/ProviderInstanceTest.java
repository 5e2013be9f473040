package dev.prompt4j.internal.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.internal.config.Configuration;
import dev.prompt4j.provider.ChatModelProvider;
import dev.prompt4j.provider.ProviderSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** Named provider instances: {@code prompt4j.providers.<name>.type} makes a second endpoint of one provider. */
class ProviderInstanceTest {
  private final List<ProviderSettings> built = new ArrayList<>();

  /** A provider that records the settings of each client it builds. */
  private final ChatModelProvider compatible = new ChatModelProvider() {
    @Override
    public String name() {
      return "compatible";
    }

    @Override
    public List<String> apiKeyVariables() {
      return List.of("COMPATIBLE_API_KEY");
    }

    @Override
    public List<String> optionKeys() {
      return List.of("organization");
    }

    @Override
    public ChatModel create(String model, ProviderSettings settings) {
      built.add(settings);
      return new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
          return ChatResponse.builder().aiMessage(AiMessage.from(settings.provider() + " " + model)).build();
        }
      };
    }
  };

  private ModelRegistry registry(Map<String, String> properties, Map<String, String> environment) {
    Properties file = new Properties();
    file.putAll(properties);
    Configuration configuration = Configuration.of(new Properties(), environment, file);
    ModelRegistry models = new ModelRegistry(Map.of("compatible", compatible), configuration, Map.of());
    configuration.checkKeys(models.optionKeys());
    return models;
  }

  @Test
  void twoInstancesOfOneProviderEachHaveTheirOwnKeyBaseUrlAndOptions() {
    ModelRegistry models = registry(Map.of(
        "prompt4j.providers.work.type", "compatible",
        "prompt4j.providers.work.api-key", "work-key",
        "prompt4j.providers.work.base-url", "http://127.0.0.1:1/v1",
        "prompt4j.providers.work.organization", "acme",
        "prompt4j.providers.home.type", "compatible",
        "prompt4j.providers.home.api-key", "home-key"), Map.of("COMPATIBLE_API_KEY", "from-environment"));

    models.client("work", "m1").chat("hi");
    models.client("home", "m2").chat("hi");

    assertEquals(2, built.size());
    assertEquals("work", built.get(0).provider());
    assertEquals("work-key", built.get(0).apiKey());
    assertEquals("http://127.0.0.1:1/v1", built.get(0).baseUrl());
    assertEquals("acme", built.get(0).option("organization"));
    assertEquals("home-key", built.get(1).apiKey());
    assertNull(built.get(1).baseUrl());
    assertEquals("compatible", models.provider("home").name());
  }

  @Test
  void anInstanceNeverTakesItsTypesKeyFromTheEnvironment() {
    ModelRegistry models = registry(Map.of("prompt4j.providers.work.type", "compatible"), Map.of("COMPATIBLE_API_KEY", "from-environment"));

    assertNull(models.settings("work").apiKey());
    assertEquals("from-environment", models.settings("compatible").apiKey());
  }

  @Test
  void aTypeThatNamesNoProviderFailsNamingTheKeyAndTheKnownProviders() {
    Prompt4jException e = assertThrows(Prompt4jException.class, () -> registry(Map.of("prompt4j.providers.work.type", "opnai"), Map.of()));

    assertTrue(e.getMessage().startsWith("Configuration key prompt4j.providers.work.type (file prompt4j.properties) is 'opnai', which names no"
        + " provider: write one of [compatible]"), e.getMessage());
  }

  @Test
  void anInstancesUnknownOptionFailsWithTheOptionsOfItsType() {
    Prompt4jException e = assertThrows(Prompt4jException.class, () -> registry(Map.of(
        "prompt4j.providers.work.type", "compatible",
        "prompt4j.providers.work.organisation", "acme"), Map.of()));

    assertTrue(e.getMessage().contains("did you mean prompt4j.providers.work.organization?"), e.getMessage());
  }
}
