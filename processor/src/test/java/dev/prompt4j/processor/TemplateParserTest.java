package dev.prompt4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.template.Template;
import dev.prompt4j.processor.template.Template.Literal;
import dev.prompt4j.processor.template.Template.Placeholder;
import dev.prompt4j.processor.template.Template.Role;
import dev.prompt4j.processor.template.Template.Section;
import dev.prompt4j.processor.template.Template.Segment;
import dev.prompt4j.processor.template.TemplateException;
import dev.prompt4j.processor.template.TemplateParser;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The template language, parsed once at compile time: roles, placeholders, formats, escapes, layout, errors. */
class TemplateParserTest {

  private static Template parse(String text) {
    try {
      return TemplateParser.parse(text);
    } catch (TemplateException e) {
      throw new AssertionError(e.getMessage(), e);
    }
  }

  private static TemplateException error(String text) {
    return assertThrows(TemplateException.class, () -> TemplateParser.parse(text));
  }

  private static Placeholder placeholder(String name, int line) {
    return new Placeholder(name, List.of(), null, "{" + name + "}", line);
  }

  @Test
  void withoutMarkersTheWholeTemplateIsOneUserMessage() {
    Template template = parse("Say hello to {name}.");

    assertFalse(template.explicitRoles());
    assertEquals(List.of(new Section(Role.USER, List.of(new Literal("Say hello to "), placeholder("name", 1), new Literal(".")), 1)),
        template.sections());
  }

  @Test
  void roleMarkersStartSectionsInOrderWithTheirLines() {
    Template template = parse("""
        SYSTEM: You are {persona}.
        USER:
        Question: {question}
        ASSISTANT: Sure.
        USER: Thanks""");

    assertTrue(template.explicitRoles());
    assertEquals(List.of(
            new Section(Role.SYSTEM, List.of(new Literal("You are "), placeholder("persona", 1), new Literal(".")), 1),
            new Section(Role.USER, List.of(new Literal("Question: "), placeholder("question", 3)), 2),
            new Section(Role.ASSISTANT, List.of(new Literal("Sure.")), 4),
            new Section(Role.USER, List.of(new Literal("Thanks")), 5)),
        template.sections());
  }

  @Test
  void markersCountOnlyAtTheStartOfALineAndInCapitals() {
    Template template = parse("""
        USER: Explain what USER: means, and why
        \\user: is not a marker, nor is  SYSTEM : this.""");
    // Unescaped, "user:" at the start of a line is an UnknownRoleMarker error: see aRoleLikeLine...

    assertEquals(1, template.sections().size());
    assertEquals(List.of(new Literal("Explain what USER: means, and why\nuser: is not a marker, nor is  SYSTEM : this.")),
        template.sections().get(0).segments());
  }

  @Test
  void sectionsAreTrimmedButKeepTheirInnerLayout() {
    Template template = parse("SYSTEM:\n\n   Be brief.\n\n   Be kind.  \n\nUSER:   Hi   \n\n");

    assertEquals(List.of(new Literal("Be brief.\n\n   Be kind.")), template.sections().get(0).segments());
    assertEquals(List.of(new Literal("Hi")), template.sections().get(1).segments());
  }

  @Test
  void commonIndentationIsRemovedAndLineEndingsNormalized() {
    Template template = parse("    SYSTEM: Rules:\r\n      - one\r\n      - two\r\n    USER: {q}\r\n");

    assertEquals(List.of(new Literal("Rules:\n  - one\n  - two")), template.sections().get(0).segments());
    assertEquals("SYSTEM: a\n  b", TemplateParser.normalize("\tSYSTEM: a\r\t  b\r\n"));
  }

  @Test
  void messagesSplicesExactlyOnePlaceholder() {
    Template template = parse("""
        SYSTEM: Be kind.
        MESSAGES: {history}
        USER: {question}""");

    assertEquals(new Section(Role.MESSAGES, List.of(placeholder("history", 2)), 2), template.sections().get(1));
  }

  @Test
  void doubledBracesAreLiteralBraces() {
    Template template = parse("Answer as {{\"mood\": \"{mood}\"}} and never }}{{.");

    assertEquals(List.of(new Literal("Answer as {\"mood\": \""), placeholder("mood", 1), new Literal("\"} and never }{.")),
        template.sections().get(0).segments());
  }

  @Test
  void placeholdersCarryPathFormatAndSource() {
    List<Segment> segments = parse("{order.customer.name} {items:list} {rows : lists} { spaced }").sections().get(0).segments();

    assertEquals(new Placeholder("order", List.of("customer", "name"), null, "{order.customer.name}", 1), segments.get(0));
    assertEquals(new Placeholder("items", List.of(), "list", "{items:list}", 1), segments.get(2));
    assertEquals(new Placeholder("rows", List.of(), "lists", "{rows : lists}", 1), segments.get(4));
    assertEquals(new Placeholder("spaced", List.of(), null, "{ spaced }", 1), segments.get(6));
  }

  @Test
  void placeholderLinesCountFromTheTemplateStart() {
    List<Segment> segments = parse("\n\nSYSTEM:\n\nfirst {a}\nsecond\n{b}\nUSER: {c}").sections().stream()
        .flatMap(s -> s.segments().stream()).filter(s -> s instanceof Placeholder).toList();

    assertEquals(List.of(5, 7, 8), segments.stream().map(s -> ((Placeholder) s).line()).toList());
  }

  @Test
  void unicodeAndDollarsAreText() {
    assertEquals(List.of(new Literal("Grüße, 世界 $1 \\n "), placeholder("name", 1), new Literal(" 🎉")),
        parse("Grüße, 世界 $1 \\n {name} 🎉").sections().get(0).segments());
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      ``                                   | EmptyTemplate       | the template is empty
      ` \n\t `                             | EmptyTemplate       | the template is empty
      `Hello\nUSER: {q}`                   | TextBeforeFirstRole | text 'Hello' stands before the first role marker (USER:)
      `USER: Hi\nASSISTANT:\nUSER: again`  | EmptyRoleSection    | the ASSISTANT: section at template line 2 is empty
      `USER: {q}\nSYSTEM:`                 | EmptyRoleSection    | the SYSTEM: section at template line 2 is empty
      `MESSAGES: history`                  | MessagesSyntax      | not 'history' (template line 1)
      `USER: a\nMESSAGES: {h:list}`        | MessagesSyntax      | not '{h:list}' (template line 2)
      `MESSAGES: {h.items}`                | MessagesSyntax      | not '{h.items}' (template line 1)
      `MESSAGES: {a}{b}`                   | MessagesSyntax      | not '{a}{b}' (template line 1)
      `line one\nline } two`               | UnbalancedBraces    | '}' without a matching '{' at template line 2 near 'line } two'
      `a {b {c}`                           | UnbalancedBraces    | '{' without a matching '}' at template line 1 near 'a {b {c}'
      `a\nb\nc {d`                         | UnbalancedBraces    | '{' without a matching '}' at template line 3 near 'c {d'
      `{open\n}`                           | UnbalancedBraces    | '{' without a matching '}' at template line 1
      `{}`                                 | MalformedPlaceholder| {} at template line 1 is not a placeholder
      `x\n{first name}`                    | MalformedPlaceholder| {first name} at template line 2 is not a placeholder
      `{a..b}`                             | MalformedPlaceholder| {a..b} at template line 1 is not a placeholder
      `{1st}`                              | MalformedPlaceholder| {1st} at template line 1 is not a placeholder
      `{"a": 1}`                           | MalformedPlaceholder| {"a": 1} at template line 1 is not a placeholder
      `SYSTEM: x\nUSER:\n\n{items:bullets}`| UnknownFormatSpec   | {items:bullets} at template line 4 has the unknown format ':bullets'
      `{items:}`                           | UnknownFormatSpec   | {items:} at template line 1 has the unknown format ':'
      """)
  void malformedTemplatesNameTheRuleAndTheLine(String text, String tag, String message) {
    TemplateException e = error(text.replace("\\n", "\n").replace("\\t", "\t"));

    assertEquals(tag, e.diagnostic().tag());
    assertTrue(e.getMessage().startsWith("[Prompt4j:" + tag + "] "), e.getMessage());
    assertTrue(e.getMessage().contains(message), e.getMessage());
  }

  @Test
  void errorsCarryTheCatalogEntryAndItsArguments() {
    TemplateException e = error("SYSTEM:\nUSER: hi");

    assertEquals(Diagnostic.EMPTY_ROLE_SECTION, e.diagnostic());
    assertEquals(List.of("SYSTEM", 1), List.of(e.arguments()));
    assertEquals(Diagnostic.EMPTY_ROLE_SECTION.format("SYSTEM", 1), e.getMessage());
  }

  @Test
  void aByteOrderMarkFromATemplateFileIsNotText() {
    Template template = parse("\uFEFFSYSTEM: Be brief.\nUSER: Hi");

    assertEquals(List.of(Role.SYSTEM, Role.USER), template.sections().stream().map(Section::role).toList());
    assertEquals(List.of(new Literal("Be brief.")), template.sections().get(0).segments());
  }

  @Test
  void placeholdersTakeAnyJavaIdentifier() {
    Template template = parse("Größe: {größe}, {_x$1}");

    List<Segment> segments = template.sections().get(0).segments();
    assertEquals("größe", ((Placeholder) segments.get(1)).name());
    assertEquals("_x$1", ((Placeholder) segments.get(3)).name());
  }

  @Test
  void aRoleLikeLineIsAnErrorWhenTheTemplateHasMarkersAndAWarningWhenItHasNone() {
    TemplateException error = error("SYSTEM: Be brief.\nuser: {q}");
    assertEquals(Diagnostic.UNKNOWN_ROLE_MARKER, error.diagnostic());
    assertEquals(List.of("user:", 2, "USER:", "\\user:"), List.of(error.arguments()));

    List<TemplateException> warnings = new java.util.ArrayList<>();
    Template template;
    try {
      template = TemplateParser.parse("Continue:\nHuman: hi\nBot : hello\nNote: prose", warnings);
      TemplateParser.parse("SYSTEM: Compare.\nModel: a car model, not a role\nUSER: {q}", warnings);
    } catch (TemplateException e) {
      throw new AssertionError(e);
    }
    assertEquals(List.of(Diagnostic.ROLE_LIKE_TEXT, Diagnostic.ROLE_LIKE_TEXT, Diagnostic.ROLE_LIKE_TEXT),
        warnings.stream().map(TemplateException::diagnostic).toList());
    String aliases = "the roles are SYSTEM, USER, ASSISTANT and MESSAGES";
    assertEquals(List.of("Model:", 2, aliases, "ASSISTANT:", "\\Model:"), List.of(warnings.get(2).arguments()));
    assertEquals(List.of("Human:", 2, aliases, "USER:", "\\Human:"), List.of(warnings.get(0).arguments()));
    assertEquals(List.of("Bot :", 3, aliases, "ASSISTANT:", "\\Bot :"), List.of(warnings.get(1).arguments()));
    assertEquals(List.of(new Literal("Continue:\nHuman: hi\nBot : hello\nNote: prose")), template.sections().get(0).segments());
  }

  @Test
  void aBackslashBeforeARoleWordKeepsTheLineAsTextWithoutTheBackslash() {
    Template template = parse("SYSTEM: Quote the transcript:\n  \\User: hi\n\\USER: literal\nUSER: {q}");

    assertEquals(2, template.sections().size());
    assertEquals(List.of(new Literal("Quote the transcript:\n  User: hi\nUSER: literal")), template.sections().get(0).segments());
  }

  @Test
  void invisibleCharactersCountAsWhitespaceWhenDecidingASectionIsEmpty() {
    TemplateException section = error("SYSTEM: \u200b\u200c\u200d\uFEFF\u3000\u00a0\nUSER: hi");
    assertEquals(Diagnostic.EMPTY_ROLE_SECTION, section.diagnostic());
    assertEquals(Diagnostic.EMPTY_TEMPLATE, error("\u200b \u3000").diagnostic());
    // Visible text around them is kept as written.
    assertEquals(List.of(new Literal("a\u200bb")), parse("a\u200bb").sections().get(0).segments());
  }

  @Test
  void commonIndentationIsRemovedAndRelativeIndentationKept() {
    Template template = parse("""
            Fix this code:
              if (x) {{
                y();
              }}
            Thanks""".indent(4));

    assertEquals(List.of(new Literal("Fix this code:\n  if (x) {\n    y();\n  }\nThanks")), template.sections().get(0).segments());
  }
}
