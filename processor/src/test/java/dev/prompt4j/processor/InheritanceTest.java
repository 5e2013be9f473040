package dev.prompt4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.prompt4j.Response;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Prompt interfaces that extend others: which @Call applies, bases left incomplete on purpose, diamonds. */
class InheritanceTest {

  private static JavaFileObject source(String name, String... lines) {
    return DiagnosticsTest.source(name, lines);
  }

  @Test
  void anInheritedMethodKeepsTheCallOfTheInterfaceThatDeclaresIt() throws Exception {
    JavaFileObject base = source("Base",
        "@Call(provider = \"anthropic\", model = \"claude-haiku-4-5\")",
        "public interface Base {",
        "  @Prompt(\"Classify {text}\")",
        "  String classify(String text);",
        "}");
    JavaFileObject sub = source("Sub",
        "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
        "public interface Sub extends Base {",
        "  @Prompt(\"Summarize {text}\")",
        "  String summarize(String text);",
        "}");
    Compiled compiled = Compiled.load(base, sub);
    Object instance = compiled.instance("com.acme.Sub", new RecordingModel(request -> "ok"));

    assertThat(compiled.compilation).generatedSourceFile("com.acme.Prompt4j_Sub").contentsAsUtf8String()
        .contains("\"classify\",\n      CallSpec.of(\"anthropic\", \"claude-haiku-4-5\")");
    assertThat(compiled.compilation).generatedSourceFile("com.acme.Prompt4j_Sub").contentsAsUtf8String()
        .contains("\"summarize\",\n      CallSpec.of(\"openai\", \"gpt-4o-mini\")");
    assertEquals("ok", instance.getClass().getMethod("classify", String.class).invoke(instance, "x"));
  }

  @Test
  void aBaseWithoutCallOrWithTypeParametersIsLeftToTheInterfacesThatExtendIt() throws Exception {
    JavaFileObject classifier = source("Classifier",
        "public interface Classifier<T> {",
        "  @Prompt(\"Classify {text}\")",
        "  T classify(String text);",
        "}");
    JavaFileObject summaries = source("Summaries",
        "public interface Summaries {",
        "  @Prompt(\"Summarize {text}\")",
        "  Response<String> summarize(String text);",
        "}");
    JavaFileObject moods = source("Moods",
        "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
        "public interface Moods extends Classifier<Moods.Mood>, Summaries {",
        "  enum Mood { HAPPY, SAD }",
        "}");
    Compilation compilation = Compiled.compile(classifier, summaries, moods);

    assertThat(compilation).succeededWithoutWarnings();
    assertTrue(compilation.generatedSourceFiles().stream().noneMatch(f -> f.getName().contains("Prompt4j_Classifier")
        || f.getName().contains("Prompt4j_Summaries")), "bases get no implementation of their own");
    Compiled compiled = Compiled.of(compilation);
    Object moodsInstance = compiled.instance("com.acme.Moods", new RecordingModel(request -> "Sad, mostly."));
    Object mood = moodsInstance.getClass().getMethod("classify", String.class).invoke(moodsInstance, "rain");
    assertEquals("SAD", mood.toString(), "the type argument was bound: an enum answer");
    Response<?> summary = (Response<?>) moodsInstance.getClass().getMethod("summarize", String.class).invoke(moodsInstance, "rain");
    assertEquals("gpt-4o-mini", summary.model());
  }

  @Test
  void aBaseWithoutCallThatNothingExtendsStillNeedsOne() {
    JavaFileObject lonely = source("Lonely",
        "public interface Lonely {",
        "  @Prompt(\"Summarize {text}\")",
        "  String summarize(String text);",
        "}");

    assertThat(Compiled.compile(lonely)).hadErrorContaining("[Prompt4j:MissingCall] summarize() has no @Call");
  }

  @Test
  void aMethodTwoBasesDeclareIsImplementedOnceAndObjectMethodsAreNotPrompts() {
    JavaFileObject a = source("A",
        "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
        "public interface A {",
        "  @Prompt(\"Summarize {x}\")",
        "  String summarize(String x);",
        "}");
    JavaFileObject b = source("B",
        "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
        "public interface B {",
        "  @Prompt(\"Summarize {x}\")",
        "  String summarize(String x);",
        "}");
    JavaFileObject c = source("C",
        "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
        "public interface C extends A, B {",
        "  String toString();",
        "}");
    Compilation compilation = Compiled.compile(a, b, c);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.Prompt4j_C").contentsAsUtf8String()
        .doesNotContain("SUMMARIZE_2");
  }
}
