package dev.prompt4j.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.prompt4j.Call;
import dev.prompt4j.OutputException;
import dev.prompt4j.Prompt;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import dev.prompt4j.testing.Runtimes;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Recovery as seed 003 describes it: re-ask the model, and when it still does not comply, fall back to the next one. */
class FallbackAfterInvalidAnswersTest {
  @Call(provider = "test", model = "primary")
  interface Checks {
    @Prompt(value = "Is water wet?", maxAttempts = 2)
    Response<Boolean> check();
  }

  private final AtomicInteger asked = new AtomicInteger();

  /** A primary model that never answers yes or no. */
  private final ChatModel evasive = new ChatModel() {
    @Override
    public ChatResponse doChat(ChatRequest request) {
      asked.incrementAndGet();
      return ChatResponse.builder().aiMessage(AiMessage.from("It depends.")).tokenUsage(new TokenUsage(5, 2)).build();
    }
  };

  private Response<Boolean> ask(String... fallbacks) {
    // Code that gives a client names the fallbacks too: the annotation's would not apply to a stand-in client.
    return Prompt4j.override(Runtimes.scripted(Checks.class, evasive)).fallbacks(fallbacks).build().check();
  }

  @Test
  void invalidAnswersAfterEveryReaskFallBackToTheNextModel() {
    Response<Boolean> response = ask("fixed:maybe", "fixed:true");

    assertEquals(true, response.value());
    assertEquals("fixed", response.provider());
    assertEquals("true", response.model());
    assertEquals(2, asked.get(), "the primary model was asked, then re-asked once (maxAttempts = 2)");
    assertEquals(List.of("primary", "primary", "maybe", "maybe"), response.failedAttempts().stream().map(a -> a.model()).toList());
    assertEquals(5, response.attempts());
    assertEquals(2 * 7 + 2 * 3 + 3, response.usage().totalTokens(), "usage adds up over every attempt of every model");
  }

  @Test
  void whenNoModelCompliesTheOutputExceptionKeepsEveryAttempt() {
    OutputException failure = assertThrows(OutputException.class, () -> ask("fixed:perhaps"));

    assertEquals(4, failure.attempts().size());
    assertTrue(failure.getMessage().contains("fixed:perhaps"), failure.getMessage());
    assertTrue(failure.getMessage().contains("4 attempts in all"), failure.getMessage());
    assertEquals(List.of("It depends.", "It depends.", "perhaps", "perhaps"), failure.attempts().stream().map(a -> a.rawText()).toList());
  }
}
