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
    Response<StreamedTrendAnalysis.TrendBrief> brief = StreamingExamples.partials(Env.offline(StreamingExamples.SCRIPT));

    assertEquals(new StreamedTrendAnalysis.TrendBrief("Automation moves from pilots to production",
        List.of("Pick one workflow with a measurable cost", "Price on outcomes, not seats", "Win two reference customers per industry"), 2),
        brief.value());
  }
}
