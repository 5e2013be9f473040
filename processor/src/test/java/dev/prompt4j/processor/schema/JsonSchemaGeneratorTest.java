package dev.prompt4j.processor.schema;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import dev.prompt4j.internal.Outputs;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Golden schemas of representative answer types, derived by a real compiler run: constraints become
 * schema keywords, records nest, sealed interfaces become {@code anyOf} with the discriminator, and
 * unsupported types are named with where they are.
 */
class JsonSchemaGeneratorTest {
  private static final Path GOLDENS = Path.of("src/test/resources/schema");
  private static Map<String, SchemaResult> results;

  private static final String TYPES = """
      package test;

      import dev.prompt4j.Description;
      import jakarta.validation.constraints.*;
      import java.math.BigDecimal;
      import java.time.*;
      import java.util.*;

      @interface Schema {}

      @Schema
      @Description("One frequently asked question, answered from the sources only")
      record Faq(
          @Description("A question a newcomer would ask") @NotBlank String question,
          @NotBlank @Size(max = 600) String answer,
          @Description("Titles of the sources used") @NotEmpty List<String> sources) {}

      @Schema
      record FaqList(@Size(min = 10, max = 10) List<Faq> faqs) {}

      @Schema
      enum TrendCategory { EMERGING, DECLINING }

      @Schema
      record Event(
          @NotBlank String name,
          LocalDate date,
          OffsetDateTime startsAt,
          LocalDateTime localStart,
          Optional<String> location,
          Optional<Venue> venue,
          @Min(1) @Max(10000) int attendees,
          @Positive BigDecimal price,
          @DecimalMin(value = "0.0", inclusive = false) @DecimalMax("5") double rating,
          @PositiveOrZero long waitlist,
          @Negative Integer offset,
          @Pattern(regexp = "[A-Z]{3}-\\\\d+") String code,
          @Email String organizer,
          boolean published,
          Set<TrendCategory> categories,
          List<@NotBlank String> tags) {}

      @Description("Where it happens")
      record Venue(String city, @Size(min = 2, max = 2) String country) {}

      @Schema
      sealed interface Task permits BillingInquiry, ProductReturn, StatusUpdate {}

      record BillingInquiry(@NotBlank String invoiceNumber, String concern) implements Task {}

      record ProductReturn(String productName, String reasonForReturn) implements Task {}

      record StatusUpdate(String orderId) implements Task {}

      @Schema
      record Plan(@NotEmpty List<Task> tasks) {}

      interface Answers {
        @Schema List<Faq> faqs();
        @Schema boolean isEmerging();
        @Schema int count();
        @Schema double score();
        @Schema Optional<TrendCategory> maybeTrend();
      }

      @Schema
      record WithMap(String name, Map<String, Object> extra) {}

      @Schema
      record Node(String name, List<Node> children) {}

      @Schema
      record WithObject(Object anything) {}

      final class Pojo { String name; }

      @Schema
      record WithPojo(Pojo pojo) {}

      @Schema
      sealed interface Clash permits Typed {}

      record Typed(String type) implements Clash {}

      @Schema
      record Wild(List<?> items) {}
      """;

  @BeforeAll
  static void compile() {
    SchemaRecorder recorder = new SchemaRecorder();
    Compilation compilation = javac().withProcessors(recorder).compile(JavaFileObjects.forSourceString("test.Types", TYPES));
    assertEquals(Compilation.Status.SUCCESS, compilation.status(), compilation.diagnostics().toString());
    results = recorder.results;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"Faq", "FaqList", "TrendCategory", "Event", "Task", "Plan", "faqs", "isEmerging", "count", "score", "maybeTrend"})
  void matchesTheGolden(String name) throws IOException {
    SchemaResult result = results.get(name);
    assertTrue(result.ok(), () -> String.valueOf(result.error()));
    Path golden = GOLDENS.resolve(name + ".json");
    if (Boolean.getBoolean("prompt4j.update.goldens") || !Files.exists(golden)) {
      Files.writeString(golden, result.schema() + "\n", StandardCharsets.UTF_8);
    }
    assertEquals(Files.readString(golden, StandardCharsets.UTF_8).strip(), result.schema(), "golden " + golden);
  }

  @Test
  void constraintsBecomeSchemaKeywords() {
    String faq = results.get("Faq").schema();
    assertTrue(faq.contains("\"question\":{\"type\":\"string\",\"description\":\"A question a newcomer would ask\",\"minLength\":1,\"pattern\":\"\\\\S\"}"), faq);
    assertTrue(faq.contains("\"required\":[\"question\",\"answer\",\"sources\"],\"additionalProperties\":false"), faq);
    String list = results.get("FaqList").schema();
    assertTrue(list.contains("\"minItems\":10,\"maxItems\":10"), list);
    String event = results.get("Event").schema();
    assertTrue(event.contains("\"attendees\":{\"type\":\"integer\",\"minimum\":1,\"maximum\":10000}"), event);
    assertTrue(event.contains("\"price\":{\"type\":\"number\",\"exclusiveMinimum\":0}"), event);
    assertTrue(event.contains("\"rating\":{\"type\":\"number\",\"exclusiveMinimum\":0,\"maximum\":5}"), event);
    assertTrue(event.contains("\"code\":{\"type\":\"string\",\"pattern\":\"[A-Z]{3}-\\\\d+\"}"), event);
    assertTrue(event.contains("\"organizer\":{\"type\":\"string\",\"format\":\"email\"}"), event);
    assertTrue(event.contains("\"location\":{\"type\":[\"string\",\"null\"]}"), event);
    assertTrue(event.contains("\"tags\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"minLength\":1,\"pattern\":\"\\\\S\"}}"), event);
  }

  @Test
  void notBlankAlsoRefusesWhitespaceOnly() {
    String faq = results.get("Faq").schema();
    assertTrue(faq.contains("\"answer\":{\"type\":\"string\",\"minLength\":1,\"pattern\":\"\\\\S\",\"maxLength\":600}"), faq);
    assertTrue(faq.contains("\"items\":{\"type\":\"string\"},\"minItems\":1}"), "@NotEmpty on a list adds no pattern: " + faq);
  }

  @Test
  void sealedInterfacesListTheirRecordsWithTheDiscriminator() {
    SchemaResult plan = results.get("Plan");
    assertEquals(List.of("BillingInquiry", "ProductReturn", "StatusUpdate"),
        plan.subtypes().stream().map(TypeElement::getSimpleName).map(Object::toString).toList());
    assertTrue(plan.schema().contains(
        "{\"type\":\"object\",\"properties\":{\"type\":{\"type\":\"string\",\"enum\":[\"StatusUpdate\"]},\"orderId\":{\"type\":\"string\"}},"
            + "\"required\":[\"type\",\"orderId\"],\"additionalProperties\":false}"), plan.schema());
    assertTrue(results.get("Faq").subtypes().isEmpty());
  }

  @Test
  void sameInputSameSchema() {
    SchemaRecorder again = new SchemaRecorder();
    javac().withProcessors(again).compile(JavaFileObjects.forSourceString("test.Types", TYPES));
    for (String name : List.of("Event", "Plan", "FaqList")) {
      assertEquals(results.get(name).schema(), again.results.get(name).schema());
    }
  }

  @Test
  void unsupportedTypesAreNamedWithTheirPlace() {
    assertError("WithMap", "Map<String,Object> at WithMap.extra is not supported: use a record", "extra");
    assertError("Node", "Node at Node.children[] contains itself: recursive records are not supported", "Node");
    assertError("WithObject", "Object at WithObject.anything is not supported: use a record", "anything");
    assertError("WithPojo", "Pojo at WithPojo.pojo is not supported: use a record", "pojo");
    assertError("Clash", "Typed.type clashes with the discriminator 'type' that names the records of a sealed interface: rename the component", "type");
    assertError("Wild", "List<?> at Wild.items is not supported: give a concrete element type, as in List<Faq>", "items");
  }

  @Test
  void goldensAreSchemasTheRuntimeAccepts() {
    // The runtime parses the schema when the output type is made; a schema it cannot read fails here.
    for (String name : List.of("Faq", "FaqList", "Event", "Plan", "faqs")) {
      assertEquals(name, Outputs.json(new TypeReference<Object>() {}, name, results.get(name).schema()).typeName());
    }
  }

  private static void assertError(String name, String message, String element) {
    SchemaResult result = results.get(name);
    assertFalse(result.ok(), () -> "expected an error for " + name + " but got " + result.schema());
    assertNull(result.schema());
    assertEquals(message, result.error());
    assertEquals(element, result.errorElement().getSimpleName().toString());
  }
}
