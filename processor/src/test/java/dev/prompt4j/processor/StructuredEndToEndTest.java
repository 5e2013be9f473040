package dev.prompt4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.langchain4j.data.message.UserMessage;
import dev.prompt4j.OutputException;
import dev.prompt4j.Prompt4j;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Structured answers through generated code: the schema derived at compile time, the answer parsed, validated and re-asked. */
class StructuredEndToEndTest {

  static final JavaFileObject FAQS = Compiled.source("com.acme.Faqs",
      "package com.acme;",
      "import dev.prompt4j.*;",
      "import jakarta.validation.constraints.*;",
      "import java.util.List;",
      "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
      "public interface Faqs {",
      "  record Faq(@NotBlank String question, @NotBlank String answer) {}",
      "  record FaqList(@Size(min = 3, max = 3) List<Faq> faqs) {}",
      "  sealed interface Task permits Refund, Escalate {}",
      "  record Refund(@Positive int amount) implements Task {}",
      "  record Escalate(String team) implements Task {}",
      "",
      "  @Prompt(value = \"Write three FAQs about {topic}\", maxAttempts = 2)",
      "  FaqList faqs(String topic);",
      "",
      "  @Prompt(\"Plan the next step for: {ticket}\")",
      "  List<Task> plan(String ticket);",
      "",
      "  @Prompt(\"Is {claim} true?\")",
      "  boolean check(String claim);",
      "",
      "  record Page<T>(List<T> items, @PositiveOrZero int total) {}",
      "  @Prompt(\"List titles about {topic}\")",
      "  Page<String> titles(String topic);",
      "}");

  static final Compiled COMPILED = Compiled.load(FAQS);

  private static Object instance(RecordingModel model) {
    Class<?> type = COMPILED.type("com.acme.Faqs");
    return Prompt4j.override(Prompt4j.builder().classLoader(COMPILED).properties(java.util.Map.of()).build().create(type)).client(model).build();
  }

  private static Object call(Object target, String name, String argument) throws Throwable {
    Method method = target.getClass().getMethod(name, String.class);
    try {
      return method.invoke(target, argument);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }

  private static final String TWO = "{\"faqs\":[{\"question\":\"Q1\",\"answer\":\"A1\"},{\"question\":\"Q2\",\"answer\":\"A2\"}]}";
  private static final String THREE =
      "```json\n{\"faqs\":[{\"question\":\"Q1\",\"answer\":\"A1\"},{\"question\":\"Q2\",\"answer\":\"A2\"},{\"question\":\"Q3\",\"answer\":\"A3\"}]}\n```";

  @Test
  void recordAnswerIsReaskedUntilValid() throws Throwable {
    AtomicInteger calls = new AtomicInteger();
    RecordingModel model = new RecordingModel(request -> calls.getAndIncrement() == 0 ? TWO : THREE);

    Object faqs = call(instance(model), "faqs", "Maven");

    assertTrue(faqs.toString().contains("Q3"), faqs.toString());
    assertEquals(2, model.requests.size());
    String reask = ((UserMessage) model.requests.get(1).messages().get(model.requests.get(1).messages().size() - 1)).singleText();
    assertTrue(reask.contains("faqs") && reask.contains("size"), reask);
  }

  @Test
  void maxAttemptsFromTheAnnotationBoundsTheReasks() {
    RecordingModel model = new RecordingModel(request -> TWO);

    OutputException failure = assertThrows(OutputException.class, () -> call(instance(model), "faqs", "Maven"));

    assertEquals(2, failure.attempts().size());
    assertEquals(2, model.requests.size());
    assertTrue(failure.attempts().stream().allMatch(a -> TWO.equals(a.rawText())));
  }

  @Test
  void sealedInterfaceAnswersAreReadByTheirTypeName() throws Throwable {
    RecordingModel model = new RecordingModel(request -> "[{\"type\":\"Refund\",\"amount\":20},{\"type\":\"escalate\",\"team\":\"billing\"}]");

    List<?> plan = (List<?>) call(instance(model), "plan", "double charge");

    assertEquals(List.of("Refund", "Escalate"), plan.stream().map(t -> t.getClass().getSimpleName()).toList());
  }

  @Test
  void booleanAnswerFromProse() throws Throwable {
    RecordingModel model = new RecordingModel(request -> "Yes.");

    assertEquals(true, call(instance(model), "check", "water is wet"));
  }

  @Test
  void schemaIsGeneratedIntoTheDescriptor() {
    Compilation compilation = COMPILED.compilation;
    assertThat(compilation).generatedSourceFile("com.acme.Prompt4j_Faqs").contentsAsUtf8String()
        .containsMatch("\"minItems\": 3,\\s+\"maxItems\": 3");
    assertThat(compilation).generatedSourceFile("com.acme.Prompt4j_Faqs").contentsAsUtf8String()
        .contains("Faqs.Refund.class, Faqs.Escalate.class");
  }

  @Test
  void aGenericRecordIsReadWithItsTypeArguments() throws Throwable {
    RecordingModel model = new RecordingModel(request -> "{\"items\": [\"Dune\", \"Emma\"], \"total\": 2}");

    Object page = call(instance(model), "titles", "novels");

    assertEquals("Page[items=[Dune, Emma], total=2]", page.toString());
    assertThat(COMPILED.compilation).generatedSourceFile("com.acme.Prompt4j_Faqs").contentsAsUtf8String()
        .containsMatch("\"items\": \\{\\s+\"type\": \"array\",\\s+\"items\": \\{\\s+\"type\": \"string\"");
  }
}
