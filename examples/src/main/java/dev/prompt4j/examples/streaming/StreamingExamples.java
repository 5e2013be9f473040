package dev.prompt4j.examples.streaming;

import dev.prompt4j.PromptStream;
import dev.prompt4j.Response;
import dev.prompt4j.StreamEvent;
import dev.prompt4j.examples.Env;
import dev.prompt4j.examples.Example;
import java.util.List;

/** Streaming (seed 000's conditional chain): text to the console as it arrives, and typed partials. */
public final class StreamingExamples {
  /** The offline script of these examples. */
  public static final String SCRIPT = "offline/streaming.json";

  private static final String TREND = "More enterprises are adopting AI-driven automation for workflow optimization.";

  private StreamingExamples() {}

  public static List<Example> all() {
    return List.of(
        new Example("000", "Streaming: the conditional chain's final analysis printed as it arrives", SCRIPT, StreamingExamples::text),
        new Example("000", "Streaming a typed answer: TrendBrief partials as they fill in, then the validated record", SCRIPT,
            StreamingExamples::partials));
  }

  /** Prints each chunk as it arrives; the response then says how many and how soon the first came. */
  public static Response<String> text(Env env) {
    StreamedTrendAnalysis analysis = env.create(StreamedTrendAnalysis.class);
    PromptStream<String> stream = analysis.analyzeTrend(TREND); // classifyTrend runs first, unstreamed
    System.out.print("  > ");
    for (String chunk : stream) {
      System.out.print(chunk);
      System.out.flush();
    }
    System.out.println();
    Response<String> response = stream.result();
    System.out.println("  (" + response.chunkCount() + " chunks, first after " + response.timeToFirstChunk().toMillis() + " ms)");
    return response;
  }

  /**
   * Each typed partial as it changed (the generated {@code StreamedTrendAnalysis_TrendBriefPartial}:
   * every component {@code null} until it arrives), then the final, validated record.
   */
  public static Response<StreamedTrendAnalysis.TrendBrief> partials(Env env) {
    StreamedTrendAnalysis analysis = env.create(StreamedTrendAnalysis.class);
    PromptStream<StreamedTrendAnalysis.TrendBrief> stream = analysis.brief(TREND);
    stream.events().forEach(event -> {
      if (event instanceof StreamEvent.Partial p && p.typed() instanceof StreamedTrendAnalysis_TrendBriefPartial brief) {
        System.out.println("  partial: headline=" + brief.headline() + " | actions=" + brief.actions() + " | horizon=" + brief.horizonYears());
      } else if (event instanceof StreamEvent.Restarted r) {
        System.out.println("  restarted (attempt " + r.attempt() + "): " + r.errors());
      }
    });
    return stream.result();
  }
}
