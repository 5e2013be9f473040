package dev.prompt4j.output;

import static dev.prompt4j.output.Types.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.prompt4j.Attempt;
import dev.prompt4j.OutputException;
import dev.prompt4j.Response;
import dev.prompt4j.internal.output.OutputType;
import dev.prompt4j.internal.Outputs;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Malformed answers as models send them, through the real path: scripted model, {@code
 * AttemptLoop}, extraction, schema check, Jackson, Bean Validation, re-ask. Each one is
 * either repaired by the re-ask (the follow-up request names the errors) or ends in {@link
 * OutputException} holding every attempt.
 */
class MalformedAnswerCorpusTest {

  static OutputType<FaqList> faqListType() {
    return Outputs.json(new TypeReference<FaqList>() {}, "FaqList", FAQ_LIST);
  }

  static OutputType<List<Faq>> listOfFaq() {
    return Outputs.json(new TypeReference<List<Faq>>() {}, "List<Faq>", LIST_OF_FAQ);
  }

  static OutputType<Event> event() {
    return Outputs.json(new TypeReference<Event>() {}, "Event", EVENT);
  }

  static OutputType<TrendCategory> trend() {
    return Outputs.json(new TypeReference<TrendCategory>() {}, "TrendCategory", TREND);
  }

  static OutputType<Boolean> yesNo() {
    return Outputs.json(new TypeReference<Boolean>() {}, "boolean", "{\"type\":\"boolean\"}");
  }

  static OutputType<Integer> count() {
    return Outputs.json(new TypeReference<Integer>() {}, "int", "{\"type\":\"integer\"}");
  }

  static OutputType<Plan> plan() {
    return Outputs.json(new TypeReference<Plan>() {}, "Plan", PLAN, BillingInquiry.class, ProductReturn.class, StatusUpdate.class);
  }

  static OutputType<List<Task>> tasks() {
    return Outputs.json(new TypeReference<List<Task>>() {}, "List<Task>", "{\"type\":\"array\",\"items\":" + TASK + "}",
        BillingInquiry.class, ProductReturn.class, StatusUpdate.class);
  }

  private static final String EVENT_WITH = "{\"name\":\"Launch\",\"date\":\"2026-12-01\",\"location\":\"Berlin\",\"attendees\":%s,\"organizer\":\"%s\"}";

  private static final String GOOD = faqList(10);
  private static final String SCHEMA_ECHO = FAQ_LIST;

  /** More failure modes seen from real models, each corrected by one re-ask. */
  static Stream<Arguments> moreRepairedByReask() {
    return Stream.of(
        repaired("trailing comma in an object", faqListType(), GOOD.substring(0, GOOD.length() - 1) + ",}", List.of("not valid JSON"), GOOD, v -> true),
        repaired("trailing comma in an array", faqListType(), GOOD.replace("}]}", "},]}"), List.of("not valid JSON"), GOOD, v -> true),
        repaired("line comment", faqListType(), GOOD.replace("{\"faqs\":", "{// the FAQs\n\"faqs\":"), List.of("not valid JSON"), GOOD, v -> true),
        repaired("block comment", faqListType(), GOOD.replace("{\"faqs\":", "{/* ten */\"faqs\":"), List.of("not valid JSON"), GOOD, v -> true),
        repaired("single quotes", faqListType(), GOOD.replace('"', '\''), List.of(), GOOD, v -> true),
        repaired("unquoted keys", faqListType(), GOOD.replace("\"question\"", "question"), List.of("not valid JSON"), GOOD, v -> true),
        repaired("Python None", event(), EVENT_OK.replace("\"Berlin\"", "None"), List.of("not valid JSON"), EVENT_OK, v -> true),
        repaired("truncated inside a string", faqListType(), GOOD.substring(0, GOOD.indexOf("Answer 7") + 3), List.of("is not complete"), GOOD, v -> true),
        repaired("truncated after a key", faqListType(), GOOD.substring(0, GOOD.indexOf("\"answer\"") + 9), List.of("is not complete"), GOOD, v -> true),
        repaired("truncated inside a fence", faqListType(), "```json\n" + GOOD.substring(0, 200), List.of("is not complete"), GOOD, v -> true),
        repaired("the schema echoed back", faqListType(), SCHEMA_ECHO, List.of(), GOOD, v -> true),
        repaired("the schema echoed in a fence", faqListType(), "```json\n" + SCHEMA_ECHO + "\n```", List.of(), GOOD, v -> true),
        repaired("an empty object", faqListType(), "{}", List.of("faqs: is required but missing"), GOOD, v -> true),
        repaired("an empty array for an object", faqListType(), "[]", List.of(), GOOD, v -> true),
        repaired("wrapped in another object", faqListType(), "{\"result\":" + GOOD + "}", List.of(), GOOD, v -> true),
        repaired("an ellipsis for the rest", faqListType(), "{\"faqs\":" + faqs(2).replace("}]", "}, ...]") + "}", List.of("not valid JSON"), GOOD, v -> true),
        repaired("HTML-escaped quotes", faqListType(), GOOD.replace("\"", "&quot;"), List.of(), GOOD, v -> true),
        repaired("a refusal", faqListType(), "I'm sorry, but I can't help with that request.", List.of("holds no JSON object"), GOOD, v -> true),
        repaired("an unknown enum constant", trend(), "RISING", List.of("must be one of [EMERGING, DECLINING]"), "EMERGING", v -> v == TrendCategory.EMERGING),
        repaired("an enum constant in another language", trend(), "EMERGENTE", List.of("must be one of [EMERGING, DECLINING]"), "EMERGING", v -> true),
        repaired("extra top-level field", faqListType(), GOOD.replace("{\"faqs\":", "{\"explanation\":\"ten FAQs\",\"faqs\":"),
            List.of("explanation: is not a property"), GOOD, v -> true),
        repaired("date as a word", event(), EVENT_OK.replace("2026-12-01", "tomorrow"), List.of("date: cannot be read as LocalDate"), EVENT_OK, v -> true),
        repaired("negative count", event(), String.format(EVENT_WITH, "-3", "ann@example.com"), List.of("attendees: must be greater than or equal to 1"), EVENT_OK, v -> true),
        repaired("NaN for a number", event(), String.format(EVENT_WITH, "NaN", "ann@example.com"), List.of(), EVENT_OK, v -> true),
        repaired("missing required email", event(), EVENT_OK.replace(",\"organizer\":\"ann@example.com\"", ""), List.of("organizer"), EVENT_OK, v -> true),
        repaired("object for a boolean", yesNo(), "{\"answer\":\"maybe\"}", List.of(), "true", v -> v.equals(Boolean.TRUE)),
        repaired("maybe for a boolean", yesNo(), "Maybe.", List.of(), "false", v -> v.equals(Boolean.FALSE)),
        repaired("words for a count", count(), "several", List.of(), "3", v -> v.equals(3)),
        repaired("sealed record named in another property", plan(), "{\"tasks\":[{\"kind\":\"StatusUpdate\",\"orderId\":\"A1\"}]}",
            List.of(), "{\"tasks\":[{\"type\":\"StatusUpdate\",\"orderId\":\"A1\"}]}", v -> true));
  }

  /** More answers read as they are. */
  static Stream<Arguments> moreTolerated() {
    return Stream.of(
        tolerated("prose then a fence", faqListType(), "Sure, here is the JSON you asked for:\n```json\n" + GOOD + "\n```", v -> true),
        tolerated("fence tagged JSON in capitals", faqListType(), "```JSON\n" + GOOD + "\n```", v -> true),
        tolerated("fence with Windows line ends", faqListType(), "```json\r\n" + GOOD + "\r\n```\r\n", v -> true),
        tolerated("the word json before the object", faqListType(), "json\n" + GOOD, v -> true),
        tolerated("a note after the object", faqListType(), GOOD + "\n\nNote: the sources are abbreviated.", v -> true),
        tolerated("pretty-printed", faqListType(), GOOD.replace(",", ",\n  ").replace("{", "{\n  "), v -> true),
        tolerated("unicode escapes", faqListType(), GOOD.replace("Question 1?", "Qu\\u00e9stion 1?"), v -> ((FaqList) v).faqs().get(0).question().equals("Quéstion 1?")),
        tolerated("in XML-like tags", faqListType(), "<json>" + GOOD + "</json>", v -> true),
        tolerated("keys in capitals", faqListType(), GOOD.replace("\"answer\"", "\"ANSWER\""), v -> true),
        tolerated("a byte-order mark first", faqListType(), "\uFEFF" + GOOD, v -> true),
        tolerated("enum quoted in lower case", trend(), "\"declining\"", v -> v == TrendCategory.DECLINING),
        tolerated("enum with spaces around", trend(), "  EMERGING \n", v -> v == TrendCategory.EMERGING),
        tolerated("enum in a native wrapper", trend(), "{\"value\":\"EMERGING\"}", v -> v == TrendCategory.EMERGING),
        tolerated("enum in a fence", trend(), "```\nDECLINING\n```", v -> v == TrendCategory.DECLINING),
        tolerated("boolean in capitals", yesNo(), "TRUE", v -> v.equals(Boolean.TRUE)),
        tolerated("no with a reason", yesNo(), "No, it is not.", v -> v.equals(Boolean.FALSE)),
        tolerated("boolean in a native wrapper", yesNo(), "{\"value\":true}", v -> v.equals(Boolean.TRUE)),
        tolerated("count as a string", count(), "\"42\"", v -> v.equals(42)),
        tolerated("count after a label", count(), "Answer: 7", v -> v.equals(7)),
        tolerated("count in a native wrapper", count(), "{\"value\":12}", v -> v.equals(12)),
        tolerated("number of attendees as a string", event(), String.format(EVENT_WITH, "\"40\"", "ann@example.com"), v -> ((Event) v).attendees() == 40),
        tolerated("Python True", yesNo(), "True", v -> v.equals(Boolean.TRUE)),
        tolerated("key with a trailing space", faqListType(), GOOD.replace("\"question\":\"Question 3?\"", "\"question \":\"Question 3?\""), v -> true),
        tolerated("a list of one sealed record", tasks(), "[{\"type\":\"StatusUpdate\",\"orderId\":\"A9\"}]", v -> ((List<?>) v).size() == 1));
  }

  /** More answers that never comply. */
  static Stream<Arguments> moreNeverRepaired() {
    return Stream.of(
        Arguments.of("always truncated", faqListType(), GOOD.substring(0, 120), "is not complete"),
        Arguments.of("always a trailing comma", faqListType(), GOOD.replace("}]}", "},]}"), "not valid JSON"),
        Arguments.of("always a refusal", faqListType(), "I'm sorry, I can't do that.", "holds no JSON object"),
        Arguments.of("always empty", faqListType(), "", "the answer is empty"),
        Arguments.of("always the schema", faqListType(), SCHEMA_ECHO, "faqs"),
        Arguments.of("always a date in words", event(), EVENT_OK.replace("2026-12-01", "next week"), "date: cannot be read as LocalDate"));
  }

  /** Bad answer, error fragments the re-ask must carry, good answer, check of the final value. */
  static Stream<Arguments> repairedByReask() {
    return Stream.concat(moreRepairedByReask(), Stream.of(
        repaired("nine FAQs instead of ten", faqListType(), faqList(9),
            List.of("faqs: size must be between 10 and 10 (was 9 items)"), faqList(10), v -> ((FaqList) v).faqs().size() == 10),
        repaired("eleven FAQs", faqListType(), faqList(11),
            List.of("faqs: size must be between 10 and 10 (was 11 items)"), faqList(10), v -> ((FaqList) v).faqs().size() == 10),
        repaired("truncated JSON", faqListType(), faqList(10).substring(0, 300),
            List.of("is not complete", "cut off"), faqList(10), v -> true),
        repaired("empty answer", faqListType(), "", List.of("the answer is empty"), faqList(10), v -> true),
        repaired("blank answer", faqListType(), "   \n ", List.of("the answer is empty"), faqList(10), v -> true),
        repaired("the word null", faqListType(), "null", List.of("holds no JSON object", "(was 'null')"), faqList(10), v -> true),
        repaired("JSON null in a fence", faqListType(), "```json\nnull\n```", List.of("holds no JSON object"), faqList(10), v -> true),
        repaired("prose only", faqListType(), "I am sorry, I cannot find ten questions in these sources.",
            List.of("holds no JSON object"), faqList(10), v -> true),
        repaired("missing required field", faqListType(), faqList(10).replace("\"answer\":\"Answer 4.\",", ""),
            List.of("faqs[3].answer: is required but missing"), faqList(10), v -> true),
        repaired("blank nested field", faqListType(), faqList(10).replace("Answer 3.", " "),
            List.of("faqs[2].answer: must not be blank (was ' ')"), faqList(10), v -> true),
        repaired("empty nested list", faqListType(), faqList(10).replace("[\"Source 5\"]", "[]"),
            List.of("faqs[4].sources: must not be empty (was 0 items)"), faqList(10), v -> true),
        repaired("extra field", faqListType(), faqList(10).replace("\"question\":\"Question 1?\"", "\"question\":\"Question 1?\",\"confidence\":0.9"),
            List.of("faqs[0].confidence: is not a property of this object; expected only [question, answer, sources]"), faqList(10), v -> true),
        repaired("misspelt key", faqListType(), faqList(10).replace("\"question\":\"Question 2?\"", "\"questoin\":\"Question 2?\""),
            List.of("faqs[1].question: is required but missing", "faqs[1].questoin: is not a property"), faqList(10), v -> true),
        repaired("string where a list of objects is expected", faqListType(), "{\"faqs\":\"ten questions\"}",
            List.of("faqs[0]: must be a JSON object (was 'ten questions')"), faqList(10), v -> true),
        repaired("null list", faqListType(), "{\"faqs\":null}", List.of("faqs: must not be null"), faqList(10), v -> true),
        repaired("JSON syntax error", faqListType(), "{\"faqs\": [ {\"question\": 'Why?', } ]}",
            List.of("the answer is not valid JSON"), faqList(10), v -> true),
        repaired("object where a nested string is expected", faqListType(),
            faqList(10).replace("\"Answer 6.\"", "{\"text\":\"Answer 6.\"}"),
            List.of("faqs[5].answer: must be a string (was an object"), faqList(10), v -> true),
        repaired("several errors at once", faqListType(), "{\"faqs\":" + faqs(9).replace("Question 1?", "").replace("\"Answer 2.\"", "null") + "}",
            List.of("Fix these 3 errors", "faqs[1].answer: must not be null", "faqs: size must be between 10 and 10 (was 9 items)",
                "faqs[0].question: must not be blank"), faqList(10), v -> true),
        repaired("date in the wrong format", event(), EVENT_OK.replace("2026-12-01", "01/12/2026"),
            List.of("date: cannot be read as LocalDate (was '01/12/2026')"), EVENT_OK,
            v -> ((Event) v).date().equals(LocalDate.of(2026, 12, 1))),
        repaired("number below the minimum", event(), String.format(EVENT_WITH, "0", "ann@example.com"),
            List.of("attendees: must be greater than or equal to 1 (was 0)"), EVENT_OK, v -> ((Event) v).attendees() == 40),
        repaired("fraction where a whole number is expected", event(), String.format(EVENT_WITH, "2.5", "ann@example.com"),
            List.of("attendees: must be a whole number (was 2.5)"), EVENT_OK, v -> true),
        repaired("words where a number is expected", event(), String.format(EVENT_WITH, "\"forty\"", "ann@example.com"),
            List.of("attendees: must be a whole number (was 'forty')"), EVENT_OK, v -> true),
        repaired("invalid email", event(), String.format(EVENT_WITH, "40", "ann at example"),
            List.of("organizer: must be a well-formed email address (was 'ann at example')"), EVENT_OK, v -> true),
        repaired("null where the type does not allow it", event(), EVENT_OK.replace("\"Launch\"", "null"),
            List.of("name: must not be null"), EVENT_OK, v -> ((Event) v).name().equals("Launch")),
        repaired("array where an object is expected", event(), "[" + EVENT_OK + "," + EVENT_OK + "]",
            List.of("the answer must be a JSON object (was an array of 2 items)"), EVENT_OK, v -> true),
        repaired("enum constant that does not exist", trend(), "STABLE",
            List.of("the answer must be one of [EMERGING, DECLINING] (was 'STABLE')"), "EMERGING", v -> v == TrendCategory.EMERGING),
        repaired("enum answer naming both constants", trend(), "It is emerging in Asia but declining in Europe.",
            List.of("must be exactly one of [EMERGING, DECLINING]"), "declining", v -> v == TrendCategory.DECLINING),
        repaired("enum answer as an object", trend(), "{\"category\": \"EMERGING\"}",
            List.of("must be one of [EMERGING, DECLINING] (was an object"), "\"EMERGING\"", v -> v == TrendCategory.EMERGING),
        repaired("boolean that is neither", yesNo(), "It depends on the market.",
            List.of("the answer must be true or false (was 'It depends on the market.')"), "No.", v -> v.equals(Boolean.FALSE)),
        repaired("two different numbers", count(), "Between 3 and 4.",
            List.of("the answer must be a whole number (was 'Between 3 and 4.')"), "4", v -> v.equals(4)),
        repaired("unknown record of a sealed type", plan(), "{\"tasks\":[{\"type\":\"Refund\",\"orderId\":\"A1\"}]}",
            List.of("tasks[0].type: must be one of [BillingInquiry, ProductReturn, StatusUpdate] (was 'Refund')"),
            "{\"tasks\":[{\"type\":\"StatusUpdate\",\"orderId\":\"A1\"}]}", v -> ((Plan) v).tasks().get(0) instanceof StatusUpdate),
        repaired("sealed record without its discriminator", plan(), "{\"tasks\":[{\"orderId\":\"A1\"}]}",
            List.of("tasks[0].type: must be one of [BillingInquiry, ProductReturn, StatusUpdate] (was missing)"),
            "{\"tasks\":[{\"type\":\"StatusUpdate\",\"orderId\":\"A1\"}]}", v -> true),
        repaired("constraint inside a sealed record", plan(), "{\"tasks\":[{\"type\":\"BillingInquiry\",\"invoiceNumber\":\"\"}]}",
            List.of("tasks[0].invoiceNumber: must not be blank (was '')"),
            "{\"tasks\":[{\"type\":\"BillingInquiry\",\"invoiceNumber\":\"INV-7\"}]}",
            v -> ((BillingInquiry) ((Plan) v).tasks().get(0)).invoiceNumber().equals("INV-7")),
        repaired("empty list where one item is required", plan(), "{\"tasks\":[]}",
            List.of("tasks: must not be empty (was 0 items)"), "{\"tasks\":[{\"type\":\"StatusUpdate\",\"orderId\":\"A1\"}]}", v -> true)));
  }

  /** Answers the parser accepts as they are, repaired silently. */
  static Stream<Arguments> tolerated() {
    return Stream.concat(moreTolerated(), Stream.of(
        tolerated("JSON in a Markdown fence", faqListType(), "```json\n" + faqList(10) + "\n```", v -> ((FaqList) v).faqs().size() == 10),
        tolerated("fence without language", faqListType(), "Here you go:\n```\n" + faqList(10) + "\n```\nAnything else?", v -> true),
        tolerated("prose before and after", faqListType(), "Sure! Here are the FAQs: " + faqList(10) + " Let me know [if] you need more.",
            v -> ((FaqList) v).faqs().get(9).question().equals("Question 10?")),
        tolerated("property names in another case", faqListType(), faqList(10).replace("\"question\"", "\"Question\""), v -> true),
        tolerated("list sent as a JSON string", faqListType(), "{\"faqs\":" + quote(faqs(10)) + "}", v -> ((FaqList) v).faqs().size() == 10),
        tolerated("one object where a list is expected", listOfFaq(), faqs(1).substring(1, faqs(1).length() - 1),
            v -> ((List<?>) v).size() == 1),
        tolerated("native-mode wrapper", listOfFaq(), "{\"value\":" + faqs(2) + "}", v -> ((List<?>) v).size() == 2),
        tolerated("optional property missing", event(), EVENT_OK.replace("\"location\":\"Berlin\",", ""),
            v -> ((Event) v).location().equals(Optional.empty())),
        tolerated("optional property null", event(), EVENT_OK.replace("\"Berlin\"", "null"), v -> ((Event) v).location().isEmpty()),
        tolerated("number in a sentence", event(), String.format(EVENT_WITH, "\"about 40 people\"", "ann@example.com"),
            v -> ((Event) v).attendees() == 40),
        tolerated("bare enum in lower case", trend(), "emerging", v -> v == TrendCategory.EMERGING),
        tolerated("quoted enum with a full stop", trend(), "\"Declining\".", v -> v == TrendCategory.DECLINING),
        tolerated("enum in a sentence", trend(), "The trend is clearly **emerging**.", v -> v == TrendCategory.EMERGING),
        tolerated("yes with punctuation", yesNo(), "Yes.", v -> v.equals(Boolean.TRUE)),
        tolerated("boolean in a fence", yesNo(), "```\nfalse\n```", v -> v.equals(Boolean.FALSE)),
        tolerated("number with prose", count(), "There are 1,200 items.", v -> v.equals(1200)),
        tolerated("sealed records by name in any case", tasks(),
            "[{\"type\":\"billinginquiry\",\"invoiceNumber\":\"INV-1\"},{\"type\":\"ProductReturn\",\"productName\":\"Lamp\",\"reason\":\"broken\"}]",
            v -> ((List<?>) v).get(0) instanceof BillingInquiry && ((List<?>) v).get(1) instanceof ProductReturn)));
  }

  /** Answers that never comply: the exception keeps every attempt. */
  static Stream<Arguments> neverRepaired() {
    return Stream.concat(moreNeverRepaired(), Stream.of(
        Arguments.of("always nine FAQs", faqListType(), faqList(9), "faqs: size must be between 10 and 10 (was 9 items)"),
        Arguments.of("always prose", faqListType(), "I cannot do that.", "holds no JSON object"),
        Arguments.of("always an unknown constant", trend(), "SIDEWAYS", "must be one of [EMERGING, DECLINING]")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("repairedByReask")
  void repairedByTheReask(String name, OutputType<?> output, String bad, List<String> errors, String good, Predicate<Object> check) {
    ScriptedModel model = ScriptedModel.replying(bad, good);
    Response<?> response = Harness.invoke(output, model);

    assertTrue(check.test(response.value()), "value: " + response.value());
    assertEquals(2, model.requests.size());
    List<ChatMessage> followUp = model.requests.get(1).messages();
    assertEquals(bad.isBlank() ? "(empty answer)" : bad, ((AiMessage) followUp.get(followUp.size() - 2)).text());
    String reask = ((UserMessage) followUp.get(followUp.size() - 1)).singleText();
    for (String error : errors) {
      assertTrue(reask.contains(error), "the re-ask should name '" + error + "' but is:\n" + reask);
    }
    assertEquals(2, response.attempts());
    assertEquals(1, response.failedAttempts().size());
    assertEquals(bad, response.failedAttempts().get(0).rawText());
    assertEquals(good, response.rawText());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("tolerated")
  void toleratedWithoutReask(String name, OutputType<?> output, String answer, Predicate<Object> check) {
    ScriptedModel model = ScriptedModel.replying(answer);
    Response<?> response = Harness.invoke(output, model);

    assertTrue(check.test(response.value()), "value: " + response.value());
    assertEquals(1, model.requests.size());
    assertEquals(1, response.attempts());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("neverRepaired")
  void failsWithEveryAttempt(String name, OutputType<?> output, String bad, String error) {
    ScriptedModel model = ScriptedModel.replying(bad);
    OutputException e = assertThrows(OutputException.class, () -> Harness.invoke(output, model));

    assertEquals(3, model.requests.size());
    assertEquals(3, e.attempts().size());
    for (Attempt attempt : e.attempts()) {
      assertEquals(bad, attempt.rawText());
      assertTrue(attempt.errors().stream().anyMatch(x -> x.contains(error)), attempt.errors().toString());
    }
    // The messages of the last request: system, user, then two re-asks each with the answer.
    assertEquals(6, e.messages().size());
    assertInstanceOf(AiMessage.class, e.messages().get(2));
    assertTrue(e.getMessage().contains("after 3 attempt(s)"), e.getMessage());
  }

  private static Arguments repaired(String name, OutputType<?> output, String bad, List<String> errors, String good, Predicate<Object> check) {
    return Arguments.of(name, output, bad, errors, good, check);
  }

  private static Arguments tolerated(String name, OutputType<?> output, String answer, Predicate<Object> check) {
    return Arguments.of(name, output, answer, check);
  }

  private static String quote(String json) {
    return "\"" + json.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }
}
