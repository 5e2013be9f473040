package dev.prompt4j.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import com.sun.source.util.JavacTask;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Locale;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * 1,000 seeded mutations of valid prompt interfaces (deleted braces, swapped types, removed
 * annotations, broken generics, deleted or duplicated lines, deleted tokens), compiled with the
 * processor: it never throws, never reports InternalError, and every error it reports is on a line.
 *
 * <p>Mutants are compiled in batches (each its own interface) to keep the run short on two cores;
 * mutants that do not parse are batched apart (javac processes nothing when one file of a batch does
 * not parse), and a batch javac still does not process (another unrecoverable error) is halved until
 * every mutant the processor can see has been processed.
 */
class MutationFuzzTest {
  private static final long SEED = 18;
  private static final int MUTANTS = 1_000;
  private static final int BATCH = 25;

  private static final List<String> BASES = List.of(
      """
      package fuzz;
      import dev.prompt4j.*;
      import java.util.List;
      import java.util.Optional;
      @Call(provider = "openai", model = "gpt-4o-mini")
      public interface $NAME {
        record Faq(String question, List<String> answers, Optional<Integer> rank) {}
        @Prompt(\"\"\"
            SYSTEM: You write FAQs for {product}.
            USER: Sources: {sources:list}
            \"\"\")
        List<Faq> faqs(String product, List<String> sources);
      }
      """,
      """
      package fuzz;
      import dev.prompt4j.*;
      import java.util.concurrent.CompletableFuture;
      @Call(provider = "openai", model = "gpt-4o-mini", temperature = 0.2)
      public interface $NAME {
        enum Mood { HAPPY, SAD }
        @Prompt("How does {text} feel? Say {tone}.")
        CompletableFuture<Response<Mood>> mood(String text);
        @ComputedField
        default String tone(String text) { return text.length() > 3 ? "briefly" : "at length"; }
      }
      """,
      """
      package fuzz;
      import dev.prompt4j.*;
      public interface $NAME {
        sealed interface Step permits Ask, Stop {}
        record Ask(String question) implements Step {}
        record Stop(String reason) implements Step {}
        record Order(String customer, Address address) {}
        record Address(String city) {}
        @Prompt(value = "Next step for {order.customer} in {order.address.city}", maxAttempts = 2)
        @Call(provider = "anthropic", model = "claude-haiku-4-5", fallbacks = "openai:gpt-4o-mini")
        Step next(Order order);
      }
      """,
      """
      package fuzz;
      import dev.prompt4j.*;
      @Call(provider = "openai", model = "gpt-4o-mini")
      public interface $NAME {
        @Prompt("Plan for {market}: {leader}")
        Response<String> plan(String market);
        @Prompt("Describe {market}")
        String describe(String market);
        @ComputedField
        default String description(String market) { return describe(market); }
        @ComputedField("leader")
        default String lead(String description) { return description.toUpperCase(); }
      }
      """);

  private static final List<String> TYPES = List.of("String", "int", "List<String>", "Object", "void", "Mood", "Faq", "Step",
      "java.util.Map<String, Integer>", "Optional<String>", "char[]", "Response<String>", "CompletableFuture<?>");
  private static final Pattern TYPE = Pattern.compile("\\b(String|int|List<String>|Object|Mood|Faq|Step|Order|Response<String>)\\b");
  private static final Pattern ANNOTATION = Pattern.compile("@\\w+(\\([^()]*\\))?");
  private static final Pattern TOKEN = Pattern.compile("\\w+|[^\\s\\w]");

  @Test
  void mutantsNeverCrashTheProcessorAndEveryErrorIsOnALine() {
    Random random = new Random(SEED);
    List<JavaFileObject> mutants = new ArrayList<>();
    List<JavaFileObject> parsing = new ArrayList<>();
    List<JavaFileObject> broken = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (int i = 0; i < MUTANTS; i++) {
      String name = "M" + i;
      String source = BASES.get(i % BASES.size()).replace("$NAME", name);
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        source = mutate(source, random);
      }
      mutants.add(Compiled.source("fuzz." + name, source.split("\n", -1)));
    }
    Set<JavaFileObject> unparsable = unparsable(mutants);
    for (JavaFileObject mutant : mutants) {
      (unparsable.contains(mutant) ? broken : parsing).add(mutant);
    }
    int compiled = 0;
    for (int from = 0; from < parsing.size(); from += BATCH) {
      compiled += compile(parsing.subList(from, Math.min(from + BATCH, parsing.size())), problems);
    }
    // A mutant that does not parse stops javac before processing: batched apart, so it stops no other.
    for (int from = 0; from < broken.size(); from += BATCH) {
      List<JavaFileObject> batch = broken.subList(from, Math.min(from + BATCH, broken.size()));
      run(batch, new Prompt4jProcessor(), problems);
      compiled += batch.size();
    }
    assertEquals(MUTANTS, compiled);
    assertEquals(List.of(), problems);
  }

  /**
   * Compiles {@code files} and returns how many mutants that covers. javac runs no processor at all
   * when one file of the batch has a syntax or other unrecoverable error, so a batch the processor
   * did not see is split in halves until each mutant has been processed or stands alone.
   */
  private static int compile(List<JavaFileObject> files, List<String> problems) {
    Counting processor = new Counting();
    run(files, processor, problems);
    if (processor.rounds > 0 || files.size() == 1) {
      return files.size();
    }
    int half = files.size() / 2;
    return compile(files.subList(0, half), problems) + compile(files.subList(half, files.size()), problems);
  }

  private static final JavaCompiler JAVAC = ToolProvider.getSystemJavaCompiler();
  private static final StandardJavaFileManager FILES = JAVAC.getStandardFileManager(null, Locale.ROOT, StandardCharsets.UTF_8);

  /** The files among {@code files} that do not parse: one parse of them all (no class path, no attribution, no processor). */
  private static Set<JavaFileObject> unparsable(List<JavaFileObject> files) {
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try {
      ((JavacTask) JAVAC.getTask(null, FILES, diagnostics, List.of("-proc:none", "-Xmaxerrs", "100000"), null, files)).parse();
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    Set<JavaFileObject> unparsable = new java.util.HashSet<>();
    diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR).forEach(d -> unparsable.add(d.getSource()));
    return unparsable;
  }

  /** The processor under test, counting the rounds javac gave it. */
  static final class Counting extends DelegatingProcessor {
    int rounds;

    Counting() {
      super(new Prompt4jProcessor());
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      rounds++;
      return super.process(annotations, round);
    }
  }

  private static void run(List<JavaFileObject> files, Processor processor, List<String> problems) {
    Compilation compilation;
    try {
      compilation = javac().withProcessors(processor).compile(files);
    } catch (RuntimeException e) {
      problems.add("uncaught " + e + " in " + names(files));
      return;
    }
    for (Diagnostic<? extends JavaFileObject> diagnostic : compilation.diagnostics()) {
      String message = diagnostic.getMessage(null);
      if (!message.contains("[Prompt4j:")) {
        continue;
      }
      if (message.contains("[Prompt4j:InternalError]")) {
        problems.add(message);
      } else if (diagnostic.getKind() == Diagnostic.Kind.ERROR && (diagnostic.getSource() == null || diagnostic.getLineNumber() == Diagnostic.NOPOS)) {
        problems.add("no line for " + message + " in " + names(files));
      }
    }
  }

  private static List<String> names(List<JavaFileObject> files) {
    return files.stream().map(JavaFileObject::getName).toList();
  }

  static String mutate(String source, Random random) {
    List<String> lines = new ArrayList<>(List.of(source.split("\n", -1)));
    switch (random.nextInt(7)) {
      case 0 -> { // delete a brace
        return deleteOne(source, Pattern.compile("[{}]"), random);
      }
      case 1 -> { // swap a type
        Matcher matcher = TYPE.matcher(source);
        List<int[]> spans = spans(matcher);
        if (spans.isEmpty()) {
          return source;
        }
        int[] span = spans.get(random.nextInt(spans.size()));
        return source.substring(0, span[0]) + TYPES.get(random.nextInt(TYPES.size())) + source.substring(span[1]);
      }
      case 2 -> { // remove an annotation
        return deleteOne(source, ANNOTATION, random);
      }
      case 3 -> { // break generics
        return random.nextBoolean() ? deleteOne(source, Pattern.compile("[<>]"), random) : source.replaceFirst("List<String>", "List<>");
      }
      case 4 -> { // delete a line
        lines.remove(random.nextInt(lines.size()));
        return String.join("\n", lines);
      }
      case 5 -> { // duplicate a line
        int at = random.nextInt(lines.size());
        lines.add(at, lines.get(at));
        return String.join("\n", lines);
      }
      default -> { // delete a token
        return deleteOne(source, TOKEN, random);
      }
    }
  }

  private static String deleteOne(String source, Pattern pattern, Random random) {
    List<int[]> spans = spans(pattern.matcher(source));
    if (spans.isEmpty()) {
      return source;
    }
    int[] span = spans.get(random.nextInt(spans.size()));
    return source.substring(0, span[0]) + source.substring(span[1]);
  }

  private static List<int[]> spans(Matcher matcher) {
    List<int[]> spans = new ArrayList<>();
    while (matcher.find()) {
      spans.add(new int[] {matcher.start(), matcher.end()});
    }
    return spans;
  }
}
