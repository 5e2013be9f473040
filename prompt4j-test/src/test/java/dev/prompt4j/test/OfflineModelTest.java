package dev.prompt4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.Response;
import dev.prompt4j.provider.RequestContext;
import java.util.List;
import org.junit.jupiter.api.Test;

class OfflineModelTest {
  /** Rules name a prompt interface by class; only its name is read. */
  interface Greeter {}


  private static String ask(OfflineModel model, String method, String text) {
    ChatRequest request = ChatRequest.builder().messages(SystemMessage.from("Be brief."), UserMessage.from(text)).build();
    ChatResponse response = method == null
        ? model.chat(request)
        : RequestContext.with(new RequestContext(method.substring(0, method.indexOf('.')), method.substring(method.indexOf('.') + 1), "offline", "m"),
            () -> model.chat(request));
    return response.aiMessage().text();
  }

  @Test
  void rulesMatchByMethodContentAndRegexInOrder() {
    OfflineModel model = OfflineModel.builder()
        .when(Greeter.class, "greet").reply("Hello!")
        .when("moodOf").containing("Bob").reply("grumpy")
        .whenContains("weather").reply("Sunny.")
        .whenMatches("(?i)\\bstock(s)?\\b").replies("Up.", "Down.")
        .defaultReply("No idea.")
        .build();

    assertEquals("Hello!", ask(model, "Greeter.greet", "anything"));
    assertEquals("grumpy", ask(model, "Greeter.moodOf", "Mood of Bob?"));
    assertEquals("No idea.", ask(model, "Greeter.moodOf", "Mood of Ada?"));
    assertEquals("Sunny.", ask(model, null, "How is the weather?"));
    assertEquals("Up.", ask(model, null, "Stocks today?"));
    assertEquals("Down.", ask(model, null, "stock tomorrow?"));
    assertEquals("Down.", ask(model, null, "stock after?"), "the last reply repeats");
    assertEquals("No idea.", ask(model, "Other.greet", "Greeter is not Other"));
  }

  @Test
  void recordsRequestsAndAnswersWithWordCountsAsUsage() {
    OfflineModel model = OfflineModel.replying("two words");
    ChatResponse response = model.chat(ChatRequest.builder().messages(UserMessage.from("one two three")).modelName("tiny").temperature(0.3).build());

    assertEquals(3, response.tokenUsage().inputTokenCount());
    assertEquals(2, response.tokenUsage().outputTokenCount());
    assertEquals(5, response.tokenUsage().totalTokenCount());
    assertEquals(FinishReason.STOP, response.finishReason());
    assertEquals("tiny", response.modelName());
    OfflineModel.Request request = model.lastRequest();
    assertEquals("one two three", request.userText());
    assertEquals(0.3, request.parameters().temperature());
    assertEquals(-1, request.rule());
    model.reset();
    assertEquals(List.of(), model.requests());
  }

  @Test
  void withoutAMatchOrDefaultTheCallFailsNamingTheMethod() {
    OfflineModel model = OfflineModel.builder().when("greet").reply("hi").build();
    Prompt4jException e = assertThrows(Prompt4jException.class, () -> ask(model, "Greeter.moodOf", "Mood of Ada?"));
    assertTrue(e.getMessage().contains("Greeter.moodOf") && e.getMessage().contains("Mood of Ada?"), e.getMessage());
  }

  @Test
  void scriptsFromJsonAndFromTheClassPath() {
    OfflineModel inline = OfflineModel.fromJson("""
        {"default": "fallback",
         "replies": [{"method": "Greeter.greet", "matches": "Hi \\\\w+", "replies": ["one", "two"]},
                     {"contains": "json", "reply": {"answer": 42}}]}
        """);
    assertEquals("one", ask(inline, "Greeter.greet", "Hi Ada"));
    assertEquals("two", ask(inline, "Greeter.greet", "Hi Bob"));
    assertEquals("{\"answer\":42}", ask(inline, null, "give json"));
    assertEquals("fallback", ask(inline, null, "else"));

    OfflineModel file = OfflineModel.fromResource("offline/greeter.json");
    assertEquals("calm", ask(file, "Greeter.moodOf", "Mood of Ada?"));
    Prompt4jException missing = assertThrows(Prompt4jException.class, () -> OfflineModel.fromResource("offline/none.json"));
    assertTrue(missing.getMessage().contains("offline/none.json"));
    Prompt4jException bad = assertThrows(Prompt4jException.class, () -> OfflineModel.fromJson("{\"replies\": [{\"method\": \"x\"}]}"));
    assertTrue(bad.getMessage().contains("reply 1"), bad.getMessage());
  }


  @Test
  void aLongRunKeepsTheLatestRequestsOnly() {
    OfflineModel model = OfflineModel.builder().defaultReply("ok").build();

    for (int i = 0; i <= OfflineModel.MAX_RECORDED; i++) {
      model.chat(ChatRequest.builder().messages(UserMessage.from("request " + i)).build());
    }

    assertEquals(OfflineModel.MAX_RECORDED, model.requests().size());
    assertEquals("request 1", model.requests().get(0).userText(), "the oldest was dropped");
    assertEquals("request " + OfflineModel.MAX_RECORDED, model.lastRequest().userText());
  }
}
