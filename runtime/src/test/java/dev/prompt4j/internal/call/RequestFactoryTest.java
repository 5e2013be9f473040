package dev.prompt4j.internal.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.prompt4j.CallParameters;
import dev.prompt4j.internal.config.Configuration;
import dev.prompt4j.internal.output.OutputType;
import dev.prompt4j.provider.AnthropicProvider;
import dev.prompt4j.provider.OpenAiProvider;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Request parameters are made in one place, and a parameter a client cannot take is reported, never lost. */
class RequestFactoryTest {
  private static final CallParameters WANTED = new CallParameters(0.3, 200, null, List.of("END"), 42L);
  private static final ModelRegistry MODELS =
      new ModelRegistry(Map.of("openai", new OpenAiProvider(), "anthropic", new AnthropicProvider()), Configuration.empty(), Map.of());

  private static RequestFactory.Parameters parameters(String provider, ChatModel client) {
    OutputType<String> text = new OutputType<>() {
      @Override
      public String parse(String answer) {
        return answer;
      }

      @Override
      public String typeName() {
        return "String";
      }
    };
    Target target = new Target("Support", "answer", provider, "m", client, client == null);
    CallPlan<String> plan = new CallPlan<>("Support.answer", "answer", text, List.of(target), WANTED, 1, null);
    return new RequestFactory(MODELS).parameters(plan, target);
  }

  @Test
  void openAiTakesTheSeed() {
    RequestFactory.Parameters p = parameters("openai", null);

    assertEquals(42, assertInstanceOf(OpenAiChatRequestParameters.class, p.request()).seed());
    assertEquals("m", p.request().modelName());
    assertEquals(WANTED, p.sent());
    assertEquals(CallParameters.NONE, p.unsent());
  }

  @Test
  void anthropicCannotTakeASeedAndItIsReportedAsUnsent() {
    RequestFactory.Parameters p = parameters("anthropic", null);

    assertEquals(0.3, p.request().temperature());
    assertEquals(List.of("END"), p.request().stopSequences());
    assertNull(p.sent().seed());
    assertEquals(42L, p.unsent().seed());
  }

  @Test
  void aClientGivenByCodeGetsTheGenericParametersAndTheSeedIsReported() {
    ChatModel scripted = new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        throw new UnsupportedOperationException();
      }
    };

    RequestFactory.Parameters p = parameters("openai", scripted);

    assertNull(p.request().modelName(), "a client given by code keeps its own model unless one was chosen at run time");
    assertEquals(200, p.request().maxOutputTokens());
    assertEquals(42L, p.unsent().seed());
  }

  @Test
  void anOpenAiClientGivenByCodeIsSentTheSeed() {
    ChatModel openAi = OpenAiChatModel.builder().apiKey("test").modelName("gpt-4o-mini").baseUrl("http://127.0.0.1:9/v1").build();

    RequestFactory.Parameters p = parameters("openai", openAi);

    assertEquals(42, assertInstanceOf(OpenAiChatRequestParameters.class, p.request()).seed());
    assertEquals(CallParameters.NONE, p.unsent());
  }
}
