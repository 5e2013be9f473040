package dev.prompt4j.examples.streaming;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Response;
import dev.prompt4j.examples.Env;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamingExamplesTest {

  @Test
  void theFinalAnalysisStreamsInChunksAfterTheClassificationRan() {
    Env env = Env.offline(StreamingExamples.SCRIPT);
    Response<String> analysis = StreamingExamples.text(env);

    assertTrue(analysis.value().startsWith("Growth opportunity"), analysis.value());
    assertTrue(analysis.chunkCount() > 10, "chunks: " + analysis.chunkCount());
    assertEquals("trendCategory", analysis.calls().get(0).field());
    assertEquals(List.of("StreamedTrendAnalysis.classifyTrend", "StreamedTrendAnalysis.analyzeTrend"),
        env.requests().stream().map(r -> r.method()).toList());
  }

  @Test
  void theTypedBriefIsValidatedFromItsFencedAnswer() {
    java.io.PrintStream console = System.out;
    java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
    Response<StreamedTrendAnalysis.TrendBrief> brief;
    try {
      System.setOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8));
      brief = StreamingExamples.partials(Env.offline(StreamingExamples.SCRIPT));
    } finally {
      System.setOut(console);
    }
    List<String> lines = printed.toString(java.nio.charset.StandardCharsets.UTF_8).lines().toList();
    // typed partials: the headline first, the actions one by one, the horizon (a number) last
    assertEquals("  partial: headline=null | actions=null | horizon=null", lines.get(0));
    assertTrue(lines.contains("  partial: headline=Automation moves from pilots to production | actions=[Pick one workflow with a measurable cost]"
        + " | horizon=null"), String.join("\n", lines));
    assertTrue(lines.get(lines.size() - 1).endsWith("| horizon=2"), String.join("\n", lines));

    assertEquals(new StreamedTrendAnalysis.TrendBrief("Automation moves from pilots to production",
        List.of("Pick one workflow with a measurable cost", "Price on outcomes, not seats", "Win two reference customers per industry"), 2),
        brief.value());
  }
}
