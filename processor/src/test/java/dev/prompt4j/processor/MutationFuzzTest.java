package dev.prompt4j.processor;

import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.Diagnostic;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * 1,000 seeded mutations of valid prompt interfaces (deleted braces, swapped types, removed
 * annotations, broken generics, deleted or duplicated lines, deleted tokens), compiled with the
 * processor: it never throws, never reports InternalError, and every error it reports is on a line.
 *
 * <p>Mutants are compiled in batches (each its own interface) to keep the run short on two cores;
 * a batch with a syntax error is not processed at all by javac, so mutants that do not parse are
 * batched apart from those that may.
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
    List<JavaFileObject> mayParse = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    int compiled = 0;
    for (int i = 0; i < MUTANTS; i++) {
      String name = "M" + i;
      String source = BASES.get(i % BASES.size()).replace("$NAME", name);
      int mutations = 1 + random.nextInt(3);
      for (int m = 0; m < mutations; m++) {
        source = mutate(source, random);
      }
      mayParse.add(Compiled.source("fuzz." + name, source.split("\n", -1)));
      if (mayParse.size() == BATCH || i == MUTANTS - 1) {
        compiled += compile(mayParse, problems);
        mayParse.clear();
      }
    }
    assertEquals(MUTANTS, compiled);
    assertEquals(List.of(), problems);
  }

  /** Compiles {@code files}; when javac stops at a syntax error, compiles each file alone so every mutant is processed. */
  private static int compile(List<JavaFileObject> files, List<String> problems) {
    Compilation compilation = run(files, problems);
    boolean syntax = compilation != null && compilation.errors().stream().anyMatch(MutationFuzzTest::isSyntaxError);
    if (!syntax || files.size() == 1) {
      return files.size();
    }
    int count = 0;
    List<JavaFileObject> parsing = new ArrayList<>();
    for (JavaFileObject file : files) {
      Compilation alone = javac().compile(file); // no processor: only to learn whether it parses
      if (alone.errors().stream().anyMatch(MutationFuzzTest::isSyntaxError)) {
        count++; // javac stops before annotation processing: nothing of ours runs
      } else {
        parsing.add(file);
      }
    }
    if (!parsing.isEmpty()) {
      run(parsing, problems);
    }
    return count + parsing.size();
  }

  private static Compilation run(List<JavaFileObject> files, List<String> problems) {
    Compilation compilation;
    try {
      compilation = javac().withProcessors(new Prompt4jProcessor()).compile(files);
    } catch (RuntimeException e) {
      problems.add("uncaught " + e + " in " + names(files));
      return null;
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
    return compilation;
  }

  private static boolean isSyntaxError(Diagnostic<? extends JavaFileObject> diagnostic) {
    String code = diagnostic.getCode();
    return code != null && code.startsWith("compiler.err.") && (code.contains("expected") || code.contains("premature.eof")
        || code.contains("illegal") || code.contains("not.stmt") || code.contains("unclosed") || code.contains("class.public.should.be.in.file")
        || code.contains("invalid") || code.contains("orphaned") || code.contains("else.without.if"));
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
