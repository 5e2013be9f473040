package dev.prompt4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.prompt4j.Prompt4j;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * An interface whose answer type another processor generates in a later round is deferred, then
 * implemented once the type exists: an enum answer, and a record answer whose JSON Schema is derived
 * from the generated record.
 */
class MultiRoundTest {

  /** Generates enum com.acme.Mood and record com.acme.Verdict in the first round, as a tool like an OpenAPI generator would. */
  static final class MoodGenerator extends AbstractProcessor {
    private boolean done;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (done) {
        return false;
      }
      done = true;
      try {
        JavaFileObject file = processingEnv.getFiler().createSourceFile("com.acme.Mood");
        try (Writer out = file.openWriter()) {
          out.write("package com.acme;\npublic enum Mood { HAPPY, SAD }\n");
        }
        file = processingEnv.getFiler().createSourceFile("com.acme.Verdict");
        try (Writer out = file.openWriter()) {
          out.write("package com.acme;\npublic record Verdict(Mood mood, int score) {}\n");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return false;
    }
  }

  @Test
  void anAnswerTypeGeneratedInALaterRoundIsWaitedFor() throws Exception {
    JavaFileObject moods = DiagnosticsTest.prompts("Moods",
        "  @Prompt(\"How does {text} feel? Answer HAPPY or SAD.\")",
        "  Mood mood(String text);");
    // Prompt4j runs first, so in round 1 Mood does not exist yet.
    Compilation compilation = javac().withProcessors(new Prompt4jProcessor(), new MoodGenerator()).compile(moods);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.Prompt4j_Moods").contentsAsUtf8String()
        .contains("public Mood mood(String text)");

    Compiled compiled = Compiled.of(compilation);
    Object created = Prompt4j.builder().classLoader(compiled).properties(java.util.Map.of()).build().create(compiled.type("com.acme.Moods"));
    Object client = Prompt4j.override(created).client(new RecordingModel(request -> "SAD")).build();
    Object answer = client.getClass().getMethod("mood", String.class).invoke(client, "rain again");
    assertEquals("SAD", answer.toString());
  }

  @Test
  void aRecordAnswerGeneratedInALaterRoundGetsItsSchemaThen() throws Exception {
    JavaFileObject verdicts = DiagnosticsTest.prompts("Verdicts",
        "  @Prompt(\"Judge the mood of {text}.\")",
        "  Verdict judge(String text);");
    Compilation compilation = javac().withProcessors(new Prompt4jProcessor(), new MoodGenerator()).compile(verdicts);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.Prompt4j_Verdicts").contentsAsUtf8String().contains("\"score\": {");

    Compiled compiled = Compiled.of(compilation);
    Object created = Prompt4j.builder().classLoader(compiled).properties(java.util.Map.of()).build().create(compiled.type("com.acme.Verdicts"));
    Object client = Prompt4j.override(created).client(new RecordingModel(request -> "{\"mood\": \"HAPPY\", \"score\": 4}")).build();
    Object answer = client.getClass().getMethod("judge", String.class).invoke(client, "sunshine");
    assertEquals("Verdict[mood=HAPPY, score=4]", answer.toString());
  }

  @Test
  void arraysAndWildcardsOfALaterTypeAreWaitedForToo() {
    JavaFileObject verdicts = DiagnosticsTest.prompts("Panels",
        "  @Prompt(\"Judge each of {texts:list}.\")",
        "  Verdict[] judgeAll(List<? extends CharSequence> texts);",
        "  @Prompt(\"Which moods appear in {samples:list}?\")",
        "  List<Mood> moods(List<? extends Verdict> samples);");
    Compilation compilation = javac().withProcessors(new Prompt4jProcessor(), new MoodGenerator()).compile(verdicts);

    assertThat(compilation).succeededWithoutWarnings();
    assertThat(compilation).generatedSourceFile("com.acme.Prompt4j_Panels").contentsAsUtf8String()
        .contains("public Verdict[] judgeAll(");
  }
}
