package dev.prompt4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Generated code is held to the processor's own bar: every golden input compiles under {@code -Xlint:all -Werror}. */
class GeneratedCodeLintTest {

  static java.util.stream.Stream<String> inputs() {
    return GoldenTest.inputs();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void compilesWithoutAnyLintWarningButUnclaimedAnnotations(String input) {
    Compilation compilation = javac()
        .withProcessors(new Prompt4jProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(JavaFileObjects.forResource("golden/" + input));

    // Only javac's processing lint is left out: it names the annotations no processor claimed, and
    // Prompt4j does not claim its own, because a claimed annotation is no longer offered to processors
    // that support "*", such as one that generates an answer type in a later round (MultiRoundTest).
    List<String> warnings = compilation.warnings().stream().map(w -> w.getMessage(Locale.ROOT))
        .filter(w -> !w.startsWith(UNCLAIMED))
        .toList();
    assertEquals(List.of(), warnings);
    List<String> errors = compilation.errors().stream().map(e -> e.getMessage(Locale.ROOT)).toList();
    assertEquals(compilation.warnings().isEmpty() ? List.of() : List.of("warnings found and -Werror specified"), errors);
  }

  private static final String UNCLAIMED = "No processor claimed any of these annotations: ";
}
