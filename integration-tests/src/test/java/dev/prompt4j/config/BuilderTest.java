package dev.prompt4j.config;

import static dev.prompt4j.config.ConfigurationPrecedenceTest.greetModel;
import static dev.prompt4j.config.ConfigurationPrecedenceTest.greeter;
import static dev.prompt4j.config.ConfigurationPrecedenceTest.model;
import static dev.prompt4j.testing.Calls.traced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Prompt4j;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.config.a.Support;
import dev.prompt4j.provider.Greeter;
import dev.prompt4j.testing.Calls;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What Prompt4j.builder() reads, and how it says what is wrong with it. */
class BuilderTest {
  @TempDir Path dir;

  /** Makes a runtime from {@code properties}: every value is read then, so a bad one fails at build(). */
  private static Prompt4jException failure(Map<String, String> properties) {
    return assertThrows(Prompt4jException.class, () -> Prompt4j.builder().properties(properties).build());
  }

  @Test
  void propertiesGivenAsAMapAreTheOnlyConfiguration() {
    System.setProperty("prompt4j.Greeter.greet.model", "from-system-property");
    try {
      assertEquals("offline:annotated-model", greetModel(greeter(Map.of())), "system properties are not read");
      assertEquals("offline:from-map", greetModel(greeter(Map.of("prompt4j.Greeter.greet.model", "from-map"))));
    } finally {
      System.clearProperty("prompt4j.Greeter.greet.model");
    }
  }

  @Test
  void propertiesCanBeReadFromAFile() throws Exception {
    Path file = Files.writeString(dir.resolve("prompt4j.properties"), "prompt4j.Greeter.greet.model=from-path-file\n");
    Greeter g = Prompt4j.builder().properties(file).client("offline", Calls.echo("offline")).build().create(Greeter.class);
    assertEquals("offline:from-path-file", greetModel(g));
  }

  @Test
  void aBadValueNamesTheKeyItsSourceAndWhatIsValid() throws Exception {
    Prompt4jException e = failure(Map.of("prompt4j.temperature", "hot"));
    assertTrue(e.getMessage().contains("prompt4j.temperature (properties given to Prompt4j.builder()) is 'hot', which is not valid:"
        + " write a decimal number of at least 0, such as 0.7"), e.getMessage());

    Path file = Files.writeString(dir.resolve("bad.properties"), "prompt4j.temperature=hot\n");
    Prompt4jException fromFile = assertThrows(Prompt4jException.class,
        () -> Prompt4j.builder().properties(file).client("offline", Calls.echo("offline")).build());
    assertTrue(fromFile.getMessage().contains("prompt4j.temperature (file " + file.toAbsolutePath() + ") is 'hot'"), fromFile.getMessage());
  }

  @Test
  void anUnknownKeyFailsAtBuildWithTheClosestValidKey() {
    Prompt4jException global = assertThrows(Prompt4jException.class,
        () -> Prompt4j.builder().properties(Map.of("prompt4j.temprature", "0.2")).build());
    assertTrue(global.getMessage().contains("Unknown configuration key prompt4j.temprature (properties given to Prompt4j.builder());"
        + " did you mean prompt4j.temperature?"), global.getMessage());

    Prompt4jException method = assertThrows(Prompt4jException.class,
        () -> Prompt4j.builder().properties(Map.of("prompt4j.Greeter.greet.modle", "m")).build());
    assertTrue(method.getMessage().contains("did you mean prompt4j.Greeter.greet.model?"), method.getMessage());
  }

  @Test
  void aQualifiedInterfaceNameBeatsTheSimpleName() {
    Greeter g = greeter(Map.of(
        "prompt4j.Greeter.greet.model", "simple",
        "prompt4j.dev.prompt4j.provider.Greeter.greet.model", "qualified",
        "prompt4j.Greeter.moodOf.model", "simple-only"));
    assertEquals("offline:qualified", greetModel(g));
    assertEquals("offline:simple-only", model(traced(() -> g.moodOf("Ada"))));
  }

  @Test
  void twoInterfacesOfTheSameSimpleNameAreConfiguredApart() {
    var runtime = Prompt4j.builder()
        .properties(Map.of(
            "prompt4j.dev.prompt4j.config.a.Support.model", "a-model",
            "prompt4j.dev.prompt4j.config.b.Support.answer.model", "b-model"))
        .client("openai", Calls.echo("openai"))
        .build();
    Support a = runtime.create(Support.class);
    dev.prompt4j.config.b.Support b = runtime.create(dev.prompt4j.config.b.Support.class);

    assertEquals("openai:a-model", model(traced(() -> a.answer("x"))));
    assertEquals("openai:b-model", model(traced(() -> b.answer("x"))));
  }
}
