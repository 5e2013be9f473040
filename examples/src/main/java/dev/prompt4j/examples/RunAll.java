package dev.prompt4j.examples;

import dev.prompt4j.Response;
import dev.prompt4j.Trace;
import dev.prompt4j.examples.chaining.ChainingExamples;
import dev.prompt4j.examples.decomposition.DecompositionExamples;
import dev.prompt4j.examples.media.MediaExamples;
import dev.prompt4j.examples.orchestration.OrchestrationExamples;
import dev.prompt4j.examples.pipelines.PipelinesExamples;
import dev.prompt4j.examples.routing.RoutingExamples;
import dev.prompt4j.examples.tools.ToolsExamples;
import dev.prompt4j.examples.streaming.StreamingExamples;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/**
 * Runs every example: offline on the scripts in {@code src/main/resources/offline} unless a provider
 * is configured, live otherwise.
 *
 * <p>How the mode is chosen, first match wins:
 * <ol>
 *   <li>{@code -Dprompt4j.provider=offline} (or {@code PROMPT4J_PROVIDER=offline}): offline.
 *   <li>{@code -Dprompt4j.provider=<name>} (or {@code PROMPT4J_PROVIDER}): live on that provider, with
 *       {@code prompt4j.model} if set (for example {@code -Dprompt4j.provider=ollama -Dprompt4j.model=llama3.2}).
 *   <li>{@code OPENAI_API_KEY}: live, as annotated ({@code openai}, {@code gpt-4o-mini}).
 *   <li>{@code ANTHROPIC_API_KEY}: live on {@code anthropic} / {@code claude-haiku-4-5}.
 *   <li>{@code GEMINI_API_KEY} or {@code GOOGLE_API_KEY}: live on {@code gemini} / {@code gemini-2.0-flash}.
 *   <li>Otherwise offline.
 * </ol>
 * Live, the provider and model are chosen by setting the configuration keys {@code prompt4j.provider}
 * and {@code prompt4j.model} as system properties before the first prompt instance is created: they
 * override every {@code @Call}, as any user's configuration would.
 *
 * <p>Arguments select examples whose name or seed contains any of them (case-insensitive):
 * {@code exec:java -Dexec.args="parallel 004"}.
 */
public final class RunAll {
  private RunAll() {}

  /** Every example, in seed order. */
  public static List<Example> examples() {
    List<Example> all = new ArrayList<>();
    all.addAll(ChainingExamples.all());
    all.addAll(OrchestrationExamples.all());
    all.addAll(PipelinesExamples.all());
    all.addAll(DecompositionExamples.all());
    all.addAll(RoutingExamples.all());
    all.addAll(MediaExamples.all());
    all.addAll(ToolsExamples.all());
    all.addAll(StreamingExamples.all());
    return all;
  }

  public static void main(String[] args) {
    // Hibernate Validator logs through JBoss Logging: route it to SLF4J too, where warn level applies.
    System.setProperty("org.jboss.logging.provider", System.getProperty("org.jboss.logging.provider", "slf4j"));
    PrintStream out = System.out;
    Mode mode = Mode.choose();
    mode.properties().forEach(System::setProperty);
    out.println(mode.banner());
    List<Example> selected = examples().stream().filter(e -> selected(e, args)).toList();
    int failures = 0;
    for (Example example : selected) {
      out.println();
      out.println("=== [" + example.seed() + "] " + example.name() + (mode.offline() ? "  (OFFLINE)" : ""));
      Env env = mode.offline() ? Env.offline(example.script()) : Env.live();
      try {
        Trace.Captured<?> run = Trace.capture(() -> example.run(env));
        out.println(indent(render(run.value())));
        out.println("  --- trace");
        List<Response<?>> calls = new ArrayList<>(run.calls());
        if (run.value() instanceof Traced traced) {
          calls.addAll(traced.calls());
        }
        TracePrinter.print(calls, out);
      } catch (RuntimeException e) {
        failures++;
        out.println("  FAILED: " + e);
        for (Throwable c = e.getCause(); c != null; c = c.getCause()) {
          out.println("    caused by: " + c);
        }
      }
    }
    out.println();
    out.println(selected.size() - failures + " of " + selected.size() + " example(s) ran" + (mode.offline() ? " OFFLINE." : " live."));
    if (mode.offline()) {
      out.println(Mode.HOW_TO_GO_LIVE);
    }
    if (failures > 0) {
      System.exit(1);
    }
  }

  private static boolean selected(Example example, String[] args) {
    if (args.length == 0) {
      return true;
    }
    String text = (example.seed() + " " + example.name()).toLowerCase(Locale.ROOT);
    for (String arg : args) {
      if (text.contains(arg.toLowerCase(Locale.ROOT))) {
        return true;
      }
    }
    return false;
  }

  /** An answer as text: a response's value, a collection one element per paragraph. */
  static String render(Object answer) {
    if (answer instanceof Response<?> response) {
      return render(response.value());
    }
    if (answer instanceof Collection<?> items) {
      return items.stream().map(RunAll::render).collect(Collectors.joining("\n\n"));
    }
    return String.valueOf(answer);
  }

  private static String indent(String text) {
    return text.lines().map(line -> "  " + line).collect(Collectors.joining("\n"));
  }

  /** Offline or live, and on what. */
  /**
   * Offline or live, and on what.
   *
   * @param offline whether answers come from the scripts
   * @param description the provider and model, for the banner
   * @param properties system properties to set before the examples run (the provider and model a key chose)
   */
  record Mode(boolean offline, String description, Map<String, String> properties) {
    static final String HOW_TO_GO_LIVE = """
        To run live: export OPENAI_API_KEY (or ANTHROPIC_API_KEY, or GEMINI_API_KEY), or select a provider and
        model by configuration, e.g. -Dprompt4j.provider=ollama -Dprompt4j.model=llama3.2 with Ollama running.""";

    String banner() {
      if (offline) {
        return "Prompt4j examples: OFFLINE. No key and no network: every answer comes from the scripted replies in\n"
            + "examples/src/main/resources/offline/*.json; prompts, computed fields, parsing and validation run for real.\n"
            + HOW_TO_GO_LIVE;
      }
      return "Prompt4j examples: LIVE on " + description + ". Calls cost tokens; answers vary from run to run.";
    }

    /** The mode of this JVM: its system properties and environment. */
    static Mode choose() {
      return choose(System::getProperty, System::getenv);
    }

    /**
     * The mode that these system properties and environment variables ask for; a live mode chosen by
     * a key alone also names the provider and model to use, in {@link #properties()}.
     */
    static Mode choose(UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
      String provider = setting("prompt4j.provider", systemProperties, environment);
      if ("offline".equalsIgnoreCase(provider)) {
        return new Mode(true, "offline", Map.of());
      }
      if (provider != null) {
        String model = setting("prompt4j.model", systemProperties, environment);
        return new Mode(false, provider + (model == null ? " (models as annotated)" : "/" + model), Map.of());
      }
      if (present(environment, "OPENAI_API_KEY")) {
        return new Mode(false, "openai (models as annotated)", Map.of());
      }
      if (present(environment, "ANTHROPIC_API_KEY")) {
        return configure("anthropic", "claude-haiku-4-5", systemProperties, environment);
      }
      if (present(environment, "GEMINI_API_KEY") || present(environment, "GOOGLE_API_KEY")) {
        return configure("gemini", "gemini-2.0-flash", systemProperties, environment);
      }
      return new Mode(true, "offline", Map.of());
    }

    /** Selects the provider and, unless configured, the model. */
    private static Mode configure(String provider, String defaultModel, UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
      String model = setting("prompt4j.model", systemProperties, environment);
      Map<String, String> properties = model == null
          ? Map.of("prompt4j.provider", provider, "prompt4j.model", defaultModel)
          : Map.of("prompt4j.provider", provider);
      return new Mode(false, provider + "/" + (model == null ? defaultModel : model), properties);
    }

    private static String setting(String key, UnaryOperator<String> systemProperties, UnaryOperator<String> environment) {
      String value = systemProperties.apply(key);
      if (value == null || value.isBlank()) {
        value = environment.apply(key.toUpperCase(Locale.ROOT).replace('.', '_'));
      }
      return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean present(UnaryOperator<String> environment, String variable) {
      String value = environment.apply(variable);
      return value != null && !value.isBlank();
    }
  }
}
