package dev.prompt4j.benchmarks;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.service.AiServices;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 1: the cost of one call when the model answers at once. The same {@link FixedModel}
 * answers all three, so the figures differ only by the framework's work: rendering the template,
 * building the request, calling, and returning the text.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class OverheadBenchmark {
  static final String ANSWER = "A fixed answer of a few words.";

  // Not final and not constant: the JIT must not fold the rendering away.
  String topic = "AI-driven automation";
  String audience = "procurement leaders";
  int words = 120;

  FixedModel model;
  OverheadPrompts generated;
  OverheadAssistant aiServices;

  @Setup
  public void setup() {
    model = new FixedModel(ANSWER);
    generated = Contexts.generated(OverheadPrompts.class, model);
    aiServices = AiServices.builder(OverheadAssistant.class).chatModel(model).build();
    check(handWritten());
    check(generated());
    check(aiServices());
  }

  private static void check(String answer) {
    if (!ANSWER.equals(answer)) {
      throw new IllegalStateException("unexpected answer: " + answer);
    }
  }

  /** The baseline: build the message, call the model, return the text. */
  @Benchmark
  public String handWritten() {
    String text = "Summarise " + topic + " for " + audience + " in " + words + " words.";
    ChatRequest request = ChatRequest.builder().messages(UserMessage.from(text)).build();
    return model.chat(request).aiMessage().text();
  }

  /** The generated implementation of {@link OverheadPrompts#summarise}. */
  @Benchmark
  public String generated() {
    return generated.summarise(topic, audience, words);
  }

  /** LangChain4j AI Services with the same template. */
  @Benchmark
  public String aiServices() {
    return aiServices.summarise(topic, audience, words);
  }
}
