package dev.prompt4j.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The generated code of a diamond of computed fields: each field once, the two branches in parallel. */
class ChainEndToEndTest {

  static final Compiled DIAMOND = Compiled.load(Compiled.source("com.acme.Strategy",
      "package com.acme;",
      "import dev.prompt4j.*;",
      "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
      "public interface Strategy {",
      "  @Prompt(\"Plan for {market}: leader says {leader}; trends say {trends}\")",
      "  Response<String> plan(String market);",
      "",
      "  @Prompt(\"Describe the market {market}\")",
      "  String describe(String market);",
      "",
      "  @Prompt(\"As a business leader, react to: {text}\")",
      "  String lead(String text);",
      "",
      "  @Prompt(\"List B2B trends in: {text}\")",
      "  String trend(String text);",
      "",
      "  @ComputedField",
      "  default String description(String market) {",
      "    return describe(market);",
      "  }",
      "",
      "  @ComputedField",
      "  default String leader(String description) {",
      "    return lead(description);",
      "  }",
      "",
      "  @ComputedField",
      "  default String trends(String description) {",
      "    return trend(description);",
      "  }",
      "}"));

  @Test
  void diamondMakesFourCallsAndTheBranchesOverlap() throws Exception {
    Map<String, long[]> spans = new ConcurrentHashMap<>(); // first word of the prompt -> {start, end}
    RecordingModel model = new RecordingModel(request -> {
      String text = ((UserMessage) request.messages().get(0)).singleText();
      long start = System.nanoTime();
      try {
        Thread.sleep(200); // the model's fixed latency
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      spans.put(text.split(" ")[0], new long[] {start, System.nanoTime()});
      return "<" + text + ">";
    });
    Class<?> type = DIAMOND.type("com.acme.Strategy");
    Object created = Prompt4j.builder().classLoader(DIAMOND).properties(java.util.Map.of()).build().create(type);
    Object strategy = Prompt4j.override(created).client(model).build();

    Response<?> response = (Response<?>) type.getMethod("plan", String.class).invoke(strategy, "chips");

    assertEquals(4, model.requests.size(), "the shared field is computed once: "
        + model.requests.stream().map(ChatRequest::messages).toList());
    long[] leader = spans.get("As");
    long[] trends = spans.get("List");
    long[] description = spans.get("Describe");
    assertTrue(leader[0] < trends[1] && trends[0] < leader[1], "the two branches overlap");
    assertTrue(description[1] <= leader[0] && description[1] <= trends[0], "both start after the field they need");
    assertEquals("<Plan for chips: leader says <As a business leader, react to: <Describe the market chips>>; "
        + "trends say <List B2B trends in: <Describe the market chips>>>", response.value());
    Map<String, String> nested = response.calls().stream().collect(Collectors.toMap(Response::field, Response::method));
    assertEquals(Map.of("description", "Strategy.describe", "leader", "Strategy.lead", "trends", "Strategy.trend"), nested);
    assertEquals(List.of("description"), response.fields().stream().map(f -> f.name()).limit(1).toList());
  }

  static final Compiled HUBS = Compiled.load(Compiled.source("com.acme.Logistics",
      "package com.acme;",
      "import dev.prompt4j.*;",
      "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
      "public interface Logistics {",
      "  @Prompt(\"East via {hub}, {route}\")",
      "  String eastCall(String hub);",
      "",
      "  @Prompt(\"West via {hub}, {route}\")",
      "  String westCall();",
      "",
      "  @ComputedField",
      "  default String hub() {",
      "    return \"Leipzig\";",
      "  }",
      "",
      "  @ComputedField",
      "  default String route(String hub) {",
      "    return \"route through \" + hub;",
      "  }",
      "}"));

  @Test
  void aMethodsOwnParameterNamesTheValueAndOtherMethodsSeeTheComputedField() throws Exception {
    RecordingModel model = new RecordingModel(request -> "<" + ((UserMessage) request.messages().get(0)).singleText() + ">");
    Object logistics = HUBS.instance("com.acme.Logistics", model);
    Class<?> type = HUBS.type("com.acme.Logistics");

    assertEquals("<East via Erfurt, route through Erfurt>", type.getMethod("eastCall", String.class).invoke(logistics, "Erfurt"));
    assertEquals("<West via Leipzig, route through Leipzig>", type.getMethod("westCall").invoke(logistics));
  }
}
