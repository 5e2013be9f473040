package dev.prompt4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.testing.compile.Compilation;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import java.io.IOException;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Streaming (#11): with Reactor on the class path, {@code Flux<String>} is a streaming return type that runs. */
class StreamingReturnTypesTest {
  private static final JavaFileObject FLUXES = Compiled.source("com.acme.Fluxes",
      "package com.acme;",
      "import dev.prompt4j.*;",
      "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
      "public interface Fluxes {",
      "  @Prompt(\"Tell {x}\")",
      "  reactor.core.publisher.Flux<String> tell(String x);",
      "}");

  private static final JavaFileObject TYPED_FLUXES = Compiled.source("com.acme.TypedFluxes",
      "package com.acme;",
      "import dev.prompt4j.*;",
      "import java.util.List;",
      "import reactor.core.publisher.Flux;",
      "@Call(provider = \"openai\", model = \"gpt-4o-mini\")",
      "public interface TypedFluxes {",
      "  record Step(String name, int minutes) {}",
      "  record Plan(String goal, List<Step> steps) {}",
      "  @Prompt(\"Plan {x}\")",
      "  Flux<TypedFluxes_PlanPartial> plan(String x);",
      "  @Prompt(\"Steps for {x}\")",
      "  Flux<Step> steps(String x);",
      "}");

  @Test
  void aFluxOfPartialsOrOfItemsCompilesToTheirPublishersAdaptedByReactor() throws IOException {
    Compilation compilation = Compiled.compile(TYPED_FLUXES);
    assertThat(compilation).succeededWithoutWarnings();
    String source = compilation.generatedSourceFile("com.acme.Prompt4j_TypedFluxes").orElseThrow().getCharContent(true).toString();
    assertTrue(source.contains("public Flux<TypedFluxes_PlanPartial> plan(String x)"), source);
    assertTrue(source.contains(".partialPublisher(TypedFluxes_PlanPartial.class))"), source);
    assertTrue(source.contains("public Flux<TypedFluxes.Step> steps(String x)"), source);
    assertTrue(source.contains(".itemPublisher(TypedFluxes.Step.class))"), source);
  }

  @Test
  void aFluxOfPartialsAndAFluxOfItemsRunWithAClientThatDoesNotStream() throws Exception {
    Compiled compiled = Compiled.load(TYPED_FLUXES);
    Object fluxes = compiled.instance("com.acme.TypedFluxes", new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        String text = request.messages().toString().contains("Steps for")
            ? "[{\"name\":\"pack\",\"minutes\":5},{\"name\":\"go\",\"minutes\":60}]"
            : "{\"goal\":\"trip\",\"steps\":[{\"name\":\"pack\",\"minutes\":5}]}";
        return ChatResponse.builder().aiMessage(AiMessage.from(text)).finishReason(FinishReason.STOP).build();
      }
    });
    Class<?> type = compiled.type("com.acme.TypedFluxes");
    // One chunk: one partial, the whole answer.
    reactor.core.publisher.Flux<?> plan = (reactor.core.publisher.Flux<?>) type.getMethod("plan", String.class).invoke(fluxes, "a trip");
    assertEquals("[TypedFluxes_PlanPartial[goal=trip, steps=[TypedFluxes_StepPartial[name=pack, minutes=5]]]]",
        String.valueOf(plan.collectList().block(java.time.Duration.ofSeconds(10))));
    reactor.core.publisher.Flux<?> steps = (reactor.core.publisher.Flux<?>) type.getMethod("steps", String.class).invoke(fluxes, "a trip");
    assertEquals("[Step[name=pack, minutes=5], Step[name=go, minutes=60]]",
        String.valueOf(steps.collectList().block(java.time.Duration.ofSeconds(10))));
  }

  @Test
  void aFluxOfPartialsOrOfItemsWithoutReactorIsReportedOnEachMethod() {
    Compilation compilation = Compiled.compileWithout("reactor-core", TYPED_FLUXES);
    assertThat(compilation).failed();
    assertThat(compilation).hadErrorContaining("[Prompt4j:FluxWithoutReactor] plan() returns Flux<TypedFluxes_PlanPartial>, but Reactor is"
        + " not on the compile class path").inFile(TYPED_FLUXES).onLineContaining("Flux<TypedFluxes_PlanPartial> plan(");
    assertThat(compilation).hadErrorContaining("[Prompt4j:FluxWithoutReactor] steps() returns Flux<Step>, but Reactor is"
        + " not on the compile class path").inFile(TYPED_FLUXES).onLineContaining("Flux<Step> steps(");
  }

  @Test
  void aFluxOfTextCompilesToTheStreamsPublisherAdaptedByReactor() throws IOException {
    Compilation compilation = Compiled.compile(FLUXES);
    assertThat(compilation).succeededWithoutWarnings();
    JavaFileObject generated = compilation.generatedSourceFile("com.acme.Prompt4j_Fluxes").orElseThrow();
    String source = generated.getCharContent(true).toString();
    assertTrue(source.contains("return JdkFlowAdapter.flowPublisherToFlux(this.context.invokeStream(TELL,"), source);
    assertTrue(source.contains(".textPublisher())"), source);
  }

  @Test
  void aFluxRunsWithAClientThatDoesNotStreamAsOneChunk() throws Exception {
    Compiled compiled = Compiled.load(FLUXES);
    ChatModel model = new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        return ChatResponse.builder().aiMessage(AiMessage.from("once upon a time")).finishReason(FinishReason.STOP).build();
      }
    };
    Object fluxes = compiled.instance("com.acme.Fluxes", model);
    @SuppressWarnings("unchecked")
    reactor.core.publisher.Flux<String> flux =
        (reactor.core.publisher.Flux<String>) compiled.type("com.acme.Fluxes").getMethod("tell", String.class).invoke(fluxes, "x");
    assertEquals(List.of("once upon a time"), flux.collectList().block(java.time.Duration.ofSeconds(10)));
  }
}
