package dev.prompt4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static com.google.testing.compile.Compiler.javac;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.testing.compile.Compilation;
import dev.prompt4j.processor.diag.Diagnostic;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * One negative compilation per catalog entry: the full tagged message, the file and the line the
 * processor reports it on. {@link #everyCatalogEntryHasACase()} keeps the table complete when the
 * catalog grows. InternalError is covered by {@link InternalErrorTest}.
 */
class DiagnosticsTest {

  /**
   * A source that should fail (or warn) with {@code message}, reported in {@code file} on the single
   * line containing {@code line}.
   */
  record Case(String name, Diagnostic diagnostic, String message, String line, JavaFileObject file) {}

  private static final String HEADER_CALL = "@Call(provider = \"openai\", model = \"gpt-4o-mini\")";

  /** {@code com.acme.<name>}: a prompt interface with a default {@code @Call} and the given members. */
  static JavaFileObject prompts(String name, String... members) {
    List<String> lines = new ArrayList<>(List.of(
        "package com.acme;",
        "import dev.prompt4j.*;",
        "import java.util.List;",
        "import java.util.concurrent.CompletableFuture;",
        HEADER_CALL,
        "public interface " + name + " {"));
    lines.addAll(List.of(members));
    lines.add("}");
    return Compiled.source("com.acme." + name, lines.toArray(String[]::new));
  }

  static JavaFileObject source(String name, String... lines) {
    List<String> all = new ArrayList<>(List.of("package com.acme;", "import dev.prompt4j.*;", "import java.util.List;"));
    all.addAll(List.of(lines));
    return Compiled.source("com.acme." + name, all.toArray(String[]::new));
  }

  static final List<Case> CASES = List.of(
      // Declarations
      new Case("prompt on a class method", Diagnostic.PROMPT_ON_CLASS,
          "[Prompt4j:PromptOnClass] @Prompt is on greet(), a method of class com.acme.Greeter; prompt methods are abstract methods of an"
              + " interface: declare greet() in an interface",
          "@Prompt(\"Hello {name}\")",
          source("Greeter",
              "public abstract class Greeter {",
              "  @Prompt(\"Hello {name}\")",
              "  public abstract String greet(String name);",
              "}")),
      new Case("prompt on a default method", Diagnostic.PROMPT_ON_DEFAULT_METHOD,
          "[Prompt4j:PromptOnDefaultMethod] @Prompt method greet() has a body; a prompt method is abstract (Prompt4j writes its body):"
              + " remove the body, or remove @Prompt and use @ComputedField for a value computed in code",
          "@Prompt(\"Hello {name}\")",
          prompts("Greetings",
              "  @Prompt(\"Hello {name}\")",
              "  default String greet(String name) { return name; }")),
      new Case("prompt on a static method", Diagnostic.PROMPT_ON_STATIC_METHOD,
          "[Prompt4j:PromptOnStaticMethod] @Prompt method greet() is static; a prompt method is an abstract instance method: remove 'static'"
              + " and the body",
          "@Prompt(\"Hello {name}\")",
          prompts("Greetings",
              "  @Prompt(\"Hello {name}\")",
              "  static String greet(String name) { return name; }")),
      new Case("prompt on a private method", Diagnostic.PROMPT_ON_PRIVATE_METHOD,
          "[Prompt4j:PromptOnPrivateMethod] @Prompt method greet() is private; the generated class implements prompt methods, so they are"
              + " abstract: remove 'private' and the body",
          "@Prompt(\"Hello {name}\")",
          prompts("Greetings",
              "  @Prompt(\"Hello {name}\")",
              "  private String greet(String name) { return name; }")),
      new Case("generic prompt method", Diagnostic.GENERIC_PROMPT_METHOD,
          "[Prompt4j:GenericPromptMethod] @Prompt method describe() declares type parameters <T, U>; Prompt4j checks templates and answers"
              + " against concrete types at compile time: replace the type parameters with concrete types",
          "@Prompt(\"Describe {item} and {other}\")",
          prompts("Descriptions",
              "  @Prompt(\"Describe {item} and {other}\")",
              "  <T, U> String describe(T item, U other);")),
      new Case("generic prompt interface", Diagnostic.GENERIC_INTERFACE,
          "[Prompt4j:GenericPromptInterface] prompt interface com.acme.Box declares type parameters; Prompt4j implements concrete interfaces"
              + " only: remove the type parameters",
          "interface Box<T>",
          source("Box",
              HEADER_CALL,
              "public interface Box<T> {",
              "  @Prompt(\"Say {x}\")",
              "  String say(String x);",
              "}")),
      new Case("prompt interface inside a private class", Diagnostic.INACCESSIBLE_INTERFACE,
          "[Prompt4j:InaccessibleInterface] prompt interface com.acme.Host.Hidden.Inner is inside private Hidden; the generated class"
              + " must implement it from its package",
          "interface Inner",
          source("Host",
              "public class Host {",
              "  private static class Hidden {",
              "    " + HEADER_CALL,
              "    interface Inner {",
              "      @Prompt(\"Say {x}\")",
              "      String say(String x);",
              "    }",
              "  }",
              "}")),
      new Case("private prompt interface", Diagnostic.INACCESSIBLE_INTERFACE,
          "[Prompt4j:InaccessibleInterface] prompt interface com.acme.Outer.Hidden is private; the generated class must implement it from"
              + " its package: make it package-private or public",
          "private interface Hidden",
          source("Outer",
              "public class Outer {",
              "  " + HEADER_CALL,
              "  private interface Hidden {",
              "    @Prompt(\"Say {x}\")",
              "    String say(String x);",
              "  }",
              "}")),
      new Case("abstract method without @Prompt", Diagnostic.MISSING_PROMPT,
          "[Prompt4j:MissingPrompt] abstract method shout() of prompt interface Voices has no @Prompt; Prompt4j can only implement prompt"
              + " methods: add @Prompt, or give it a default body",
          "String shout(String x);",
          prompts("Voices",
              "  @Prompt(\"Say {x}\")",
              "  String say(String x);",
              "  String shout(String x);")),
      new Case("@Prompt with neither value nor file", Diagnostic.TEMPLATE_SOURCE,
          "[Prompt4j:TemplateSource] @Prompt on say() sets neither value nor file; set exactly one of value (the template) and file (a"
              + " template on the class path)",
          "@Prompt",
          prompts("Sources",
              "  @Prompt",
              "  String say(String x);")),
      new Case("@Prompt with both value and file", Diagnostic.TEMPLATE_SOURCE,
          "[Prompt4j:TemplateSource] @Prompt on say() sets both value and file; set exactly one of",
          "@Prompt(value = \"Say {x}\", file = \"say.txt\")",
          prompts("Sources",
              "  @Prompt(value = \"Say {x}\", file = \"say.txt\")",
              "  String say(String x);")),
      new Case("template file not found", Diagnostic.TEMPLATE_FILE_NOT_FOUND,
          "[Prompt4j:TemplateFileNotFound] template file 'prompts/missing.txt' of say() was not found on the class path, source path or class"
              + " output; check the path (relative to a resources root, no leading '/')",
          "prompts/missing.txt",
          prompts("Files",
              "  @Prompt(file = \"prompts/missing.txt\")",
              "  String say(String x);")),
      new Case("template file not UTF-8", Diagnostic.TEMPLATE_FILE_UNREADABLE,
          "[Prompt4j:TemplateFileUnreadable] template file 'prompts/latin1.txt' of say() was found but cannot be read: malformed UTF-8 at"
              + " byte 14; template files are read as UTF-8: save it as UTF-8 and check it is a readable file",
          "prompts/latin1.txt",
          prompts("Files",
              "  @Prompt(file = \"prompts/latin1.txt\")",
              "  String say(String x);")),
      // Streaming (#11)
      new Case("a text stream of numbers", Diagnostic.STREAM_ELEMENT_TYPE,
          "[Prompt4j:StreamElementType] counts() returns java.util.stream.Stream<java.lang.Integer>, a stream of java.lang.Integer chunks;"
              + " a text stream carries the answer's text as String chunks",
          "Stream<Integer> counts(",
          prompts("Counts",
              "  @Prompt(\"Count {x}\")",
              "  java.util.stream.Stream<Integer> counts(String x);")),
      new Case("a publisher of maps", Diagnostic.STREAM_ELEMENT_TYPE,
          "[Prompt4j:StreamElementType] facts() returns java.util.concurrent.Flow.Publisher<java.util.Map<java.lang.String,java.lang.Object>>,"
              + " a stream of java.util.Map<java.lang.String,java.lang.Object> chunks; a text stream carries the answer's text as String chunks",
          "Publisher<java.util.Map<String, Object>> facts(",
          prompts("Facts",
              "  @Prompt(\"Facts about {x}\")",
              "  java.util.concurrent.Flow.Publisher<java.util.Map<String, Object>> facts(String x);")),
      // Streaming: generated partial types (#11)
      new Case("a partial type's name is taken", Diagnostic.PARTIAL_TYPE_CLASH,
          "[Prompt4j:PartialTypeClash] plan() streams com.acme.Trips.Plan, whose generated partial type is com.acme.Trips_PlanPartial, but a type"
              + " of that name already exists and was not written by Prompt4j; rename that type (or the record)",
          "PromptStream<Plan> plan(",
          source("Trips",
              "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
              "public interface Trips {",
              "  record Plan(String goal) {}",
              "  @Prompt(\"Plan {x}\")",
              "  PromptStream<Plan> plan(String x);",
              "}",
              "class Trips_PlanPartial {}")),
      new Case("a partial type of no record", Diagnostic.PARTIAL_TYPE_ORPHAN,
          "[Prompt4j:PartialTypeOrphan] plan() returns java.util.concurrent.Flow.Publisher<com.acme.Orphans.GoalPartial>, but"
              + " com.acme.Orphans.GoalPartial is a Prompt4j partial type of no record answer found by its name",
          "Publisher<GoalPartial> plan(",
          prompts("Orphans",
              "  record GoalPartial(String goal) {",
              "    public static GoalPartial of(java.util.Map<String, Object> json, dev.prompt4j.internal.stream.Partials partials) { return null; }",
              "  }",
              "  @Prompt(\"Plan {x}\")",
              "  java.util.concurrent.Flow.Publisher<GoalPartial> plan(String x);")),
      new Case("@StreamDone on a computed field", Diagnostic.STREAM_ANNOTATION_PLACEMENT,
          "[Prompt4j:StreamAnnotationPlacement] @StreamDone is on method tone() of Tones, which is not a record component; it says how a"
              + " component of a streamed record answer appears in partials: put it on a record component",
          "@StreamDone",
          prompts("Tones",
              "  record Story(String title, @StreamRequired String tone) {}",
              "  @Prompt(\"Story about {x}, {tone}\")",
              "  PromptStream<Story> story(String x);",
              "  @ComputedField",
              "  @StreamDone",
              "  default String tone(String x) { return x; }")),
      new Case("a Flux without Reactor", Diagnostic.FLUX_WITHOUT_REACTOR,
          "[Prompt4j:FluxWithoutReactor] story() returns reactor.core.publisher.Flux<String>, but Reactor is not on the compile"
              + " class path; add the module io.projectreactor:reactor-core",
          "Flux<String> story(",
          prompts("Fluxes",
              "  @Prompt(\"Tell {x}\")",
              "  reactor.core.publisher.Flux<String> story(String x);")),
      new Case("negative maxAttempts", Diagnostic.INVALID_MAX_ATTEMPTS,
          "[Prompt4j:InvalidMaxAttempts] @Prompt(maxAttempts = -1) on hi() is negative; it counts the answers allowed, the first"
              + " included: use 1 or more, or leave it out for the configured default (3)",
          "maxAttempts = -1",
          prompts("Attempts",
              "  @Prompt(value = \"Hi {name}\", maxAttempts = -1)",
              "  String hi(String name);")),
      new Case("unsupported return type: a map", Diagnostic.UNSUPPORTED_RETURN_TYPE,
          "[Prompt4j:UnsupportedReturnType] scores() returns java.util.Map<java.lang.String,java.lang.Integer>, which Prompt4j cannot"
              + " produce from an answer: ",
          "scores(",
          prompts("Maps",
              "  @Prompt(\"Score {x}\")",
              "  java.util.Map<String, Integer> scores(String x);")),
      new Case("unsupported return type: a bad @DecimalMin", Diagnostic.UNSUPPORTED_RETURN_TYPE,
          "@DecimalMin(\"abc\") is not a decimal number",
          "record Price(",
          prompts("Prices",
              "  record Price(@jakarta.validation.constraints.DecimalMin(\"abc\") double amount) {}",
              "  @Prompt(\"Price of {x}\")",
              "  Price price(String x);")),
      new Case("unsupported return type: two permitted records with one name", Diagnostic.UNSUPPORTED_RETURN_TYPE,
          "share the name Item, which answers use to say which record they are: rename one",
          "interface Square {",
          prompts("Shapes",
              "  sealed interface Shape permits Round.Item, Square.Item {}",
              "  interface Round { record Item(double radius) implements Shape {} }",
              "  interface Square { record Item(double side) implements Shape {} }",
              "  @Prompt(\"Shapes in {x}\")",
              "  List<Shape> shapes(String x);")),
      new Case("unsupported return type: a map component, reported on the component", Diagnostic.UNSUPPORTED_RETURN_TYPE,
          "[Prompt4j:UnsupportedReturnType] faq() returns com.acme.Faqs.Faq, which Prompt4j cannot produce from an answer: ",
          "Map<String, Object> extra",
          prompts("Faqs",
              "  record Faq(String question,",
              "      java.util.Map<String, Object> extra) {}",
              "  @Prompt(\"FAQ about {x}\")",
              "  Faq faq(String x);")),
      new Case("unsupported return type: a SortedSet of records", Diagnostic.UNSUPPORTED_RETURN_TYPE,
          "needs Comparable elements: use List or Set",
          "SortedSet<Book> books(",
          prompts("Books",
              "  record Book(String title) {}",
              "  @Prompt(\"Books about {x}\")",
              "  java.util.SortedSet<Book> books(String x);")),
      new Case("generic computed field", Diagnostic.GENERIC_COMPUTED_FIELD,
          "[Prompt4j:GenericComputedField] @ComputedField items() declares type parameters <T>; a field's value type must be known at"
              + " compile time: use a concrete type",
          "  @ComputedField",
          prompts("Generic",
              "  @Prompt(\"Summarize {items}\")",
              "  String summarize(String x);",
              "  @ComputedField",
              "  default <T> List<T> items(String x) { return List.of(); }")),
      new Case("temperature out of range", Diagnostic.INVALID_CALL_PARAMETER,
          "[Prompt4j:InvalidCallParameter] @Call(temperature = Infinity) is out of range: it must be between 0 and 2, or left out for"
              + " the provider's default",
          "temperature = Double.POSITIVE_INFINITY",
          prompts("Hot",
              "  @Prompt(\"Say {x}\")",
              "  @Call(provider = \"openai\", model = \"gpt-4o-mini\", temperature = Double.POSITIVE_INFINITY)",
              "  String say(String x);")),
      new Case("maxTokens out of range", Diagnostic.INVALID_CALL_PARAMETER,
          "[Prompt4j:InvalidCallParameter] @Call(maxTokens = -7) is out of range: it must be at least 1",
          "maxTokens = -7",
          prompts("Short",
              "  @Prompt(\"Say {x}\")",
              "  @Call(provider = \"openai\", model = \"gpt-4o-mini\", maxTokens = -7)",
              "  String say(String x);")),
      new Case("unsupported return type: void", Diagnostic.UNSUPPORTED_RETURN_TYPE,
          "[Prompt4j:UnsupportedReturnType] say() returns void, which Prompt4j cannot produce from an answer; return String, an enum, a"
              + " record, List<...>, boolean, a number, a sealed interface of records, or any of these in Response<...> or"
              + " CompletableFuture<...>",
          "void say(",
          prompts("Returns",
              "  @Prompt(\"Say {x}\")",
              "  void say(String x);")),
      new Case("unsupported return type: wildcard future", Diagnostic.UNSUPPORTED_RETURN_TYPE,
          "[Prompt4j:UnsupportedReturnType] say() returns java.util.concurrent.CompletableFuture<?>, which Prompt4j cannot produce from an"
              + " answer; return String",
          "CompletableFuture<?> say(",
          prompts("Returns",
              "  @Prompt(\"Say {x}\")",
              "  CompletableFuture<?> say(String x);")),
      new Case("negative maxAttempts", Diagnostic.INVALID_MAX_ATTEMPTS,
          "[Prompt4j:InvalidMaxAttempts] @Prompt(maxAttempts = -1) on say() is negative; it counts the answers allowed, the first included:"
              + " use 1 or more, or leave it out for the configured default (3)",
          "maxAttempts = -1",
          prompts("Attempts",
              "  @Prompt(value = \"Say {x}\",",
              "      maxAttempts = -1)",
              "  String say(String x);")),
      new Case("return type never generated", Diagnostic.MISSING_TYPES,
          "[Prompt4j:MissingTypes] prompt interface com.acme.Moods refers to Mood, which no source declares and no annotation processor"
              + " generated; fix the errors above or generate the type",
          "public interface Moods",
          prompts("Moods",
              "  @Prompt(\"How does {text} feel?\")",
              "  Mood mood(String text);")),

      // Computed fields
      new Case("@ComputedField on an abstract method", Diagnostic.COMPUTED_FIELD_NOT_DEFAULT,
          "[Prompt4j:ComputedFieldNotDefault] @ComputedField tone() is not a default method of an interface; a computed field is code: give"
              + " it a body with 'default'",
          "@ComputedField",
          prompts("Tones",
              "  @Prompt(\"Say {x} in a {tone} tone\")",
              "  String say(String x);",
              "  @ComputedField",
              "  String tone(String x);")),
      new Case("@ComputedField on a class method", Diagnostic.COMPUTED_FIELD_NOT_DEFAULT,
          "[Prompt4j:ComputedFieldNotDefault] @ComputedField tone() is not a default method of an interface",
          "@ComputedField",
          source("Tones",
              "public class Tones {",
              "  @ComputedField",
              "  String tone(String x) { return x; }",
              "}")),
      new Case("parameter hides a computed field of the type a field needs", Diagnostic.PARAMETER_HIDES_FIELD,
          "[Prompt4j:ParameterHidesField] parameter 'hub' of eastCall() (int) hides computed field 'hub' (java.lang.String) in that method,"
              + " but computed field route() needs a java.lang.String there: the field would fit and the parameter does not, so it is"
              + " unclear which was meant; rename the parameter, or give it type java.lang.String",
          "String eastCall(int hub)",
          prompts("Hubs",
              "  @Prompt(\"Route {route}\")",
              "  String eastCall(int hub);",
              "  @ComputedField default String hub() { return \"Leipzig\"; }",
              "  @ComputedField default String route(String hub) { return \"via \" + hub; }")),
      new Case("two computed fields with one name", Diagnostic.COMPUTED_FIELD_COLLISION,
          "[Prompt4j:ComputedFieldCollision] computed field 'tone' has the name of another computed field, formal(); templates could not"
              + " tell them apart in {tone}: rename one of them",
          "@ComputedField(\"tone\") default String casual()",
          prompts("Collisions",
              "  @Prompt(\"Say {x} in a {tone} tone\")",
              "  String say(String x);",
              "  @ComputedField(\"tone\") default String formal() { return \"formal\"; }",
              "  @ComputedField(\"tone\") default String casual() { return \"casual\"; }")),
      new Case("computed field parameter nothing provides", Diagnostic.UNPROVIDED_FIELD_PARAMETER,
          "[Prompt4j:UnprovidedFieldParameter] parameter 'nmae' of computed field greeting() is bound by name, but say() has no parameter and"
              + " the interface no computed field named 'nmae'; did you mean 'name'?",
          "String nmae",
          prompts("Greetings",
              "  @Prompt(\"Say {greeting}\")",
              "  String say(String name);",
              "  @ComputedField",
              "  default String greeting(String nmae) { return \"Hi \" + nmae; }")),
      new Case("computed field parameter of another type", Diagnostic.FIELD_PARAMETER_TYPE,
          "[Prompt4j:FieldParameterType] parameter 'count' of computed field greeting() has type java.lang.String, but parameter 'count' of"
              + " say() provides int; make the types match",
          "String count",
          prompts("Greetings",
              "  @Prompt(\"Say {greeting}\")",
              "  String say(int count);",
              "  @ComputedField",
              "  default String greeting(String count) { return count; }")),
      new Case("computed fields in a cycle", Diagnostic.COMPUTED_FIELD_CYCLE,
          "[Prompt4j:ComputedFieldCycle] computed fields depend on each other in a cycle: plan -> budget -> plan; a field cannot need its own"
              + " value: break the cycle",
          "String plan(",
          prompts("Plans",
              "  @Prompt(\"Review {plan} for {goal}\")",
              "  String review(String goal);",
              "  @ComputedField",
              "  default String plan(String budget, String goal) { return budget + goal; }",
              "  @ComputedField",
              "  default String budget(String plan) { return plan; }")),
      new Case("void computed field", Diagnostic.COMPUTED_FIELD_VOID,
          "[Prompt4j:ComputedFieldVoid] computed field log() returns void; a computed field is a value for templates: return it",
          "@ComputedField",
          prompts("Logs",
              "  @Prompt(\"Say {x}\")",
              "  String say(String x);",
              "  @ComputedField",
              "  default void log(String x) { }")),
      new Case("unused parameter (a warning)", Diagnostic.UNUSED_PARAMETER,
          "[Prompt4j:UnusedParameter] parameter 'audience' of say() is used by no placeholder of its template nor by any computed field it"
              + " needs; use it ({audience}) or remove it",
          "String audience",
          prompts("Speeches",
              "  @Prompt(\"Say {x}\")",
              "  String say(String x,",
              "      String audience);")),

      // @Call
      new Case("no @Call anywhere", Diagnostic.MISSING_CALL,
          "[Prompt4j:MissingCall] say() has no @Call and neither has interface Uncalled; name the model: @Call(provider = \"openai\", model"
              + " = \"gpt-4o-mini\") on the method or the interface",
          "String say(",
          source("Uncalled",
              "public interface Uncalled {",
              "  @Prompt(\"Say {x}\")",
              "  String say(String x);",
              "}")),
      new Case("blank model", Diagnostic.BLANK_CALL_VALUE,
          "[Prompt4j:BlankCallValue] @Call model is blank; a call needs a provider and a model: write the model, as in @Call(provider ="
              + " \"openai\", model = \"gpt-4o-mini\")",
          "model = \" \"",
          source("Blank",
              "public interface Blank {",
              "  @Call(provider = \"openai\",",
              "      model = \" \")",
              "  @Prompt(\"Say {x}\")",
              "  String say(String x);",
              "}")),
      new Case("blank provider on the interface", Diagnostic.BLANK_CALL_VALUE,
          "[Prompt4j:BlankCallValue] @Call provider is blank; a call needs a provider and a model: write the provider",
          "provider = \"\"",
          source("Blank",
              "@Call(provider = \"\", model = \"gpt-4o-mini\")",
              "public interface Blank {",
              "  @Prompt(\"Say {x}\")",
              "  String say(String x);",
              "}")),
      new Case("fallback without provider", Diagnostic.INVALID_FALLBACK,
          "[Prompt4j:InvalidFallback] fallback 'gpt-4o' is not of the form provider:model, for example \"anthropic:claude-haiku-4-5\"",
          "fallbacks = {",
          prompts("Fallbacks",
              "  @Call(provider = \"openai\", model = \"gpt-4o-mini\",",
              "      fallbacks = {\"anthropic:claude-haiku-4-5\", \"gpt-4o\"})",
              "  @Prompt(\"Say {x}\")",
              "  String say(String x);")),

      // Templates
      new Case("blank template", Diagnostic.EMPTY_TEMPLATE,
          "[Prompt4j:EmptyTemplate] the template is empty; write the prompt",
          "@Prompt(\"  \\n  \")",
          prompts("Empty",
              "  @Prompt(\"  \\n  \")",
              "  String say();")),
      new Case("text before the first role", Diagnostic.TEXT_BEFORE_FIRST_ROLE,
          "[Prompt4j:TextBeforeFirstRole] text 'You are terse.' stands before the first role marker (USER:); once a template uses role markers"
              + " every line belongs to a section: move the text into a section, or start the template with SYSTEM: or USER:",
          "@Prompt(\"\"\"",
          prompts("Roles",
              "  @Prompt(\"\"\"",
              "      You are terse.",
              "      USER: {question}",
              "      \"\"\")",
              "  String ask(String question);")),
      new Case("empty role section", Diagnostic.EMPTY_ROLE_SECTION,
          "[Prompt4j:EmptyRoleSection] the SYSTEM: section at template line 2 is empty; write its text or remove the marker",
          "@Prompt(\"\"\"",
          prompts("Roles",
              "  @Prompt(\"\"\"",
              "      USER: Hello",
              "      SYSTEM:",
              "",
              "      USER: {question}",
              "      \"\"\")",
              "  String ask(String question);")),
      new Case("role-like line in a template with markers: lower case", Diagnostic.UNKNOWN_ROLE_MARKER,
          "[Prompt4j:UnknownRoleMarker] 'user:' at template line 2 is not a role marker (markers are SYSTEM:, USER:, ASSISTANT:"
              + " and MESSAGES:, upper case, the colon right after the word); did you mean USER:? To"
              + " keep the line as text, start it with a backslash: \\user:",
          "user: {q}",
          prompts("Roles",
              "  @Prompt(\"SYSTEM: Be brief.\\nuser: {q}\")",
              "  String ask(String q);")),
      new Case("role-like line in a template with markers: space before the colon", Diagnostic.UNKNOWN_ROLE_MARKER,
          "[Prompt4j:UnknownRoleMarker] 'USER :' at template line 2 is not a role marker (markers are SYSTEM:, USER:, ASSISTANT:"
              + " and MESSAGES:, upper case, the colon right after the word); did you mean USER:? To"
              + " keep the line as text, start it with a backslash: \\USER :",
          "USER : {q}",
          prompts("Roles",
              "  @Prompt(\"SYSTEM: Be brief.\\nUSER : {q}\")",
              "  String ask(String q);")),
      new Case("role-like line in a template with markers: capitalized", Diagnostic.UNKNOWN_ROLE_MARKER,
          "[Prompt4j:UnknownRoleMarker] 'System:' at template line 1 is not a role marker (markers are SYSTEM:, USER:, ASSISTANT:"
              + " and MESSAGES:, upper case, the colon right after the word); did you mean SYSTEM:? To"
              + " keep the line as text, start it with a backslash: \\System:",
          "USER: {q}",
          prompts("Roles",
              "  @Prompt(\"System: Be brief.\\nUSER: {q}\")",
              "  String ask(String q);")),
      new Case("role-like line in a template with markers: Assistant", Diagnostic.UNKNOWN_ROLE_MARKER,
          "[Prompt4j:UnknownRoleMarker] 'Assistant:' at template line 3 is not a role marker (markers are SYSTEM:, USER:, ASSISTANT:"
              + " and MESSAGES:, upper case, the colon right after the word); did you mean ASSISTANT:? To"
              + " keep the line as text, start it with a backslash: \\Assistant:",
          "Assistant: Sure",
          prompts("Roles",
              "  @Prompt(\"SYSTEM: Be brief.\\nUSER: {q}\\nAssistant: Sure\")",
              "  String ask(String q);")),
      new Case("role-like line in a template without markers (a warning): HUMAN", Diagnostic.ROLE_LIKE_TEXT,
          "[Prompt4j:RoleLikeText] 'HUMAN:' at template line 2 looks like a role marker but is sent as text (the roles are SYSTEM, USER,"
              + " ASSISTANT and MESSAGES); did you mean USER:? If it is text, start the line with a backslash (\\HUMAN:) to say so",
          "HUMAN: {q}",
          prompts("Roles",
              "  @Prompt(\"Continue the chat.\\nHUMAN: {q}\")",
              "  String ask(String q);")),
      new Case("role-like line in a template without markers (a warning): AI", Diagnostic.ROLE_LIKE_TEXT,
          "[Prompt4j:RoleLikeText] 'AI:' at template line 2 looks like a role marker but is sent as text (the roles are SYSTEM, USER,"
              + " ASSISTANT and MESSAGES); did you mean ASSISTANT:? If it is text, start the line with a backslash (\\AI:) to say so",
          "AI: hello",
          prompts("Roles",
              "  @Prompt(\"Continue the chat about {q}.\\nAI: hello\")",
              "  String ask(String q);")),
      new Case("role-like line in a template without markers (a warning): User", Diagnostic.ROLE_LIKE_TEXT,
          "[Prompt4j:RoleLikeText] 'User:' at template line 2 looks like a role marker but is sent as text (the template has no"
              + " role markers); did you mean USER:? If it is text, start the line with a backslash (\\User:) to say so",
          "User: {q}",
          prompts("Roles",
              "  @Prompt(\"Summarize this transcript:\\nUser: {q}\")",
              "  String ask(String q);")),
      new Case("role alias in a template with markers (a warning: it can be prose)", Diagnostic.ROLE_LIKE_TEXT,
          "[Prompt4j:RoleLikeText] 'Model:' at template line 2 looks like a role marker but is sent as text (the roles are SYSTEM, USER,"
              + " ASSISTANT and MESSAGES); did you mean ASSISTANT:? If it is text, start the line with a backslash (\\Model:) to say so",
          "Model: {q}",
          prompts("Roles",
              "  @Prompt(\"SYSTEM: Compare cars.\\nModel: {q}\\nUSER: Which is best?\")",
              "  String ask(String q);")),
      new Case("MESSAGES: with more than a placeholder", Diagnostic.MESSAGES_SYNTAX,
          "[Prompt4j:MessagesSyntax] MESSAGES: takes exactly one placeholder naming a list of chat messages, as in MESSAGES: {history}, not"
              + " '{history} and more' (template line 2)",
          "@Prompt(\"\"\"",
          prompts("Chats",
              "  @Prompt(\"\"\"",
              "      SYSTEM: Be kind.",
              "      MESSAGES: {history} and more",
              "      USER: {question}",
              "      \"\"\")",
              "  String ask(List<dev.langchain4j.data.message.ChatMessage> history, String question);")),
      new Case("'}' without '{'", Diagnostic.UNBALANCED_BRACES,
          "[Prompt4j:UnbalancedBraces] '}' without a matching '{' at template line 1 near 'Answer with } only'; write {{ and }} for literal"
              + " braces",
          "Answer with } only",
          prompts("Braces",
              "  @Prompt(\"Answer with } only\")",
              "  String say();")),
      new Case("'{' without '}'", Diagnostic.UNBALANCED_BRACES,
          "[Prompt4j:UnbalancedBraces] '{' without a matching '}' at template line 2 near 'Greet {name and'; write {{ and }} for literal"
              + " braces",
          "@Prompt(\"\"\"",
          prompts("Braces",
              "  @Prompt(\"\"\"",
              "      Be brief.",
              "      Greet {name and",
              "      leave}",
              "      \"\"\")",
              "  String say(String name);")),
      new Case("JSON without doubled braces", Diagnostic.MALFORMED_PLACEHOLDER,
          "[Prompt4j:MalformedPlaceholder] {\"mood\": 1} at template line 1 is not a placeholder; write {name}, {name.component}, {name:list}"
              + " or {name:lists}, or {{ and }} for literal braces",
          "Answer as {\\\"mood\\\": 1}",
          prompts("Json",
              "  @Prompt(\"Answer as {\\\"mood\\\": 1}\")",
              "  String say();")),
      new Case("unknown format", Diagnostic.UNKNOWN_FORMAT_SPEC,
          "[Prompt4j:UnknownFormatSpec] {items:bullets} at template line 1 has the unknown format ':bullets'; the formats are :list (one item"
              + " per line) and :lists (blocks separated by a blank line)",
          "{items:bullets}",
          prompts("Formats",
              "  @Prompt(\"Sort {items:bullets}\")",
              "  String sort(List<String> items);")),
      new Case("unknown placeholder with a suggestion", Diagnostic.UNKNOWN_PLACEHOLDER,
          "[Prompt4j:UnknownPlaceholder] {expret} matches no parameter or @ComputedField of identifyTrend(); did you mean {expert}?",
          "{expret}",
          prompts("Trends",
              "  @Prompt(\"As {expret}, name the trend in {market}\")",
              "  String identifyTrend(String expert, String market);")),
      new Case("unknown placeholder without a close name", Diagnostic.UNKNOWN_PLACEHOLDER,
          "[Prompt4j:UnknownPlaceholder] {region} matches no parameter or @ComputedField of identifyTrend(); its parameters and computed"
              + " fields are [expert, market, year]",
          "{region}",
          prompts("Trends",
              "  @Prompt(\"As {expert}, name the trend in {market} of {region}\")",
              "  String identifyTrend(String expert, String market);",
              "  @ComputedField default int year() { return 2025; }")),
      new Case("unknown record component", Diagnostic.UNKNOWN_COMPONENT,
          "[Prompt4j:UnknownComponent] {order.costumer}: order (com.acme.Shop.Order) has no record component, getter or no-argument method"
              + " 'costumer'; did you mean {order.customer}?",
          "{order.costumer}",
          prompts("Shop",
              "  record Order(String customer, int total) {}",
              "  @Prompt(\"Thank {order.costumer}\")",
              "  String thank(Order order);")),
      new Case("unknown getter two levels deep", Diagnostic.UNKNOWN_COMPONENT,
          "[Prompt4j:UnknownComponent] {order.address.zip}: order.address (com.acme.Shop.Address) has no record component, getter or"
              + " no-argument method 'zip'; it has [city, street]",
          "{order.address.zip}",
          prompts("Shop",
              "  class Address { public String getStreet() { return \"\"; } public String getCity() { return \"\"; } }",
              "  record Order(Address address) {}",
              "  @Prompt(\"Ship to {order.address.zip}\")",
              "  String ship(Order order);")),
      new Case(":list on a string", Diagnostic.FORMAT_SHAPE,
          "[Prompt4j:FormatShape] {name:list}: :list needs an Iterable or an array of objects, but name is java.lang.String; remove the format or pass"
              + " a list",
          "{name:list}",
          prompts("Shapes",
              "  @Prompt(\"Greet {name:list}\")",
              "  String greet(String name);")),
      new Case(":list on a primitive array", Diagnostic.FORMAT_SHAPE,
          "[Prompt4j:FormatShape] {scores:list}: :list needs an Iterable or an array of objects, but scores is int[]",
          "{scores:list}",
          prompts("Shapes",
              "  @Prompt(\"Rank {scores:list}\")",
              "  String rank(int[] scores);")),
      new Case(":lists on a flat list", Diagnostic.FORMAT_SHAPE,
          "[Prompt4j:FormatShape] {rows:lists}: :lists needs an Iterable of Iterables, but rows is java.util.List<java.lang.String>",
          "{rows:lists}",
          prompts("Shapes",
              "  @Prompt(\"Compare {rows:lists}\")",
              "  String compare(List<String> rows);")),
      new Case("MESSAGES: on a string", Diagnostic.MESSAGES_TYPE,
          "[Prompt4j:MessagesType] MESSAGES: {history} needs a List of dev.langchain4j.data.message.ChatMessage, but history is"
              + " java.lang.String; pass the conversation as a List<ChatMessage>",
          "@Prompt(\"\"\"",
          prompts("Chats",
              "  @Prompt(\"\"\"",
              "      SYSTEM: Be kind.",
              "      MESSAGES: {history}",
              "      \"\"\")",
              "  String ask(String history);")),

      // Tools
      new Case("two tools of one class with one name", Diagnostic.DUPLICATE_TOOL_NAME,
          "[Prompt4j:DuplicateToolName] tool name 'look' of Tools.find() is also the name of Tools.look()",
          "@Tool(value = \"Finds\", name = \"look\")",
          source("Tools",
              "public class Tools {",
              "  @Tool(\"Looks\") public String look(String q) { return q; }",
              "  @Tool(value = \"Finds\", name = \"look\") public String find(String q) { return q; }",
              "}")),
      new Case("a tool parameter with no schema", Diagnostic.TOOL_PARAMETER_TYPE,
          "[Prompt4j:ToolParameterType] tool Tools.put() cannot describe its arguments: ",
          "public String put(",
          source("Tools",
              "public class Tools {",
              "  @Tool(\"Stores\")",
              "  public String put(java.util.Map<String, Object> entries) { return \"\"; }",
              "}")),
      new Case("a tool without description", Diagnostic.TOOL_WITHOUT_DESCRIPTION,
          "[Prompt4j:ToolWithoutDescription] tool Tools.look() has no description",
          "@Tool public String look(",
          source("Tools",
              "public class Tools {",
              "  @Tool public String look(String q) { return q; }",
              "}")),
      new Case("a strict tool with a constraint strict mode refuses", Diagnostic.STRICT_TOOL_SCHEMA,
          "[Prompt4j:StrictToolSchema] tool Tools.look() is strict, but strict mode does not accept 'maxLength'",
          "@Tool(value = \"Looks\", strict = true)",
          source("Tools",
              "public class Tools {",
              "  @Tool(value = \"Looks\", strict = true)",
              "  public String look(@jakarta.validation.constraints.Size(max = 20) String q) { return q; }",
              "}")),
      new Case("a private tool", Diagnostic.TOOL_NOT_CALLABLE,
          "[Prompt4j:ToolNotCallable] @Tool method Tools.look() is private",
          "@Tool(\"Looks\") private String look(",
          source("Tools",
              "public class Tools {",
              "  @Tool(\"Looks\") private String look(String q) { return q; }",
              "}")),
      new Case("a tool class with no no-argument constructor", Diagnostic.TOOL_CLASS_NOT_INSTANTIABLE,
          "[Prompt4j:ToolClassNotInstantiable] tool class com.acme.Agent.Tools of Agent.ask() cannot be made by the generated code: it has no",
          "@Call(provider = \"openai\", model = \"gpt-4o-mini\", tools = Tools.class)",
          source("Agent",
              "public interface Agent {",
              "  class Tools { Tools(int x) { } @Tool(\"Looks\") public String look(String q) { return q; } }",
              "  @Call(provider = \"openai\", model = \"gpt-4o-mini\", tools = Tools.class)",
              "  @Prompt(\"Ask {q}\")",
              "  String ask(String q);",
              "}")),
      new Case("a tool class without tools", Diagnostic.NOT_A_TOOL_CLASS,
          "[Prompt4j:NotAToolClass] java.lang.StringBuilder, a tool class of Agent.ask(), has no @Tool method",
          "String ask(",
          source("Agent",
              "public interface Agent {",
              "  @Call(provider = \"openai\", model = \"gpt-4o-mini\", tools = StringBuilder.class)",
              "  @Prompt(\"Ask {q}\")",
              "  String ask(String q);",
              "}")),
      new Case("an approval tool reached by a plain method", Diagnostic.APPROVAL_NEEDS_RESPONSE,
          "[Prompt4j:ApprovalNeedsResponse] Agent.ask() can reach tool Tools.pay(), which needs approval, but returns java.lang.String",
          "String ask(",
          source("Agent",
              "public interface Agent {",
              "  class Tools { @Tool(value = \"Pays\", approval = Tool.Approval.REQUIRED) public String pay(int cents) { return \"\"; } }",
              "  @Call(provider = \"openai\", model = \"gpt-4o-mini\", tools = Tools.class)",
              "  @Prompt(\"Ask {q}\")",
              "  String ask(String q);",
              "}")),
      // Streaming with tools (#11/#12)
      new Case("an approval tool reached by a streaming method", Diagnostic.STREAM_APPROVAL,
          "[Prompt4j:StreamApproval] Agent.ask() streams its answer (dev.prompt4j.PromptStream) but can reach tool Tools.pay(), which needs approval",
          "PromptStream<String> ask(",
          source("Agent",
              "public interface Agent {",
              "  class Tools { @Tool(value = \"Pays\", approval = Tool.Approval.REQUIRED) public String pay(int cents) { return \"\"; } }",
              "  @Call(provider = \"openai\", model = \"gpt-4o-mini\", tools = Tools.class)",
              "  @Prompt(\"Ask {q}\")",
              "  dev.prompt4j.PromptStream<String> ask(String q);",
              "}")));

  @TestFactory
  Stream<DynamicTest> eachDiagnosticIsReportedWithItsMessageFileAndLine() {
    return eachReported(CASES);
  }

  /** One test per case: the compilation fails with (or, for a warning, succeeds with) its message on its line. */
  static Stream<DynamicTest> eachReported(List<Case> cases) {
    return cases.stream().map(c -> DynamicTest.dynamicTest(c.diagnostic().tag() + ": " + c.name(), () -> {
      // Reactor is on the test class path (StreamingReturnTypesTest): FluxWithoutReactor compiles without it.
      Compilation compilation = c.diagnostic() == Diagnostic.FLUX_WITHOUT_REACTOR ? Compiled.compileWithout("reactor-core", c.file())
          : Compiled.compile(c.file());
      if (c.diagnostic().kind() == javax.tools.Diagnostic.Kind.WARNING) {
        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining(c.message()).inFile(c.file()).onLineContaining(c.line());
      } else {
        assertThat(compilation).failed();
        assertThat(compilation).hadErrorContaining(c.message()).inFile(c.file()).onLineContaining(c.line());
      }
    }));
  }

  @Test
  void everyCatalogEntryHasACase() {
    Set<Diagnostic> covered = EnumSet.noneOf(Diagnostic.class);
    CASES.forEach(c -> covered.add(c.diagnostic()));
    MediaDiagnosticsTest.CASES.forEach(c -> covered.add(c.diagnostic()));
    PriceDiagnosticsTest.CASES.forEach(c -> covered.add(c.diagnostic()));
    Set<Diagnostic> missing = EnumSet.complementOf(EnumSet.copyOf(covered));
    missing.remove(Diagnostic.INTERNAL_ERROR); // InternalErrorTest
    missing.remove(Diagnostic.SERVICE_FILE); // InternalErrorTest: it needs a failing Filer, not a source
    missing.remove(Diagnostic.NATIVE_IMAGE_METADATA); // InternalErrorTest, as ServiceFile
    missing.remove(Diagnostic.INDEX_FILE); // InterfaceIndexTest, as ServiceFile
    assertEquals(Set.of(), missing, "catalog entries without a negative test");
  }

  @Test
  void anInterfaceWithErrorsGetsNoClassButTheOthersStillDo() {
    JavaFileObject broken = prompts("Broken",
        "  @Prompt(\"As {expret}, name the trend\")",
        "  String identifyTrend(String expert);");
    JavaFileObject fine = prompts("Fine",
        "  @Prompt(\"Say hello to {name}\")",
        "  String hello(String name);");
    JavaFileObject alsoBroken = prompts("AlsoBroken",
        "  @Prompt(\"Say }\")",
        "  String say();");

    FilerSpy spy = new FilerSpy(new Prompt4jProcessor());
    Compilation compilation = javac().withProcessors(spy).compile(broken, fine, alsoBroken);

    assertThat(compilation).hadErrorContaining("[Prompt4j:UnknownPlaceholder] {expret}").inFile(broken).onLineContaining("{expret}");
    assertThat(compilation).hadErrorContaining("[Prompt4j:UnbalancedBraces]").inFile(alsoBroken).onLineContaining("Say }");
    assertThat(compilation).hadErrorCount(2);
    // Fine comes after Broken (interfaces are processed by name): the error did not stop it.
    assertEquals(Set.of("com.acme.Prompt4j_Fine", "com.acme.Prompt4jLazy_Fine"), spy.sources);
  }

  @Test
  void everyErrorOfAnInterfaceIsReportedNotOnlyTheFirst() {
    JavaFileObject file = prompts("Many",
        "  @Prompt(\"As {expret}, name the trend\")",
        "  String identifyTrend(String expert);",
        "  @Prompt(\"Greet {name:list}\")",
        "  String greet(String name);",
        "  @Prompt(\"Say {x}\")",
        "  void say(String x);");

    FilerSpy spy = new FilerSpy(new Prompt4jProcessor());
    Compilation compilation = javac().withProcessors(spy).compile(file);

    assertThat(compilation).hadErrorContaining("[Prompt4j:UnknownPlaceholder]").inFile(file).onLineContaining("{expret}");
    assertThat(compilation).hadErrorContaining("[Prompt4j:FormatShape]").inFile(file).onLineContaining("{name:list}");
    assertThat(compilation).hadErrorContaining("[Prompt4j:UnsupportedReturnType]").inFile(file).onLineContaining("void say(");
    assertThat(compilation).hadErrorCount(3);
    assertEquals(Set.of(), spy.sources);
  }

  @Test
  void theFirstStageWithAnErrorStopsTheInterfaceAndLaterStagesReportNothing() {
    // @Call is resolved before templates are bound: a missing @Call stops this interface there,
    // so its unknown placeholder is not reported until the call is fixed.
    JavaFileObject file = source("Staged",
        "public interface Staged {",
        "  @Prompt(\"As {expret}, name the trend\")",
        "  String identifyTrend(String expert);",
        "}");

    FilerSpy spy = new FilerSpy(new Prompt4jProcessor());
    Compilation compilation = javac().withProcessors(spy).compile(file);

    assertThat(compilation).hadErrorContaining("[Prompt4j:MissingCall] identifyTrend()").inFile(file).onLineContaining("String identifyTrend(");
    assertThat(compilation).hadErrorCount(1);
    assertEquals(Set.of(), spy.sources);
  }
}
