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
