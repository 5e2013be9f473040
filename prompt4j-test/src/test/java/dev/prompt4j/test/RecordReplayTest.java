package dev.prompt4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.test.kit.v1.Support;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A user's project, end to end: test classes with {@link Prompt4jTest} record against a loopback
 * OpenAI server with the real langchain4j client, then pass with the server stopped and no key; an
 * edited template is reported stale and fails with a diff in {@code REPLAY}, and {@code
 * RECORD_MISSING} records only what changed. The key never reaches a recording.
 */
class RecordReplayTest {
  private static final String KEY = "sk-kit-SECRET-7731";
  private static final String INNER = "kit.inner.enabled";
  private static final List<String> PROPERTIES = List.of(INNER, Prompt4jTest.MODE_PROPERTY, Prompt4jTest.CASSETTES_PROPERTY,
      "prompt4j.providers.openai.api-key", "prompt4j.providers.openai.base-url", "prompt4j.providers.openai.max-retries");

  @TempDir
  Path cassettes;

  /** The user's tests before the template edit. */
  @Prompt4jTest
  @EnabledIfSystemProperty(named = INNER, matches = "true")
  static class UserTestsV1 {
    @Test
    void classifies(Support support, PromptCalls calls) {
      assertEquals(Support.Kind.BILLING, support.classify("I was charged twice"));
      calls.assertMethods("Support.classify");
    }

    @Test
    void replies(Support support) {
      assertTrue(support.reply("Thanks!").startsWith("Echo: Reply kindly to: Thanks!"));
    }
  }

  /** The same tests after {@code classify}'s template was edited ({@code v2.Support}). */
  @Prompt4jTest
  @EnabledIfSystemProperty(named = INNER, matches = "true")
  static class UserTestsV2 {
    @Test
    void classifies(dev.prompt4j.test.kit.v2.Support support) {
      assertEquals(dev.prompt4j.test.kit.v2.Support.Kind.BILLING, support.classify("I was charged twice"));
    }

    @Test
    void replies(dev.prompt4j.test.kit.v2.Support support) {
      assertTrue(support.reply("Thanks!").startsWith("Echo: Reply kindly to: Thanks!"));
    }
  }

  /** What one run of a test class reported. */
  record Run(List<String> failures, List<Throwable> errors, List<String> stale, int succeeded) {}

  private Run run(Class<?> tests, String mode, Map<String, String> properties) {
    System.setProperty(INNER, "true");
    System.setProperty(Prompt4jTest.MODE_PROPERTY, mode);
    System.setProperty(Prompt4jTest.CASSETTES_PROPERTY, cassettes.toString());
    properties.forEach(System::setProperty);
    List<String> failures = new ArrayList<>();
    List<Throwable> errors = new ArrayList<>();
    List<String> stale = new ArrayList<>();
    int[] succeeded = {0};
    TestExecutionListener listener = new TestExecutionListener() {
      @Override
      public void executionFinished(TestIdentifier id, TestExecutionResult result) {
        if (!id.isTest()) return;
        if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
          succeeded[0]++;
        } else {
          failures.add(id.getDisplayName());
          result.getThrowable().ifPresent(errors::add);
        }
      }

      @Override
      public void reportingEntryPublished(TestIdentifier id, ReportEntry entry) {
        entry.getKeyValuePairs().forEach((k, v) -> {
          if (k.equals("prompt4j.stale")) stale.add(v);
        });
      }
    };
    try {
      LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(DiscoverySelectors.selectClass(tests)).build(),
          listener);
    } finally {
      PROPERTIES.forEach(System::clearProperty);
    }
    return new Run(failures, errors, stale, succeeded[0]);
  }

  @AfterEach
  void clear() {
    PROPERTIES.forEach(System::clearProperty);
  }

  private Map<String, String> provider(LoopbackOpenAi server) {
    return Map.of("prompt4j.providers.openai.api-key", KEY, "prompt4j.providers.openai.base-url", server.baseUrl(),
        "prompt4j.providers.openai.max-retries", "0");
  }

  private List<Path> recordings() throws IOException {
    try (Stream<Path> files = Files.walk(cassettes)) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
  }

  @Test
  void recordOnceThenReplayOfflineThenSeeAnEditedTemplateAsStaleAndRecordOnlyIt() throws IOException {
    // 1. Record against the provider.
    try (LoopbackOpenAi server = new LoopbackOpenAi()) {
      Run recorded = run(UserTestsV1.class, "RECORD", provider(server));
      assertEquals(List.of(), recorded.failures(), () -> recorded.errors().toString());
      assertEquals(2, server.received().size());
      assertEquals("Bearer " + KEY, server.received().get(0).authorization());
    }
    List<Path> files = recordings();
    assertEquals(2, files.size(), files.toString());
    Path classify = files.stream().filter(f -> f.getParent().endsWith(Path.of("Support", "classify"))).findFirst().orElseThrow();
    String recording = Files.readString(classify, StandardCharsets.UTF_8);
    assertTrue(recording.contains("\"method\" : \"Support.classify\""), recording);
    assertTrue(recording.contains("\"text\" : \"Classify this support request as BILLING or TECHNICAL: I was charged twice\""), recording);
    assertTrue(recording.contains("\"promptVersion\" : \""), recording);
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      assertFalse(text.contains(KEY), file + " holds the key:\n" + text);
      assertFalse(text.contains("SECRET"), file + " holds part of the key:\n" + text);
    }
    String reply = Files.readString(files.stream().filter(f -> f.getParent().endsWith(Path.of("Support", "reply"))).findFirst().orElseThrow());
    assertTrue(reply.contains("(auth Bearer <redacted>)"), "the echoed key is redacted:\n" + reply);

    // 2. Replay: the server is gone and there is no key.
    Run replayed = run(UserTestsV1.class, "REPLAY", Map.of());
    assertEquals(List.of(), replayed.failures(), () -> replayed.errors().toString());
    assertEquals(2, replayed.succeeded());
    assertEquals(List.of(), replayed.stale());

    // 3. The template of classify is edited: REPLAY fails with a diff against the stale recording.
    Run edited = run(UserTestsV2.class, "REPLAY", Map.of());
    assertEquals(List.of("classifies(Support)"), edited.failures());
    String message = edited.errors().get(0).getMessage();
    assertTrue(edited.errors().get(0) instanceof MissingRecordingError, edited.errors().get(0).toString());
    assertTrue(message.contains("It is stale: recorded for prompt version"), message);
    assertTrue(message.lines().anyMatch(l -> l.startsWith("- ") && l.contains("\"Classify this support request as BILLING or TECHNICAL: I")),
        message);
    assertTrue(message.lines().anyMatch(l -> l.startsWith("+ ") && l.contains("\"text\" : \"You sort customer messages.\"")), message);
    assertTrue(message.lines().noneMatch(l -> l.startsWith("- ") && l.contains("\"model\"")), "the model did not change: " + message);
    assertTrue(message.contains("-Dprompt4j.test.mode=RECORD_MISSING"), message);
    assertEquals(1, edited.stale().size(), edited.stale().toString());
    assertTrue(edited.stale().get(0).contains(classify.toString()), edited.stale().get(0));

    // 4. RECORD_MISSING asks the provider for the edited prompt only.
    try (LoopbackOpenAi server = new LoopbackOpenAi()) {
      Run missing = run(UserTestsV2.class, "RECORD_MISSING", provider(server));
      assertEquals(List.of(), missing.failures(), () -> missing.errors().toString());
      assertEquals(1, server.received().size(), "only the edited prompt was sent");
      assertTrue(server.received().get(0).body().toString().contains("You sort customer messages."));
      assertEquals(1, missing.stale().size(), "the old recording is reported: " + missing.stale());
    }
    assertEquals(3, recordings().size());
    Run again = run(UserTestsV2.class, "REPLAY", Map.of());
    assertEquals(List.of(), again.failures(), () -> again.errors().toString());
  }
}
