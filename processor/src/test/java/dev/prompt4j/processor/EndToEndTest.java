package dev.prompt4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import java.lang.reflect.Method;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Generated classes, compiled and run: messages rendered from templates, fields chained, answers parsed. */
class EndToEndTest {

  static final Compiled TRENDS = Compiled.load(Compiled.source("com.acme.TrendAnalysis",
      "package com.acme;",
      "import dev.prompt4j.*;",
      "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
      "public interface TrendAnalysis {",
      "  enum TrendCategory { EMERGING, DECLINING }",
      "  @Prompt(\"Does the following market trend appear to be emerging or declining? {trendDescription}\")",
      "  TrendCategory classifyTrend(String trendDescription);",
      "",
      "  @Prompt(\"\"\"",
      "      SYSTEM:",
      "      Your task is to analyze a B2B market trend.",
      "      The trend has been identified as {trendCategory}.",
      "",
      "      USER:",
      "      Provide a {trendAnalysisType} for the following trend: {trendDescription}",
      "      \"\"\")",
      "  Response<String> analyzeTrend(String trendDescription);",
      "",
      "  @Prompt(\"Say hello to {name}\")",
      "  String hello(String name);",
      "",
      "  @ComputedField",
      "  default TrendCategory trendCategory(String trendDescription) {",
      "    return classifyTrend(trendDescription);",
      "  }",
      "",
      "  @ComputedField",
      "  default String trendAnalysisType(TrendCategory trendCategory) {",
      "    return trendCategory == TrendCategory.EMERGING ? \"growth opportunity analysis\" : \"risk mitigation strategy\";",
      "  }",
      "}"));

  private static Object instance(RecordingModel model) {
    Class<?> type = TRENDS.type("com.acme.TrendAnalysis");
    Object created = Prompt4j.builder().classLoader(TRENDS).properties(java.util.Map.of()).build().create(type);
    return Prompt4j.override(created).client(model).build();
  }

  private static Object call(Object target, String method, Object... args) throws Exception {
    Method m = target.getClass().getMethod(method, String.class);
    return m.invoke(target, args);
  }

  @Test
  void stringPromptRunsThroughGeneratedClass() throws Exception {
    RecordingModel model = new RecordingModel(request -> "Hello, Ada!");
    Object trends = instance(model);

    assertEquals("Hello, Ada!", call(trends, "hello", "Ada"));
    List<ChatMessage> sent = model.requests.get(0).messages();
    assertEquals(List.of(UserMessage.from("Say hello to Ada")), sent);
    // The client given by code stands in for the model: it is not sent the annotation's model name.
    assertEquals(null, model.requests.get(0).parameters().modelName());
  }

  @Test
  void computedFieldsChainCallsAndNestTheTrace() throws Exception {
    RecordingModel model = new RecordingModel(request -> {
      String text = ((UserMessage) request.messages().get(request.messages().size() - 1)).singleText();
      return text.startsWith("Does the following") ? "It is clearly Emerging." : "Invest early.";
    });
    Object trends = instance(model);

    Response<?> response = (Response<?>) call(trends, "analyzeTrend", "AI agents in procurement");

    assertEquals("Invest early.", response.value());
    assertEquals("openai", response.provider(), "the @Call of the interface, as the generated descriptor carries it");
    assertEquals("gpt-4o-mini", response.model());
    assertEquals(2, model.requests.size());
    ChatRequest analysis = model.requests.get(1);
    assertEquals(SystemMessage.from("Your task is to analyze a B2B market trend.\nThe trend has been identified as EMERGING."),
        analysis.messages().get(0));
    assertEquals(UserMessage.from("Provide a growth opportunity analysis for the following trend: AI agents in procurement"),
        analysis.messages().get(1));
    assertEquals(1, response.calls().size());
    Response<?> nested = response.calls().get(0);
    assertEquals("TrendAnalysis.classifyTrend", nested.method());
    assertEquals("trendCategory", nested.field());
    assertInstanceOf(Enum.class, nested.value());
    assertEquals(List.of("trendCategory", "trendAnalysisType"), response.fields().stream().map(f -> f.name()).toList());
    assertTrue(response.toJson().contains("\"method\" : \"TrendAnalysis.classifyTrend\""), response.toJson());
  }

  @Test
  void optionalsAndCharArraysRenderTheirContent() throws Exception {
    Compiled compiled = Compiled.load(Compiled.source("com.acme.Shapes",
        "package com.acme;",
        "import dev.prompt4j.*;",
        "import java.util.Optional;",
        "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
        "public interface Shapes {",
        "  @Prompt(\"Nickname: {nickname}; code: {code}; tags: {tags:list}\")",
        "  String describe(Optional<String> nickname, char[] code, String[] tags);",
        "}"));
    RecordingModel model = new RecordingModel(request -> "ok");
    Object shapes = compiled.instance("com.acme.Shapes", model);
    Method describe = shapes.getClass().getMethod("describe", java.util.Optional.class, char[].class, String[].class);

    describe.invoke(shapes, java.util.Optional.of("Ada"), "X-7".toCharArray(), new String[] {"a", "b"});
    describe.invoke(shapes, java.util.Optional.empty(), "".toCharArray(), new String[0]);

    assertEquals(UserMessage.from("Nickname: Ada; code: X-7; tags: a\nb"), model.requests.get(0).messages().get(0));
    assertEquals(UserMessage.from("Nickname: ; code: ; tags: "), model.requests.get(1).messages().get(0));
  }

  @Test
  void componentsAreReadThroughWildcardsAndGenerics() throws Exception {
    Compiled compiled = Compiled.load(Compiled.source("com.acme.Shelves",
        "package com.acme;",
        "import dev.prompt4j.*;",
        "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
        "public interface Shelves {",
        "  record Book(String title) {}",
        "  record Box<T>(T value) {}",
        "  @Prompt(\"Review {box.value.title}\")",
        "  String review(Box<? extends Book> box);",
        "}"));
    RecordingModel model = new RecordingModel(request -> "ok");
    Object shelves = compiled.instance("com.acme.Shelves", model);
    Class<?> book = compiled.type("com.acme.Shelves$Book");
    Class<?> box = compiled.type("com.acme.Shelves$Box");
    Object dune = book.getDeclaredConstructors()[0].newInstance("Dune");
    Object boxed = box.getDeclaredConstructors()[0].newInstance(dune);

    shelves.getClass().getMethod("review", box).invoke(shelves, boxed);

    assertEquals(UserMessage.from("Review Dune"), model.requests.get(0).messages().get(0));
  }
}
