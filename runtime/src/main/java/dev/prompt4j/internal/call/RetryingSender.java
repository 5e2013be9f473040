package dev.prompt4j.internal.call;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.prompt4j.Attempt;
import dev.prompt4j.internal.stream.StreamSink;
import dev.prompt4j.provider.RequestContext;
import java.time.Duration;
import java.util.List;

/** Sends one request to one target, retrying what the {@link RetryPolicy} says may succeed. */
final class RetryingSender {
  private final ModelRegistry models;
  private final RequestFactory requests;
  private final RetryPolicy retries;
  private final StreamingSender streams;

  RetryingSender(ModelRegistry models, RequestFactory requests, RetryPolicy retries) {
    this.models = models;
    this.requests = requests;
    this.retries = retries;
    this.streams = new StreamingSender(models);
  }

  /**
   * Sends, and sends again while the failure may pass. Every failed try but the last is added to
   * {@code failed}; the last failure is thrown for the caller to record and to move to the next target.
   */
  ChatResponse send(CallPlan<?> plan, Target target, List<ChatMessage> conversation, ResponseFormat format, List<Attempt> failed,
      long firstStart, String reason, String detail, CallObserver observer) {
    return send(plan, target, conversation, format, failed, firstStart, reason, detail, observer, null);
  }

  /** As above, offering {@code tools} (none when {@code null}). */
  ChatResponse send(CallPlan<?> plan, Target target, List<ChatMessage> conversation, ResponseFormat format, List<Attempt> failed,
      long firstStart, String reason, String detail, CallObserver observer, List<ToolSpecification> tools) {
    Target.RetryLimit limit = target.retryLimit(); // a field read per request rather than the settings map's
    int maxRetries = limit != null && limit.sender() == this ? limit.maxRetries() : maxRetries(target);
    String why = detail;
    for (int retry = 0; ; retry++) {
      long start = retry == 0 ? firstStart : System.nanoTime();
      int attempt = failed.size() + 1;
      observer.attemptStarted(plan, target, attempt, retry == 0 ? reason : "retry", why, conversation, plan.output().jsonSchema() != null);
      RequestContext previous = RequestContext.enter(target.requestContext());
      try {
        ChatModel client = client(target);
        StreamSink sink = StreamSink.current();
        if (sink != null) {
          starting(sink, attempt, retry, reason, why);
        }
        ChatRequest request = requests.request(plan, target, conversation, format, tools);
        ChatResponse response = sink == null
            ? client.chat(request)
            : streams.send(plan, target, attempt, client, request, sink, start, observer);
        observer.attemptFinished(plan, target, attempt, response, null, System.nanoTime() - start);
        return response;
      } catch (RuntimeException e) {
        observer.attemptFinished(plan, target, attempt, null, e, System.nanoTime() - start);
        why = retryAfter(e, plan, target, failed, retry, maxRetries, start);
      } finally {
        RequestContext.restore(previous);
      }
    }
  }

  /**
   * After the failed request {@code e}: throws it when it may not be retried, else records the try in {@code failed},
   * waits, and returns why it is sent again. Out of {@link #send}, whose code then stays small enough to be inlined.
   */
  private String retryAfter(RuntimeException e, CallPlan<?> plan, Target target, List<Attempt> failed, int retry, int maxRetries,
      long start) {
    RetryPolicy.Failure failure = RetryPolicy.classify(e);
    boolean fallbackFollows = plan.targets().indexOf(target) < plan.targets().size() - 1;
    boolean again = failure.retriable() && retry < maxRetries && !(failure.unreachable() && fallbackFollows);
    Duration wait = again ? retries.delay(failure, retry) : null;
    if (wait == null) {
      throw e;
    }
    failed.add(new Attempt(target.provider(), target.model(), null,
        List.of(failure.description() + " (retry " + (retry + 1) + " of " + maxRetries + " after " + wait.toMillis() + " ms)"),
        Duration.ofNanos(System.nanoTime() - start)));
    retries.sleep(wait);
    return failure.description();
  }

  private ChatModel client(Target target) {
    return target.client() != null ? target.client() : models.client(target.provider(), target.model());
  }

  /** Tells a streaming call's sink that a request starts (after delivered chunks, a restart). */
  private static void starting(StreamSink sink, int attempt, int retry, String reason, String why) {
    sink.attemptStarting(attempt, retry == 0 && "first".equals(reason) ? null : why);
  }

  /** The retries of {@code target}'s provider, from its settings (read once, then kept with the target). */
  private int maxRetries(Target target) {
    int max = retries.maxRetries(models.settings(target.provider()));
    target.retryLimit(new Target.RetryLimit(this, max));
    return max;
  }
}
