package dev.prompt4j.test;

import dev.prompt4j.PromptRuntime;
import dev.prompt4j.test.Prompt4jTest.Mode;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The JUnit 5 extension behind {@link Prompt4jTest}: a {@link PromptTestKit} per test method, test
 * parameters resolved from it, missing recordings failed after each test, and stale recordings
 * reported after the class (as a report entry and a warning in the log).
 */
public final class Prompt4jExtension implements ParameterResolver, AfterEachCallback, AfterAllCallback {
  private static final System.Logger LOG = System.getLogger(Prompt4jExtension.class.getName());
  private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Prompt4jExtension.class);

  /**
   * The kit of the current test, made on first use.
   *
   * @param context the context
   * @return the kit of the current test, made on first use
   */
  public static PromptTestKit kit(ExtensionContext context) {
    return context.getStore(NAMESPACE).getOrComputeIfAbsent(PromptTestKit.class, k -> build(context), PromptTestKit.class);
  }

  private static PromptTestKit build(ExtensionContext context) {
    Prompt4jTest settings = settings(context);
    PromptTestKit.Builder builder = PromptTestKit.builder()
        .mode(mode(settings))
        .cassettes(cassettes(settings))
        .latency(Duration.ofMillis(settings.latencyMillis()))
        .ledger(ledger(context));
    if (!settings.script().isBlank()) builder.script(settings.script());
    if (settings.properties().length > 0) builder.properties(properties(settings.properties()));
    return builder.build();
  }

  private static Prompt4jTest settings(ExtensionContext context) {
    Optional<Class<?>> type = context.getTestClass();
    while (type.isPresent()) {
      Optional<Prompt4jTest> found = AnnotationSupport.findAnnotation(type.get(), Prompt4jTest.class);
      if (found.isPresent()) return found.get();
      type = Optional.ofNullable(type.get().getEnclosingClass());
    }
    throw new IllegalStateException("Prompt4jExtension needs @Prompt4jTest on the test class");
  }

  /** The system property, else the environment variable, else the annotation. */
  static Mode mode(Prompt4jTest settings) {
    String chosen = System.getProperty(Prompt4jTest.MODE_PROPERTY);
    String where = "-D" + Prompt4jTest.MODE_PROPERTY;
    if (chosen == null || chosen.isBlank()) {
      chosen = System.getenv(Prompt4jTest.MODE_VARIABLE);
      where = Prompt4jTest.MODE_VARIABLE;
    }
    if (chosen == null || chosen.isBlank()) {
      return settings.mode();
    }
    try {
      return Mode.valueOf(chosen.strip().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(where + "=" + chosen + " is not a mode; use one of " + java.util.Arrays.toString(Mode.values()), e);
    }
  }

  /** The system property, else the environment variable, else the annotation; the test class path when that is not a directory. */
  static Path cassettes(Prompt4jTest settings) {
    String chosen = System.getProperty(Prompt4jTest.CASSETTES_PROPERTY);
    if (chosen == null || chosen.isBlank()) chosen = System.getenv("PROMPT4J_TEST_CASSETTES");
    if (chosen == null || chosen.isBlank()) chosen = settings.cassettes();
    Path directory = Path.of(chosen);
    if (!Files.isDirectory(directory)) {
      // An IDE may run tests from another working directory: the copy on the class path still replays.
      URL copied = Thread.currentThread().getContextClassLoader() == null ? null
          : Thread.currentThread().getContextClassLoader().getResource("prompt4j");
      if (copied != null && "file".equals(copied.getProtocol())) {
        try {
          return Path.of(copied.toURI());
        } catch (URISyntaxException ignored) {
          // keep the configured directory
        }
      }
    }
    return directory;
  }

  private static Map<String, String> properties(String[] pairs) {
    Map<String, String> map = new LinkedHashMap<>();
    for (String pair : pairs) {
      int eq = pair.indexOf('=');
      if (eq <= 0) throw new IllegalArgumentException("@Prompt4jTest(properties) takes key=value pairs, not '" + pair + "'");
      map.put(pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
    }
    return map;
  }

  private static RecordingLedger ledger(ExtensionContext context) {
    ExtensionContext classContext = context;
    while (classContext.getParent().isPresent() && classContext.getTestMethod().isPresent()) {
      classContext = classContext.getParent().get();
    }
    return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(RecordingLedger.class, k -> new RecordingLedger(), RecordingLedger.class);
  }

  @Override
  public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    if (type == PromptTestKit.class || type == PromptRuntime.class || type == PromptCalls.class) return true;
    String name = type.getName();
    return type.isInterface() && !type.isAnnotation() && !name.startsWith("java.") && !name.startsWith("javax.")
        && !name.startsWith("org.junit.") && !type.getPackageName().equals("dev.prompt4j.test") && !name.equals("dev.prompt4j.PromptRuntime")
        && !Stub.promptMethods(type).isEmpty();
  }

  @Override
  public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
    Class<?> type = parameter.getParameter().getType();
    PromptTestKit kit = kit(context);
    if (type == PromptTestKit.class) return kit;
    if (type == PromptRuntime.class) return kit.runtime();
    if (type == PromptCalls.class) return kit.calls();
    try {
      return kit.create(type);
    } catch (RuntimeException e) {
      throw new ParameterResolutionException("Cannot make a " + type.getName() + " for " + parameter.getParameter() + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    PromptTestKit kit = context.getStore(NAMESPACE).get(PromptTestKit.class, PromptTestKit.class);
    if (kit != null) kit.verify();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    RecordingLedger ledger = context.getStore(NAMESPACE).get(RecordingLedger.class, RecordingLedger.class);
    if (ledger == null) return;
    Prompt4jTest settings = settings(context);
    Cassettes cassettes = new Cassettes(cassettes(settings), java.util.List.of());
    Map<java.nio.file.Path, String> stale = ledger.stale(cassettes);
    for (java.nio.file.Path file : ledger.written()) {
      context.publishReportEntry("prompt4j.recorded", file.toString());
    }
    if (!stale.isEmpty()) {
      StringBuilder text = new StringBuilder(stale.size() + " stale recording(s): no test of " + context.getDisplayName()
          + " used them, and their methods now run with another prompt version. Delete them, or re-record with -D"
          + Prompt4jTest.MODE_PROPERTY + "=RECORD_MISSING:");
      stale.values().forEach(line -> text.append("\n  ").append(line));
      context.publishReportEntry("prompt4j.stale", text.toString());
      LOG.log(System.Logger.Level.WARNING, text.toString());
    }
  }
}
