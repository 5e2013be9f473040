package dev.prompt4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated code is a product: each interface in {@code src/test/resources/golden/} must generate
 * exactly the classes in {@code src/test/resources/goldens/}, same tokens and same bytes.
 *
 * <p>After an intended change to the generated code, rewrite the goldens and review the diff:
 *
 * <pre>
 * mvn -pl runtime,processor test -Dtest=GoldenTest -Dprompt4j.updateGoldens=true
 * </pre>
 *
 * (surefire sets {@code prompt4j.goldens.dir} to {@code processor/src/test/resources/goldens}.)
 */
class GoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("prompt4j.updateGoldens");

  static Stream<String> inputs() {
    try (Stream<Path> files = Files.list(resourceDirectory("golden"))) {
      return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".java")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inputs")
  void generatesTheGoldenSource(String input) throws IOException {
    Compilation compilation = Compiled.compile(JavaFileObjects.forResource("golden/" + input));
    assertThat(compilation).succeededWithoutWarnings();
    Map<String, String> generated = generatedSources(compilation);
    assertFalse(generated.isEmpty(), input + " generated nothing");
    Map<String, String> metadata = nativeImageMetadata(compilation);

    for (Map.Entry<String, String> file : generated.entrySet()) {
      String golden = "goldens/" + file.getKey();
      if (UPDATE) {
        Path directory = Paths.get(System.getProperty("prompt4j.goldens.dir"));
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        continue;
      }
      assertNotNull(GoldenTest.class.getClassLoader().getResource(golden),
          golden + " is missing; run with -Dprompt4j.updateGoldens=true to write it");
      String qualified = "com.acme." + file.getKey().replace(".java", "");
      assertThat(compilation).generatedSourceFile(qualified).hasSourceEquivalentTo(JavaFileObjects.forResource(golden));
      assertEquals(read(golden), file.getValue(), "the bytes of " + golden + " (same input, same output)");
    }
    for (Map.Entry<String, String> file : metadata.entrySet()) {
      String golden = "goldens/" + file.getKey();
      if (UPDATE) {
        Files.writeString(Paths.get(System.getProperty("prompt4j.goldens.dir")).resolve(file.getKey()), file.getValue(), StandardCharsets.UTF_8);
        continue;
      }
      assertNotNull(GoldenTest.class.getClassLoader().getResource(golden),
          golden + " is missing; run with -Dprompt4j.updateGoldens=true to write it");
      assertEquals(read(golden), file.getValue(), "the bytes of " + golden);
    }
  }

  @Test
  void everyGoldenHasAnInput() throws IOException {
    List<String> expected = new ArrayList<>();
    for (String input : inputs().toList()) {
      Compilation compilation = Compiled.compile(JavaFileObjects.forResource("golden/" + input));
      expected.addAll(generatedSources(compilation).keySet());
      expected.addAll(nativeImageMetadata(compilation).keySet());
    }
    Collections.sort(expected);
    try (Stream<Path> files = Files.list(resourceDirectory("goldens"))) {
      assertEquals(expected, files.map(f -> f.getFileName().toString()).sorted().toList(), "stale or missing goldens");
    }
  }

  @Test
  void compilingTwiceInAnyOrderGivesTheSameBytes() {
    List<JavaFileObject> sources = inputs().map(n -> JavaFileObjects.forResource("golden/" + n)).toList();
    List<JavaFileObject> reversed = new ArrayList<>(sources);
    Collections.reverse(reversed);

    Map<String, String> first = allGeneratedFiles(Compiled.compile(sources.toArray(JavaFileObject[]::new)));
    Map<String, String> second = allGeneratedFiles(Compiled.compile(reversed.toArray(JavaFileObject[]::new)));

    assertEquals(first.keySet(), second.keySet());
    first.forEach((name, text) -> assertEquals(text, second.get(name), name));
    String services = first.get("/CLASS_OUTPUT/META-INF/services/dev.prompt4j.internal.PromptFactory");
    assertEquals(String.join("\n",
        "com.acme.Prompt4j_Assistants_Writer$Factory",
        "com.acme.Prompt4j_AsyncAnswers$Factory",
        "com.acme.Prompt4j_Faqs$Factory",
        "com.acme.Prompt4j_NestedNames$Factory",
        "com.acme.Prompt4j_Nulls$Factory",
        "com.acme.Prompt4j_Orders$Factory",
        "com.acme.Prompt4j_PlainPrompt$Factory",
        "com.acme.Prompt4j_Pricing$Factory",
        "com.acme.Prompt4j_Reviews$Factory",
        "com.acme.Prompt4j_Shipping$Factory",
        "com.acme.Prompt4j_Streams$Factory",
        "com.acme.Prompt4j_Support$Factory",
        "com.acme.Prompt4j_TrendAnalysis$Factory",
        "com.acme.Prompt4j_Tuned$Factory",
        "com.acme.Prompt4j_Vision$Factory") + "\n", services, "sorted, one factory per interface");
  }

  /** Generated sources by simple file name. */
  private static Map<String, String> generatedSources(Compilation compilation) {
    Map<String, String> sources = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedSourceFiles()) {
      String name = file.getName();
      sources.put(name.substring(name.lastIndexOf('/') + 1), content(file));
    }
    return sources;
  }

  /**
   * The GraalVM metadata files, by golden name: {@code META-INF/native-image/prompt4j/com.acme.Faqs/reflect-config.json} is
   * {@code com.acme.Faqs.reflect-config.json}.
   */
  private static Map<String, String> nativeImageMetadata(Compilation compilation) {
    Map<String, String> files = new TreeMap<>();
    String prefix = "/META-INF/native-image/prompt4j/";
    for (JavaFileObject file : compilation.generatedFiles()) {
      String name = file.getName();
      int at = name.indexOf(prefix);
      if (at >= 0) {
        files.put(name.substring(at + prefix.length()).replace('/', '.'), content(file));
      }
    }
    return files;
  }

  /** Every generated file but class files (javac's bytes are not ours), by path. */
  private static Map<String, String> allGeneratedFiles(Compilation compilation) {
    assertThat(compilation).succeeded();
    Map<String, String> files = new TreeMap<>();
    for (JavaFileObject file : compilation.generatedFiles()) {
      if (file.getKind() != JavaFileObject.Kind.CLASS) {
        files.put(file.getName(), content(file));
      }
    }
    return files;
  }

  private static String content(JavaFileObject file) {
    try (InputStream in = file.openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = GoldenTest.class.getClassLoader().getResourceAsStream(resource)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static Path resourceDirectory(String name) {
    try {
      return Paths.get(GoldenTest.class.getClassLoader().getResource(name).toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }
}
