package dev.prompt4j.output;

import static dev.prompt4j.output.Types.FAQ_LIST;
import static dev.prompt4j.output.Types.faqList;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.prompt4j.internal.output.OutputParseException;
import dev.prompt4j.internal.output.OutputType;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.output.Types.FaqList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Answers built to break the parser: they end in an error the re-ask can name ({@link
 * OutputParseException}), never in {@code StackOverflowError} or {@code OutOfMemoryError}.
 */
class HostileAnswerTest {
  private static final OutputType<FaqList> FAQS = Outputs.json(new TypeReference<FaqList>() {}, "FaqList", FAQ_LIST);
  private static final String DEEP = "[".repeat(100_000) + "]".repeat(100_000);

  @ParameterizedTest
  @ValueSource(strings = {"bare", "field", "fenced", "in prose", "as a JSON string"})
  void anAnswerNested100000DeepIsAnErrorToReask(String where) {
    String answer = switch (where) {
      case "bare" -> DEEP;
      case "field" -> "{\"faqs\":" + DEEP + "}";
      case "fenced" -> "```json\n{\"faqs\":" + DEEP + "}\n```";
      case "in prose" -> "Here it is: {\"faqs\":" + DEEP + "} Hope it helps.";
      default -> "{\"faqs\":\"" + DEEP + "\"}";
    };

    OutputParseException e = assertThrows(OutputParseException.class, () -> FAQS.parse(answer));

    String errors = String.join("\n", e.errors());
    assertTrue(errors.contains("nesting depth") || errors.contains("must be"), errors);
    assertTrue(errors.length() < 2_000, "the re-ask names the problem without echoing the answer: " + errors.length());
  }

  @Test
  void aTenMegabyteStringIsReadAndOneOverTheLimitIsAnErrorToReask() throws Exception {
    String tenMb = "y".repeat(10_000_000);
    FaqList read = FAQS.parse(faqList(10).replace("Answer 1.", tenMb));
    assertEquals(10_000_000, read.faqs().get(0).answer().length());

    String tooLong = "z".repeat(17 * 1024 * 1024);
    OutputParseException e = assertThrows(OutputParseException.class, () -> FAQS.parse(faqList(10).replace("Answer 1.", tooLong)));
    assertTrue(String.join("\n", e.errors()).contains("String value length"), e.errors().toString());
  }

  @Test
  void deeplyNestedListsOfTheExpectedShapeStillParse() throws Exception {
    OutputType<List<List<List<String>>>> nested = Outputs.json(new TypeReference<>() {}, "List<List<List<String>>>",
        "{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":{\"type\":\"array\",\"items\":{\"type\":\"string\"}}}}");
    assertEquals(List.of(List.of(List.of("a"))), nested.parse("[[[\"a\"]]]"));
  }
}
