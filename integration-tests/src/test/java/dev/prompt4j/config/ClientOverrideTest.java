package dev.prompt4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.prompt4j.ProviderException;
import dev.prompt4j.internal.CallOverride;
import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.Configuration;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptMethod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** A client given by code stands in for the model: what it is sent, and what still applies around it. */
class ClientOverrideTest {
  interface Notes {}

  /** The 'fixed' test provider answers with its model name. */
  private static final PromptMethod<String> NOTE = PromptMethod.of(
      Notes.class, "note", CallSpec.of("openai", "gpt-4o-mini").withFallbacks("fixed:from-the-annotation"), "h", Outputs.text());

  private final List<ChatRequest> requests = new ArrayList<>();

  private final ChatModel failing = new ChatModel() {
    @Override
    public ChatResponse doChat(ChatRequest request) {
      requests.add(request);
      throw new IllegalStateException("no scripted answer");
    }
  };

  private final ChatModel answering = new ChatModel() {
    @Override
    public ChatResponse doChat(ChatRequest request) {
      requests.add(request);
      return ChatResponse.builder().aiMessage(AiMessage.from("scripted")).build();
    }
  };

  private PromptContext context(Properties system) {
    return PromptContext.create(Configuration.of(system, Map.of(), new Properties()), getClass().getClassLoader());
  }

  @Test
  void aClientIsNotSentTheAnnotationsModelButIsSentOneChosenAtRunTime() {
    PromptContext plain = context(new Properties()).withOverride("", CallOverride.NONE.withClient(answering));
    plain.invoke(NOTE, invocation -> Messages.single("hi"));
    assertNull(requests.get(0).parameters().modelName(), "the client keeps its own model");

    PromptContext chosen = plain.withOverride("", CallOverride.NONE.withModel("gpt-4o"));
    chosen.invoke(NOTE, invocation -> Messages.single("hi"));
    assertEquals("gpt-4o", requests.get(1).parameters().modelName());
  }

  @Test
  void aClientDoesNotFallBackToTheAnnotationsProvidersOnlyToFallbacksCodeNamed() {
    PromptContext scripted = context(new Properties()).withOverride("", CallOverride.NONE.withClient(failing));
    assertThrows(ProviderException.class, () -> scripted.invoke(NOTE, invocation -> Messages.single("hi")));
    assertEquals(1, requests.size(), "the annotation's fallback was not tried");

    PromptContext withFallback = scripted.withOverride("", CallOverride.NONE.withFallbacks(List.of("fixed:from-code")));
    assertEquals("from-code", withFallback.invoke(NOTE, invocation -> Messages.single("hi")).value());
  }

  @Test
  void aMethodThatNamesAnotherProviderDoesNotUseTheInterfacesClient() {
    PromptContext context = context(new Properties())
        .withOverride("", CallOverride.NONE.withClient(answering))
        .withOverride("note", CallOverride.NONE.withProvider("fixed").withModel("method-choice"));

    assertEquals("method-choice", context.invoke(NOTE, invocation -> Messages.single("hi")).value());
    assertEquals(0, requests.size(), "the interface's client was not asked");
  }

  @Test
  void theFailureOfAnEarlierModelIsNamedWhenTheLastOneFailsToo() {
    ChatModel evasive = new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        return ChatResponse.builder().aiMessage(AiMessage.from("perhaps")).build();
      }
    };
    PromptMethod<Boolean> check = PromptMethod.of(Notes.class, "check", CallSpec.of("openai", "gpt-4o-mini"), "h",
        Outputs.json(new com.fasterxml.jackson.core.type.TypeReference<Boolean>() {}, "boolean", "{\"type\":\"boolean\"}"), 1);
    PromptContext context = context(new Properties())
        .withOverride("", CallOverride.NONE.withClient(evasive).withFallbacks(List.of("no-such-provider:m")));

    ProviderException e = assertThrows(ProviderException.class, () -> context.invoke(check, invocation -> Messages.single("ok?")));

    org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("before, openai:gpt-4o-mini: invalid answer"), e.getMessage());
    assertEquals("perhaps", e.attempts().get(0).rawText());
  }
}
