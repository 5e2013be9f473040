package dev.prompt4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.Test;

/**
 * The interface index ({@code META-INF/prompt4j/interfaces}) and the Spring Boot configuration
 * metadata: golden bytes for two interfaces, independent of compile order, valid JSON naming every
 * per-interface and per-method key. Rewrite the goldens with {@code -Dprompt4j.updateGoldens=true}.
 */
class InterfaceIndexTest {
  private static final boolean UPDATE = Boolean.getBoolean("prompt4j.updateGoldens");
  private static final String INDEX = "META-INF/prompt4j/interfaces";
  private static final String METADATA = "META-INF/additional-spring-configuration-metadata.json";

  private static List<JavaFileObject> sources() {
    return List.of(JavaFileObjects.forResource("golden/TrendAnalysis.java"), JavaFileObjects.forResource("golden/Support.java"));
  }

  @Test
  void writesTheGoldenIndexAndMetadata() throws IOException {
    Compilation compilation = Compiled.compile(sources().toArray(JavaFileObject[]::new));
    assertThat(compilation).succeededWithoutWarnings();

    check(compilation, INDEX, "interfaces");
    check(compilation, METADATA, "additional-spring-configuration-metadata.json");
  }

  @Test
  void theSameSourcesInAnotherOrderGiveTheSameBytes() {
    List<JavaFileObject> reversed = new ArrayList<>(sources());
    java.util.Collections.reverse(reversed);
    Compilation first = Compiled.compile(sources().toArray(JavaFileObject[]::new));
    Compilation second = Compiled.compile(reversed.toArray(JavaFileObject[]::new));
    assertEquals(content(first, INDEX), content(second, INDEX));
    assertEquals(content(first, METADATA), content(second, METADATA));
  }

  @Test
  void theMetadataNamesEveryKeyOfEveryInterfaceAndMethodWithItsType() throws IOException {
    Compilation compilation = Compiled.compile(sources().toArray(JavaFileObject[]::new));
    JsonNode json = new ObjectMapper().readTree(content(compilation, METADATA));

    List<String> names = new ArrayList<>();
    json.get("properties").forEach(p -> names.add(p.get("name").asText()));
    assertTrue(names.contains("prompt4j.TrendAnalysis.model"), names.toString());
    assertTrue(names.contains("prompt4j.TrendAnalysis.classifyTrend.max-tokens"), names.toString());
    assertTrue(names.contains("prompt4j.TrendAnalysis.analyzeTrend.temperature"), names.toString());
    assertEquals(names.stream().distinct().count(), names.size(), "no key twice");
    for (JsonNode property : json.get("properties")) {
      if (property.get("name").asText().endsWith(".temperature")) {
        assertEquals("java.lang.Double", property.get("type").asText());
      }
      if (property.get("name").asText().endsWith(".timeout")) {
        assertEquals("java.time.Duration", property.get("type").asText());
      }
    }
    List<String> groups = new ArrayList<>();
    json.get("groups").forEach(g -> groups.add(g.get("name").asText() + "=" + g.get("type").asText()));
    assertEquals(List.of("prompt4j.Support=com.acme.Support", "prompt4j.TrendAnalysis=com.acme.TrendAnalysis"), groups);
  }

  @Test
  void anIndexThatCannotBeWrittenIsReported() {
    FilerSpy spy = new FilerSpy(new Prompt4jProcessor(), INDEX);

    Compilation compilation = javac().withProcessors(spy).compile(sources());

    assertThat(compilation).hadErrorContaining("[Prompt4j:IndexFile] cannot write " + INDEX + " (simulated failure writing " + INDEX
        + "), so frameworks (the Spring Boot starter) and IDEs would not see the prompt interfaces");
  }

  private static void check(Compilation compilation, String path, String golden) throws IOException {
    String actual = content(compilation, path);
    if (UPDATE) {
      Path directory = Path.of(System.getProperty("prompt4j.goldens.dir")).resolveSibling("index-goldens");
      Files.writeString(directory.resolve(golden), actual, StandardCharsets.UTF_8);
      return;
    }
    try (InputStream in = InterfaceIndexTest.class.getClassLoader().getResourceAsStream("index-goldens/" + golden)) {
      assertTrue(in != null, golden + " is missing; run with -Dprompt4j.updateGoldens=true to write it");
      assertEquals(new String(in.readAllBytes(), StandardCharsets.UTF_8), actual, "the bytes of " + path);
    }
  }

  private static String content(Compilation compilation, String path) {
    JavaFileObject file = compilation.generatedFile(StandardLocation.CLASS_OUTPUT, path)
        .orElseThrow(() -> new AssertionError(path + " was not written"));
    try (InputStream in = file.openInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
