package dev.prompt4j.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.prompt4j.OutputException;
import dev.prompt4j.Response;
import dev.prompt4j.internal.output.OutputType;
import dev.prompt4j.internal.Outputs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Answers that are not malformed JSON but still no answer: empty, cut off, or breaking the parser itself. */
class AnswerEdgeCasesTest {

  /** Answers in turn, each with its finish reason; records the requests. */
  static final class Replies implements ChatModel {
    final List<ChatRequest> requests = new ArrayList<>();
    private final Function<Integer, ChatResponse> reply;

    Replies(Function<Integer, ChatResponse> reply) {
      this.reply = reply;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      requests.add(request);
      return reply.apply(requests.size());
    }
  }

  private static ChatResponse answer(String text, FinishReason finish) {
    return ChatResponse.builder().aiMessage(text == null ? AiMessage.from(List.of()) : AiMessage.from(text)).finishReason(finish).build();
  }

  private static String lastUserText(ChatRequest request) {
    List<ChatMessage> messages = request.messages();
    return ((UserMessage) messages.get(messages.size() - 1)).singleText();
  }

  @Test
  void anEmptyTextAnswerIsReasked() {
    Replies model = new Replies(n -> answer(n == 1 ? "  " : "Ten questions follow.", FinishReason.STOP));

    Response<String> response = Harness.invoke(Outputs.text(), model);

    assertEquals("Ten questions follow.", response.value());
    assertEquals(2, response.attempts());
    assertTrue(lastUserText(model.requests.get(1)).contains("the answer is empty"), lastUserText(model.requests.get(1)));
  }

  @Test
  void aCutOffAnswerIsReaskedSayingItHitTheTokenLimit() {
    Replies model = new Replies(n -> n == 1 ? answer("{\"question\": \"What is Ma", FinishReason.LENGTH) : answer("{\"question\": \"Q\"}", FinishReason.STOP));

    Response<Map<String, String>> response = Harness.invoke(
        Outputs.json(new com.fasterxml.jackson.core.type.TypeReference<Map<String, String>>() {}, "Question",
            "{\"type\":\"object\",\"properties\":{\"question\":{\"type\":\"string\"}},\"required\":[\"question\"]}"),
        model);

    assertEquals(Map.of("question", "Q"), response.value());
    String reask = lastUserText(model.requests.get(1));
    assertTrue(reask.contains("cut off at the output token limit"), reask);
  }

  @Test
  void aParserFailureIsNotReaskedAndKeepsTheAnswer() {
    Replies model = new Replies(n -> answer("{\"count\": 3}", FinishReason.STOP));
    OutputType<Integer> broken = new OutputType<>() {
      @Override
      public Integer parse(String text) {
        throw new IllegalStateException("no validator for @NotBlank on Integer");
      }

      @Override
      public String typeName() {
        return "Count";
      }
    };

    OutputException e = assertThrows(OutputException.class, () -> Harness.invoke(broken, model));

    assertEquals(1, model.requests.size(), "a re-ask cannot fix the parser");
    assertInstanceOf(IllegalStateException.class, e.getCause());
    assertEquals("{\"count\": 3}", e.attempts().get(0).rawText());
    assertTrue(e.getMessage().contains("Answers.ask") && e.getMessage().contains("test:m"), e.getMessage());
  }

  @Test
  void aBracketInProseDoesNotHideAYesOrNo() {
    Replies model = new Replies(n -> answer("No, see [1].", FinishReason.STOP));

    Response<Boolean> response = Harness.invoke(
        Outputs.json(new com.fasterxml.jackson.core.type.TypeReference<Boolean>() {}, "boolean", "{\"type\":\"boolean\"}"), model);

    assertEquals(false, response.value());
    assertEquals(1, response.attempts());
  }

  /** A record whose nested list cannot be read back: its elements' constraints could not be checked. */
  public record Shelf(List<Book> books) {
    @Override
    public List<Book> books() {
      throw new IllegalStateException("books are being restocked");
    }
  }

  /** A nested record with a constraint of its own. */
  public record Book(@jakarta.validation.constraints.NotBlank String title) {}

  @Test
  void aComponentThatCannotBeReadFailsInsteadOfSkippingItsNestedConstraints() {
    Replies model = new Replies(n -> answer("{\"books\": [{\"title\": \"\"}]}", FinishReason.STOP));
    OutputType<Shelf> shelf = Outputs.json(new com.fasterxml.jackson.core.type.TypeReference<Shelf>() {}, "Shelf",
        "{\"type\":\"object\",\"properties\":{\"books\":{\"type\":\"array\",\"items\":{\"type\":\"object\","
            + "\"properties\":{\"title\":{\"type\":\"string\"}},\"required\":[\"title\"]}}},\"required\":[\"books\"]}");

    OutputException e = assertThrows(OutputException.class, () -> Harness.invoke(shelf, model));

    assertTrue(e.getMessage().contains("Cannot check the constraints inside") && e.getMessage().contains("books()"), e.getMessage());
    assertTrue(e.getMessage().contains("books are being restocked"), e.getMessage());
    assertEquals("{\"books\": [{\"title\": \"\"}]}", e.attempts().get(0).rawText());
  }
}
