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
    boolean fallbackFollows = plan.targets().indexOf(target) < plan.targets().size() - 1;
    int maxRetries = retries.maxRetries(models.settings(target.provider()));
    String why = detail;
    for (int retry = 0; ; retry++) {
      long start = retry == 0 ? firstStart : System.nanoTime();
      int attempt = failed.size() + 1;
      observer.attemptStarted(plan, target, attempt, retry == 0 ? reason : "retry", why, conversation, plan.output().jsonSchema() != null);
      RequestContext previous = RequestContext.enter(target.requestContext());
      try {
        ChatModel client = target.client() != null ? target.client() : models.client(target.provider(), target.model());
        StreamSink sink = StreamSink.current();
        if (sink != null) {
          sink.attemptStarting(attempt, retry == 0 && "first".equals(reason) ? null : why);
        }
        ChatRequest request = requests.request(plan, target, conversation, format, tools);
        ChatResponse response = sink == null
            ? client.chat(request)
            : streams.send(plan, target, attempt, client, request, sink, start, observer);
        observer.attemptFinished(plan, target, attempt, response, null, System.nanoTime() - start);
        return response;
      } catch (RuntimeException e) {
        observer.attemptFinished(plan, target, attempt, null, e, System.nanoTime() - start);
        RetryPolicy.Failure failure = RetryPolicy.classify(e);
        boolean again = failure.retriable() && retry < maxRetries && !(failure.unreachable() && fallbackFollows);
        Duration wait = again ? retries.delay(failure, retry) : null;
        if (wait == null) {
          throw e;
        }
        why = failure.description();
        failed.add(new Attempt(target.provider(), target.model(), null,
            List.of(failure.description() + " (retry " + (retry + 1) + " of " + maxRetries + " after " + wait.toMillis() + " ms)"),
            Duration.ofNanos(System.nanoTime() - start)));
        retries.sleep(wait);
      } finally {
        RequestContext.restore(previous);
      }
    }
  }
}
