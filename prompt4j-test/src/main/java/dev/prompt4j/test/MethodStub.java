package dev.prompt4j.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.prompt4j.provider.ProviderHttpException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The scripted answers of one prompt method: a sequence of steps, one per request, in order; the last
 * step repeats. Each method adds one step and returns this stub, so a sequence reads in order:
 *
 * <pre>{@code
 * kit.stub(Planner.class).on("plan")
 *     .answer("{\"steps\": []}")          // invalid: the runtime re-asks with the errors
 *     .answerJson(new Plan(List.of(step)))  // valid
 *     ;
 * kit.stub(Planner.class).on("summarize").rateLimited(Duration.ofMillis(10)).timeout().answer("Done.");
 * }</pre>
 *
 * Failures are thrown as the real clients throw them (langchain4j's exceptions around Prompt4j's
 * {@link ProviderHttpException}), so retries, fallbacks and error messages behave as they do live.
 * Streamed chunks and tool calls will be further kinds of step.
 */
public final class MethodStub {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** One scripted reaction to a request. */
  @FunctionalInterface
  interface Step {
    ChatResponse respond(ChatRequest request, int number);
  }

  private final String method;
  private final List<Step> steps = new ArrayList<>(); // guarded by this
  private int next; // guarded by this

  MethodStub(String method) {
    this.method = method;
  }

  /**
   * Answers {@code text}.
   *
   * @param text the text
   * @return answers {@code text}
   */
  public MethodStub answer(String text) {
    Objects.requireNonNull(text, "text");
    return step((request, n) -> reply(request, text, n));
  }

  /**
   * Answers each of {@code texts} in turn.
   *
   * @param texts the texts
   * @return answers each of {@code texts} in turn
   */
  public MethodStub answers(String... texts) {
    for (String text : texts) answer(text);
    return this;
  }

  /**
   * Answers {@code value} written as JSON (a record, list or map); an enum constant or a string is
   * answered as its name or text, as a model would write it.
   *
   * @param value the value
   * @return answers {@code value} written as JSON (a record, list or map); an enum constant or a string is answered as its name or text, as a model would write it
   */
  public MethodStub answerJson(Object value) {
    if (value instanceof Enum<?> e) return answer(e.name());
    if (value instanceof CharSequence s) return answer(s.toString());
    try {
      return answer(JSON.writeValueAsString(value));
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write " + value + " as JSON for " + method + ": " + e.getOriginalMessage(), e);
    }
  }

  /**
   * One turn in which the model calls the tool {@code name} (the tool loop runs it and sends its result
   * back; the next step answers that request): {@code stub(Agent.class).on("ask").callTool("forecast",
   * "{\"city\":\"Paris\"}").answer("Sunny.")}.
   *
   * @param name the tool's name
   * @param arguments its arguments, a JSON object
   * @return this stub
   */
  public MethodStub callTool(String name, String arguments) {
    String turn = ScriptedToolCalls.text(Objects.requireNonNull(name, "name"), arguments);
    return step((request, n) -> reply(request, ScriptedToolCalls.message(turn, "stub-" + n), "", FinishReason.TOOL_EXECUTION, n));
  }

  /**
   * Answers what {@code reply} computes from the request (its messages, parameters).
   *
   * @param reply the reply
   * @return answers what {@code reply} computes from the request (its messages, parameters)
   */
  public MethodStub answerWith(Function<ChatRequest, String> reply) {
    Objects.requireNonNull(reply, "reply");
    return step((request, n) -> reply(request, reply.apply(request), n));
  }

  /**
   * Fails with HTTP 429 and a {@code Retry-After} of {@code retryAfter} (the runtime waits that long, then retries).
   *
   * @param retryAfter the retry after
   * @return fails with HTTP 429 and a {@code Retry-After} of {@code retryAfter} (the runtime waits that long, then retries)
   */
  public MethodStub rateLimited(Duration retryAfter) {
    Objects.requireNonNull(retryAfter, "retryAfter");
    return step((request, n) -> {
      String body = "{\"error\":{\"message\":\"Rate limit reached (stubbed)\",\"type\":\"rate_limit_error\",\"code\":\"rate_limit_exceeded\"}}";
      throw new RateLimitException(new ProviderHttpException(429, body, retryAfter));
    });
  }

  /**
   * Fails with the HTTP status {@code status} (5xx are retried, most 4xx are not).
   *
   * @param status the status
   * @return fails with the HTTP status {@code status} (5xx are retried, most 4xx are not)
   */
  public MethodStub httpError(int status) {
    return step((request, n) -> {
      throw new ProviderHttpException(status, "{\"error\":{\"message\":\"HTTP " + status + " (stubbed)\"}}", null);
    });
  }

  /**
   * Fails as a request that timed out (retried by the runtime).
   *
   * @return fails as a request that timed out (retried by the runtime)
   */
  public MethodStub timeout() {
    return step((request, n) -> {
      throw new dev.langchain4j.exception.TimeoutException(new HttpTimeoutException("request timed out (stubbed)"));
    });
  }

  /**
   * Fails with {@code failure}.
   *
   * @param failure the failure
   * @return fails with {@code failure}
   */
  public MethodStub fail(RuntimeException failure) {
    Objects.requireNonNull(failure, "failure");
    return step((request, n) -> {
      throw failure;
    });
  }

  private synchronized MethodStub step(Step step) {
    steps.add(step);
    return this;
  }

  /** Answers the next request with the next step (the last one repeats). */
  ChatResponse respond(ChatRequest request, int number) {
    Step step;
    synchronized (this) {
      if (steps.isEmpty()) {
        throw new IllegalStateException("The stub of " + method + " has no answer: add one with answer(...) or a failure");
      }
      step = steps.get(Math.min(next++, steps.size() - 1));
    }
    return step.respond(request, number);
  }

  static ChatResponse reply(ChatRequest request, String text, int number) {
    return reply(request, AiMessage.from(text), text, FinishReason.STOP, number);
  }

  private static ChatResponse reply(ChatRequest request, AiMessage message, String text, FinishReason finish, int number) {
    String model = request.parameters() == null ? null : request.parameters().modelName();
    String all = MessageText.join(request.messages(), m -> true);
    return ChatResponse.builder()
        .aiMessage(message)
        .id("stub-" + number)
        .modelName(model == null ? "stub" : model)
        .tokenUsage(new TokenUsage(words(all), words(text)))
        .finishReason(finish)
        .build();
  }

  private static int words(String text) {
    return text == null || text.isBlank() ? 0 : text.strip().split("\\s+").length;
  }

  @Override
  public synchronized String toString() {
    return "MethodStub[" + method + ", " + steps.size() + " step(s), next " + next + "]";
  }
}
