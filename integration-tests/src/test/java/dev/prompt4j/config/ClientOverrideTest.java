package dev.prompt4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.ProviderException;
import dev.prompt4j.testing.Runtimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A client given by code stands in for the model: what it is sent, and what still applies around it. */
class ClientOverrideTest {
  /** The 'fixed' test provider answers with its model name. */
  @Call(provider = "openai", model = "gpt-4o-mini", fallbacks = "fixed:from-the-annotation")
  interface Notes {
    @Prompt("hi")
    String note();

    @Prompt(value = "ok?", maxAttempts = 1)
    boolean check();
  }

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

  @Test
  void aClientIsNotSentTheAnnotationsModelButIsSentOneChosenAtRunTime() {
    Notes plain = Runtimes.scripted(Notes.class, answering);
    plain.note();
    assertNull(requests.get(0).parameters().modelName(), "the client keeps its own model");

    Notes chosen = Prompt4j.override(plain).model("gpt-4o").build();
    chosen.note();
    assertEquals("gpt-4o", requests.get(1).parameters().modelName());
  }

  @Test
  void aClientDoesNotFallBackToTheAnnotationsProvidersOnlyToFallbacksCodeNamed() {
    Notes scripted = Runtimes.scripted(Notes.class, failing);
    assertThrows(ProviderException.class, scripted::note);
    assertEquals(1, requests.size(), "the annotation's fallback was not tried");

    Notes withFallback = Prompt4j.override(scripted).fallbacks("fixed:from-code").build();
    assertEquals("from-code", withFallback.note());
  }

  @Test
  void aMethodThatNamesAnotherProviderDoesNotUseTheInterfacesClient() {
    Notes notes = Prompt4j.override(Runtimes.scripted(Notes.class, answering))
        .method("note").provider("fixed").model("method-choice")
        .build();

    assertEquals("method-choice", notes.note());
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
    Notes notes = Prompt4j.override(Runtimes.scripted(Notes.class, evasive)).fallbacks("no-such-provider:m").build();

    ProviderException e = assertThrows(ProviderException.class, notes::check);

    assertTrue(e.getMessage().contains("before, openai:gpt-4o-mini: invalid answer"), e.getMessage());
    assertEquals("perhaps", e.attempts().get(0).rawText());
  }

  @Test
  void aClientGivenToTheBuilderAnswersItsProviderAndModelAndIsSentTheModel() {
    Notes notes = Prompt4j.builder().properties(Map.of()).client("openai", "gpt-4o-mini", answering).build().create(Notes.class);

    assertEquals("scripted", notes.note());
    assertEquals("gpt-4o-mini", requests.get(0).parameters().modelName(), "the request names the model as usual");
  }
}
