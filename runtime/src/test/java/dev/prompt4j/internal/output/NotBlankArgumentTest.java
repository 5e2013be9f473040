package dev.prompt4j.internal.output;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.type.TypeReference;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A simple tool parameter is checked against its schema only: {@code @NotBlank String quoteId} is
 * {@code minLength: 1} with {@code pattern: \S} there (as the processor writes it), so whitespace alone
 * is refused with Bean Validation's words, like the other constraint errors.
 */
class NotBlankArgumentTest {
  private static final String SCHEMA = """
      {"type":"object","properties":{"quoteId":{"type":"string","description":"the quote to book","minLength":1,"pattern":"\\\\S"}},
       "required":["quoteId"],"additionalProperties":false}""";

  private final ArgumentsReader reader = new ArgumentsReader(SCHEMA, List.of("quoteId"), new TypeReference<String>() {});

  @Test
  void whitespaceOnlyIsBlank() {
    for (String blank : List.of("   ", "\\t\\n", "")) {
      OutputParseException e = assertThrows(OutputParseException.class, () -> reader.read("{\"quoteId\":\"" + blank + "\"}"));
      assertEquals(List.of("quoteId must not be blank"), e.errors(), blank);
    }
  }

  @Test
  void textWithSpacesAroundIsNotBlank() throws Exception {
    assertArrayEquals(new Object[] {" Q-1 "}, reader.read("{\"quoteId\":\" Q-1 \"}"));
  }

  @Test
  void aStringBlankOnlyByUnicodesWiderWhitespaceIsJudgedByThePatternOnBothPaths() throws Exception {
    // An em space is whitespace to String.isBlank (the fast path's check) but not to the pattern's \s: the fast path
    // hands it to the tolerant one, which accepts it as the pattern does; no fast answer differs from the pattern's.
    assertArrayEquals(new Object[] {"\u2003"}, reader.read("{\"quoteId\":\"\u2003\"}"));
    assertArrayEquals(new Object[] {"Q"}, reader.read("{\"quoteId\":\"Q\"}"));
  }

  @Test
  void notBlankIsDescribedInWordsForNativeMode() {
    assertEquals("(not blank)", StructuredRequests.description(
        OutputMapper.MAPPER.createObjectNode().put("type", "string").put("minLength", 1).put("pattern", "\\S")));
  }
}
