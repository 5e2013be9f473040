package dev.prompt4j.output;

import static dev.prompt4j.output.Types.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import dev.prompt4j.OutputException;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.Response;
import dev.prompt4j.Usage;
import dev.prompt4j.testing.Runtimes;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The FAQ acceptance case of seed 004, attempts, usage and how the schema is sent, in generated code. */
class StructuredCallTest {
  private static Answers answers(ScriptedModel model) {
    return answers(model, Map.of());
  }

  private static Answers answers(ScriptedModel model, Map<String, String> configuration) {
    return Runtimes.scripted(Answers.class, model, configuration);
  }

  @Test
  void faqGetsExactlyTenByReaskingWhenTheModelReturnsNine() {
    ScriptedModel model = ScriptedModel.replying(faqList(9), faqList(10));

    Response<FaqList> response = answers(model).ask();

    assertEquals(10, response.value().faqs().size());
    assertEquals("Question 10?", response.value().faqs().get(9).question());
    assertEquals(List.of("Source 10"), response.value().faqs().get(9).sources());
    assertEquals(2, response.attempts());
    assertEquals(List.of("faqs: size must be between 10 and 10 (was 9 items)"), response.failedAttempts().get(0).errors());
    // Usage adds up over both answers (10 in + 5 out each).
    assertEquals(new Usage(20, 10, 30), response.usage());
    // The answer that worked was given to the conversation with the re-ask.
    List<ChatMessage> sent = response.messages();
    assertEquals(4, sent.size());
    assertEquals(faqList(9), ((AiMessage) sent.get(2)).text());
    String reask = ((UserMessage) sent.get(3)).singleText();
    assertTrue(reask.startsWith("Your answer is not a valid FaqList. Fix this error:\n- faqs: size must be between 10 and 10 (was 9 items)\n"), reask);
    assertEndsWithSchema(reask, "It must match this JSON Schema:\n", FAQ_LIST);
  }

  @Test
  void faqFailsWithEveryAttemptKeptWhenTheModelNeverComplies() {
    ScriptedModel model = ScriptedModel.replying(faqList(9), faqList(8), faqList(9));

    OutputException e = assertThrows(OutputException.class, () -> answers(model).ask());

    assertEquals(3, e.attempts().size());
    assertEquals(List.of(faqList(9), faqList(8), faqList(9)), e.attempts().stream().map(a -> a.rawText()).toList());
    assertEquals(List.of("faqs: size must be between 10 and 10 (was 8 items)"), e.attempts().get(1).errors());
    assertEquals("test", e.attempts().get(0).provider());
    // The last request: system, user, answer 1, re-ask 1, answer 2, re-ask 2.
    assertEquals(6, e.messages().size());
    assertEquals(faqList(8), ((AiMessage) e.messages().get(4)).text());
    assertTrue(e.getMessage().startsWith("Answers.ask: the answer of test:m is not a valid FaqList after 3 attempt(s)"), e.getMessage());
  }

  @Test
  void attemptsComeFromTheAnnotationThenConfiguration() {
    ScriptedModel once = ScriptedModel.replying(faqList(9));
    OutputException e = assertThrows(OutputException.class, () -> answers(once).askOnce());
    assertEquals(1, e.attempts().size());

    ScriptedModel five = ScriptedModel.replying(faqList(9));
    e = assertThrows(OutputException.class, () -> answers(five).askFive());
    assertEquals(5, e.attempts().size());

    // Configuration wins over the annotation; the method key over the interface key over the global one.
    ScriptedModel configured = ScriptedModel.replying(faqList(9));
    e = assertThrows(OutputException.class, () -> answers(configured,
        Map.of("prompt4j.max-attempts", "4", "prompt4j.Answers.max-attempts", "3", "prompt4j.Answers.askFive.max-attempts", "2")).askFive());
    assertEquals(2, e.attempts().size());

    ScriptedModel global = ScriptedModel.replying(faqList(9));
    e = assertThrows(OutputException.class, () -> answers(global, Map.of("prompt4j.max-attempts", "4")).ask());
    assertEquals(4, e.attempts().size());

    Prompt4jException bad = assertThrows(Prompt4jException.class,
        () -> answers(ScriptedModel.replying(faqList(10)), Map.of("prompt4j.max-attempts", "zero")).ask());
    assertTrue(bad.getMessage().contains("prompt4j.max-attempts (properties given to Prompt4j.builder()) is 'zero', which is not valid:"
        + " write a whole number of at least 1"), bad.getMessage());
  }

  @Test
  void nativeModeSendsTheSchemaAsResponseFormat() {
    ScriptedModel model = ScriptedModel.nativeSchema(faqList(10));

    Response<FaqList> response = answers(model).ask();

    assertEquals("native", response.outputMode());
    ResponseFormat format = model.requests.get(0).parameters().responseFormat();
    assertEquals(ResponseFormatType.JSON, format.type());
    assertEquals("FaqList", format.jsonSchema().name());
    JsonObjectSchema root = (JsonObjectSchema) format.jsonSchema().rootElement();
    assertEquals(List.of("faqs"), root.required());
    assertEquals(Boolean.FALSE, root.additionalProperties());
    JsonArraySchema faqs = (JsonArraySchema) root.properties().get("faqs");
    assertEquals("(exactly 10 items)", faqs.description());
    JsonObjectSchema faq = (JsonObjectSchema) faqs.items();
    assertEquals(List.of("question", "answer", "sources"), List.copyOf(faq.properties().keySet()));
    assertInstanceOf(JsonStringSchema.class, faq.properties().get("question"));
    // The prompt itself is unchanged: the schema travels in the request, not in the text.
    assertEquals(Answers.PROMPT, ((UserMessage) model.requests.get(0).messages().get(1)).singleText());
  }

  @Test
  void nativeModeWrapsANonObjectAnswerAndUnwrapsIt() {
    // An enum alone is answered as text; a list of them is JSON, wrapped in an object for native mode.
    ScriptedModel model = ScriptedModel.nativeSchema("{\"value\":[\"DECLINING\"]}");

    Response<List<TrendCategory>> response = answers(model).trends();

    assertEquals(List.of(TrendCategory.DECLINING), response.value());
    JsonObjectSchema root = (JsonObjectSchema) model.requests.get(0).parameters().responseFormat().jsonSchema().rootElement();
    assertEquals(List.of("value"), root.required());
    JsonArraySchema value = (JsonArraySchema) root.properties().get("value");
    assertEquals(List.of("EMERGING", "DECLINING"), ((JsonEnumSchema) value.items()).enumValues());
  }

  @Test
  void optionalPropertiesAreNotRequiredInTheNativeSchema() {
    ScriptedModel model = ScriptedModel.nativeSchema(EVENT_OK);

    answers(model).event();

    JsonObjectSchema root = (JsonObjectSchema) model.requests.get(0).parameters().responseFormat().jsonSchema().rootElement();
    assertEquals(List.of("name", "date", "attendees", "organizer"), root.required());
    assertEquals("(minimum 1)", root.properties().get("attendees").description());
    assertEquals("(format email)", root.properties().get("organizer").description());
  }

  @Test
  void instructionsModeAppendsTheSchemaToTheLastUserMessage() {
    ScriptedModel model = ScriptedModel.replying(faqList(10));

    Response<FaqList> response = answers(model).ask();

    assertEquals("instructions", response.outputMode());
    assertNull(model.requests.get(0).parameters().responseFormat());
    String user = ((UserMessage) model.requests.get(0).messages().get(1)).singleText();
    assertTrue(user.startsWith(Answers.PROMPT + "\n\nAnswer with a single JSON value (FaqList) that matches this JSON Schema"), user);
    assertEndsWithSchema(user, "that matches this JSON Schema", FAQ_LIST);
  }

  @Test
  void configurationOverridesTheMode() {
    ScriptedModel capable = ScriptedModel.nativeSchema(faqList(10));
    Response<FaqList> response = answers(capable, Map.of("prompt4j.Answers.ask.output-mode", "instructions")).ask();
    assertEquals("instructions", response.outputMode());
    assertNull(capable.requests.get(0).parameters().responseFormat());

    ScriptedModel plain = ScriptedModel.replying(faqList(10));
    response = answers(plain, Map.of("prompt4j.output-mode", "native")).ask();
    assertEquals("native", response.outputMode());
    assertTrue(plain.requests.get(0).parameters().responseFormat() != null);

    Prompt4jException bad = assertThrows(Prompt4jException.class,
        () -> answers(ScriptedModel.replying(faqList(10)), Map.of("prompt4j.output-mode", "xml")).ask());
    assertTrue(bad.getMessage().contains("prompt4j.output-mode (properties given to Prompt4j.builder()) is 'xml'"), bad.getMessage());
    assertTrue(bad.getMessage().contains("write native, instructions or auto"), bad.getMessage());
  }

  @Test
  void nativeReaskNamesTheErrorsWithoutRepeatingTheSchema() {
    ScriptedModel model = ScriptedModel.nativeSchema(faqList(9), faqList(10));

    answers(model).ask();

    List<ChatMessage> followUp = model.requests.get(1).messages();
    String reask = ((UserMessage) followUp.get(followUp.size() - 1)).singleText();
    assertTrue(reask.contains("- faqs: size must be between 10 and 10 (was 9 items)"), reask);
    assertFalse(reask.contains("JSON Schema"), reask);
    assertTrue(model.requests.get(1).parameters().responseFormat() != null);
  }

  @Test
  void textAnswersSendNoSchema() {
    ScriptedModel model = ScriptedModel.nativeSchema("Just text.");

    Response<String> response = answers(model).text();

    assertEquals("text", response.outputMode());
    assertEquals("Just text.", response.value());
    assertNull(model.requests.get(0).parameters().responseFormat());
    assertEquals(Answers.PROMPT, ((UserMessage) model.requests.get(0).messages().get(1)).singleText());
  }

  @Test
  void enumOfFindsConstantsWithSpacesForUnderscores() throws Exception {
    Answers answers = answers(ScriptedModel.replying("Product return.", "This is a status-update request", "\"billing_inquiry\""));
    assertEquals(QueryType.PRODUCT_RETURN, answers.queryType());
    assertEquals(QueryType.STATUS_UPDATE, answers.queryType());
    assertEquals(QueryType.BILLING_INQUIRY, answers.queryType());
  }

  /** {@code text} ends, after {@code marker}, in the JSON Schema {@code schema} (as the processor formats it). */
  private static void assertEndsWithSchema(String text, String marker, String schema) {
    int at = text.indexOf(marker);
    assertTrue(at >= 0, text);
    try {
      ObjectMapper json = new ObjectMapper();
      assertEquals(json.readTree(schema), json.readTree(text.substring(text.indexOf('{', at + marker.length()))), text);
    } catch (java.io.IOException e) {
      throw new AssertionError(text, e);
    }
  }
}
