package dev.prompt4j.benchmarks;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptCall;
import dev.prompt4j.PromptListener;
import dev.prompt4j.Response;
import dev.prompt4j.opentelemetry.OpenTelemetryListener;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 6: what observation costs per call when the model answers at once. The same call as
 * benchmark 1 with no listener (the runtime hands it the empty observer), with a listener whose
 * methods are empty (the events are made and delivered), and with the OpenTelemetry listener on the
 * SDK with an in-memory exporter (spans and histograms recorded).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ListenerBenchmark {
  String topic = "AI-driven automation";
  String audience = "procurement leaders";
  int words = 120;

  FixedModel model;
  OverheadPrompts noListener;
  OverheadPrompts emptyListener;
  OverheadPrompts openTelemetry;
  OpenTelemetrySdk sdk;
  InMemorySpanExporter spans;
  int sinceReset;

  private static OverheadPrompts with(FixedModel model, PromptListener listener) {
    Prompt4j.Builder builder = Prompt4j.builder().classLoader(OverheadPrompts.class.getClassLoader()).properties(Map.of());
    if (listener != null) {
      builder.listener(listener);
    }
    return Prompt4j.override(builder.build().create(OverheadPrompts.class)).client(model).build();
  }

  @Setup
  public void setup() {
    model = new FixedModel(OverheadBenchmark.ANSWER);
    spans = InMemorySpanExporter.create();
    sdk = OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(InMemoryMetricReader.create()).build())
        .build();
    noListener = with(model, null);
    emptyListener = with(model, new PromptListener() {
      @Override
      public void callFinished(PromptCall call, Response<?> response, Throwable failure) {}
    });
    openTelemetry = with(model, OpenTelemetryListener.create(sdk));
    for (String answer : new String[] {handWritten(), noListener(), emptyListener(), openTelemetry()}) {
      if (!OverheadBenchmark.ANSWER.equals(answer)) {
        throw new IllegalStateException("unexpected answer: " + answer);
      }
    }
    if (spans.getFinishedSpanItems().size() != 2) {
      throw new IllegalStateException("the OpenTelemetry listener recorded " + spans.getFinishedSpanItems().size() + " spans, not 2");
    }
  }

  @TearDown
  public void tearDown() {
    sdk.close();
  }

  /** The baseline of benchmark 1: build the message, call the model, return the text. */
  @Benchmark
  public String handWritten() {
    String text = "Summarise " + topic + " for " + audience + " in " + words + " words.";
    ChatRequest request = ChatRequest.builder().messages(UserMessage.from(text)).build();
    return model.chat(request).aiMessage().text();
  }

  /** No listener anywhere: every call gets the empty observer. */
  @Benchmark
  public String noListener() {
    return noListener.summarise(topic, audience, words);
  }

  /** One listener with empty methods: the events are made and delivered. */
  @Benchmark
  public String emptyListener() {
    return emptyListener.summarise(topic, audience, words);
  }

  /** The OpenTelemetry listener on the SDK, spans to an in-memory exporter (emptied every 10,000 calls). */
  @Benchmark
  public String openTelemetry() {
    if (++sinceReset == 10_000) {
      spans.reset();
      sinceReset = 0;
    }
    return openTelemetry.summarise(topic, audience, words);
  }
}
