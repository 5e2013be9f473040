package dev.prompt4j.internal;

import dev.prompt4j.Response;
import dev.prompt4j.internal.call.AttemptLoop;
import dev.prompt4j.internal.stream.StreamSink;
import java.time.Duration;

/** The last stage of a call: the {@link Response} of an outcome, with the fields and nested calls of its chain. */
final class ResponseAssembler {
  private ResponseAssembler() {}

  static <T> Response<T> assemble(PromptMethod<T> method, CallResolver.ResolvedCall<T> call, AttemptLoop.Outcome<T> outcome,
      Invocation invocation, TraceScope parent, long start) {
    return assemble(method, call, outcome, invocation, parent, start, java.util.List.of());
  }

  static <T> Response<T> assemble(PromptMethod<T> method, CallResolver.ResolvedCall<T> call, AttemptLoop.Outcome<T> outcome,
      Invocation invocation, TraceScope parent, long start, java.util.List<dev.prompt4j.ToolCallRecord> toolCalls) {
    StreamSink stream = StreamSink.current(); // bound on this thread for a streaming call
    return Response.<T>builder()
        .value(outcome.value())
        .rawText(outcome.rawText())
        .reasoning(outcome.reasoning())
        .method(method.qualifiedName())
        .field(parent == null ? null : parent.field())
        .provider(outcome.target().provider())
        .model(outcome.target().model())
        .parameters(outcome.sent())
        .unsentParameters(outcome.unsent())
        .messages(outcome.messages())
        .usage(outcome.usage())
        .costOf(outcome.cost())
        .finishReason(outcome.finishReason())
        .startNanos(start)
        .latency(Duration.ofNanos(System.nanoTime() - start))
        .thread(Thread.currentThread().getName())
        .failedAttempts(outcome.failedAttempts())
        .promptVersion(call.promptVersion())
        .outputMode(outcome.outputMode())
        .fields(invocation.fields())
        .calls(invocation.calls())
        .toolCalls(toolCalls)
        .timeToFirstChunk(stream == null ? null : stream.timeToFirstChunk())
        .chunkCount(stream == null ? 0 : stream.chunkCount())
        .build();
  }
}
