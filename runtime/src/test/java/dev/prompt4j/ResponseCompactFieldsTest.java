package dev.prompt4j;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * What a response keeps in fewer fields (to allocate less per call) still reads back as it was given:
 * the latency as nanoseconds, the cost's source and its price in one slot, and the rarely set pending state
 * and stream figures in one.
 */
class ResponseCompactFieldsTest {
  private static Response.Builder<String> plain() {
    return Response.<String>builder().method("A.m").value("v");
  }

  @Test
  void latencyReadsBackAndIsNullWhenNotSetAndSaturatesBeyondNanoseconds() {
    assertNull(plain().build().latency());
    assertEquals(Duration.ofMillis(1234).plusNanos(5), plain().latency(Duration.ofMillis(1234).plusNanos(5)).build().latency());
    assertEquals(Duration.ZERO, plain().latency(Duration.ZERO).build().latency());
    assertEquals(Duration.ofNanos(Long.MAX_VALUE), plain().latency(Duration.ofDays(365L * 1000)).build().latency());
    assertEquals(Duration.ofNanos(Long.MIN_VALUE + 1), plain().latency(Duration.ofDays(-365L * 1000)).build().latency());
  }

  @Test
  void aLazyCostIsPricedOnceOnFirstUseAndAGivenCostWins() {
    AtomicInteger priced = new AtomicInteger();
    Cost cost = Cost.usd(new BigDecimal("0.25"));
    Response<String> lazy = plain().costOf(() -> {
      priced.incrementAndGet();
      return cost;
    }).build();
    assertEquals(0, priced.get(), "not priced until asked");
    assertSame(cost, lazy.cost());
    assertSame(cost, lazy.cost());
    assertEquals(1, priced.get());

    Cost given = Cost.usd(new BigDecimal("0.5"));
    assertSame(given, plain().cost(given).costOf(() -> cost).build().cost());
    assertSame(Cost.UNKNOWN, plain().build().cost());
  }

  @Test
  void streamFiguresAndPendingStateReadBackAndAPlainResponseHasNone() throws Exception {
    Response<String> none = plain().build();
    assertNull(none.timeToFirstChunk());
    assertEquals(0, none.chunkCount());
    assertFalse(none.isPending());
    assertEquals(List.of(), none.pending());
    assertThrows(IllegalStateException.class, none::pendingState);
    assertFalse(new ObjectMapper().readTree(none.toJson()).has("chunks"));

    Response<String> streamed = plain().timeToFirstChunk(Duration.ofMillis(7)).chunkCount(12).build();
    assertEquals(Duration.ofMillis(7), streamed.timeToFirstChunk());
    assertEquals(12, streamed.chunkCount());
    JsonNode json = new ObjectMapper().readTree(streamed.toJson());
    assertEquals(12, json.path("chunks").asInt());
    assertEquals(7.0, json.path("timeToFirstChunkMillis").asDouble(), 1e-9);

    PendingToolCall call = new PendingToolCall("c1", "refund", "{}");
    Response<String> paused = plain().value(null).pending(new Response.Pending<>(List.of(call), () -> "{\"state\":1}",
        decisions -> plain().value("resumed " + decisions).build())).build();
    assertTrue(paused.isPending());
    assertEquals(List.of(call), paused.pending());
    assertEquals("{\"state\":1}", paused.pendingState());
    assertEquals("resumed {c1=true}", paused.resume(ToolDecisions.approveAll(paused.pending())).value());
    assertNull(paused.timeToFirstChunk());
    assertNull(paused.promptVersion());
    assertEquals(CallParameters.NONE, paused.unsentParameters());
  }

  @Test
  void unsentParametersAndPromptVersionReadBackAndDefaultToNoneAndNull() throws Exception {
    Response<String> none = plain().unsentParameters(CallParameters.NONE).build();
    assertEquals(CallParameters.NONE, none.unsentParameters());
    assertNull(none.promptVersion());
    CallParameters unsent = CallParameters.NONE.withSeed(42);
    Response<String> some = plain().unsentParameters(unsent).promptVersion("v7").build();
    assertEquals(unsent, some.unsentParameters());
    assertEquals("v7", some.promptVersion());
    JsonNode json = new ObjectMapper().readTree(some.toJson());
    assertEquals(42, json.path("unsentParameters").path("seed").asInt());
    assertEquals("v7", json.path("promptVersion").asText());
    assertFalse(new ObjectMapper().readTree(none.toJson()).has("unsentParameters"));
  }

  @Test
  void reasoningReadsBackAloneAndBesideTheOtherRareFieldsAndIsEmptyOtherwise() throws Exception {
    assertEquals("", plain().build().reasoning());
    assertEquals("", plain().reasoning(null).build().reasoning());
    assertFalse(new ObjectMapper().readTree(plain().build().toJson()).has("reasoning"));

    Response<String> thought = plain().reasoning("weighed two options").build();
    assertEquals("weighed two options", thought.reasoning());
    assertNull(thought.timeToFirstChunk());
    assertEquals("weighed two options", new ObjectMapper().readTree(thought.toJson()).path("reasoning").asText());

    Response<String> both = plain().reasoning("r").chunkCount(3).promptVersion("v2").build();
    assertEquals("r", both.reasoning());
    assertEquals(3, both.chunkCount());
    assertEquals("v2", both.promptVersion());
  }

  @Test
  void theTraceListsAndParentFieldReadBackCopiedAndAPlainResponseHasNone() throws Exception {
    Response<String> none = plain().build();
    assertNull(none.field());
    assertEquals(List.of(), none.failedAttempts());
    assertEquals(List.of(), none.fields());
    assertEquals(List.of(), none.calls());
    assertEquals(List.of(), none.toolCalls());
    assertEquals(1, none.attempts());

    Attempt failed = new Attempt("openai", "gpt-4o-mini", null, List.of("HTTP 503"), Duration.ofMillis(3));
    FieldRecord field = new FieldRecord("persona", java.time.Instant.parse("2026-01-01T00:00:00Z"), Duration.ofMillis(2), "main", null);
    Response<?> nested = Response.<String>builder().method("A.persona").field("persona").value("p").usage(new Usage(1, 2, 3, 0)).build();
    ToolCallRecord tool = new ToolCallRecord(1, "c1", "price", "{}", "4", null, Duration.ofMillis(1));
    java.util.ArrayList<Attempt> attempts = new java.util.ArrayList<>(List.of(failed));
    java.util.ArrayList<Response<?>> calls = new java.util.ArrayList<>(List.of(nested));
    Response<String> traced = plain().field("outer").failedAttempts(attempts).fields(new java.util.ArrayList<>(List.of(field)))
        .calls(calls).toolCalls(new java.util.ArrayList<>(List.of(tool))).usage(new Usage(10, 20, 30, 0)).build();
    attempts.clear();
    calls.clear();
    assertEquals("outer", traced.field());
    assertEquals(List.of(failed), traced.failedAttempts(), "copied when built");
    assertEquals(2, traced.attempts());
    assertEquals(List.of(field), traced.fields());
    assertEquals(List.of(nested), traced.calls(), "copied when built");
    assertEquals(List.of(tool), traced.toolCalls());
    assertEquals(33, traced.totalUsage().totalTokens());
    assertThrows(UnsupportedOperationException.class, () -> traced.calls().add(nested));
    JsonNode json = new ObjectMapper().readTree(traced.toJson());
    assertEquals("outer", json.path("field").asText());
    assertEquals("HTTP 503", json.path("failedAttempts").path(0).path("errors").path(0).asText());
    assertEquals("persona", json.path("fields").path(0).path("name").asText());
    assertEquals("A.persona", json.path("calls").path(0).path("method").asText());
    assertEquals("price", json.path("toolCalls").path(0).path("name").asText());
    assertFalse(new ObjectMapper().readTree(none.toJson()).has("calls"));
  }
}
