package dev.prompt4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.Set;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The processor never crashes the compilation: an exception it did not expect becomes an
 * [Prompt4j:InternalError] on the interface it was working on, and the other interfaces go on.
 *
 * <p>Every malformed interface we found now has its own catalog diagnostic (a private @Prompt method
 * used to reach this path through JavaPoet's MethodSpec.overriding; see DiagnosticsTest), so the
 * unexpected exception is injected from outside, through the Filer the compiler hands the processor:
 * no test-only branch in the processor.
 */
class InternalErrorTest {

  @Test
  void anUnexpectedExceptionBecomesAnErrorOnTheInterfaceAndTheOthersGoOn() {
    JavaFileObject doomed = DiagnosticsTest.prompts("Doomed",
        "  @Prompt(\"Say {x}\")",
        "  String say(String x);");
    JavaFileObject fine = DiagnosticsTest.prompts("Fine",
        "  @Prompt(\"Say {x}\")",
        "  String say(String x);");
    FilerSpy spy = new FilerSpy(new Prompt4jProcessor(), "com.acme.Prompt4j_Doomed");

    Compilation compilation = javac().withProcessors(spy).compile(doomed, fine);

    assertThat(compilation).hadErrorContaining(
            "[Prompt4j:InternalError] Prompt4j failed on com.acme.Doomed: java.lang.IllegalStateException: simulated failure writing"
                + " com.acme.Prompt4j_Doomed")
        .inFile(doomed)
        .onLineContaining("public interface Doomed");
    assertThat(compilation).hadErrorContaining("this is a bug in Prompt4j, please report it with this interface");
    assertThat(compilation).hadErrorCount(1);
    assertEquals(Set.of("com.acme.Prompt4j_Doomed", "com.acme.Prompt4j_Fine", "com.acme.Prompt4jLazy_Fine"), spy.sources); // none for Doomed: its writing failed first
  }

  @Test
  void aPrivatePromptMethodIsADiagnosticNotACrash() {
    JavaFileObject file = DiagnosticsTest.prompts("Private",
        "  @Prompt(\"Say {x}\")",
        "  private String say(String x) { return x; }");

    Compilation compilation = Compiled.compile(file);

    assertThat(compilation).hadErrorContaining("[Prompt4j:PromptOnPrivateMethod]").inFile(file).onLineContaining("@Prompt(");
    assertThat(compilation).hadErrorCount(1);
  }

  @Test
  void aServiceFileThatCannotBeWrittenIsReported() {
    JavaFileObject fine = DiagnosticsTest.prompts("Fine",
        "  @Prompt(\"Say {x}\")",
        "  String say(String x);");
    FilerSpy spy = new FilerSpy(new Prompt4jProcessor(), "META-INF/services/dev.prompt4j.internal.PromptFactory");

    Compilation compilation = javac().withProcessors(spy).compile(fine);

    assertThat(compilation).hadErrorContaining("[Prompt4j:ServiceFile] cannot write META-INF/services/dev.prompt4j.internal.PromptFactory"
        + " (simulated failure writing META-INF/services/dev.prompt4j.internal.PromptFactory), so Prompt4j.create would not find");
  }

  @Test
  void aNativeImageMetadataFileThatCannotBeWrittenIsReportedOnTheInterface() {
    JavaFileObject answers = DiagnosticsTest.prompts("Answers",
        "  record Answer(String text) {}",
        "  @Prompt(\"Answer {x}\")",
        "  Answer answer(String x);");
    String path = "META-INF/native-image/prompt4j/com.acme.Answers/reflect-config.json";
    FilerSpy spy = new FilerSpy(new Prompt4jProcessor(), path);

    Compilation compilation = javac().withProcessors(spy).compile(answers);

    assertThat(compilation).hadErrorContaining("[Prompt4j:NativeImageMetadata] cannot write " + path + " (simulated failure writing " + path
            + "), so a GraalVM native image could not bind this interface's answers; check the class output folder is writable")
        .inFile(answers)
        .onLineContaining("public interface Answers");
  }
}
