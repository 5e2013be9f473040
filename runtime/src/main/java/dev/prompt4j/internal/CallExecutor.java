package dev.prompt4j.internal;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.prompt4j.Attempt;
import dev.prompt4j.OutputException;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.ProviderException;
import dev.prompt4j.Usage;
import dev.prompt4j.provider.RequestContext;
import dev.prompt4j.internal.output.OutputMode;
import dev.prompt4j.internal.output.StructuredRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one prompt call: each target in turn (the model, then fallbacks) until one answers; the
 * answer parsed, and re-asked with the errors when it does not fit, up to the attempt limit.
 */
final class CallExecutor {
  private final ModelRegistry models;
  private final OutputSettings outputs;
  private final RetryPolicy retries;

  CallExecutor(ModelRegistry models, OutputSettings outputs) {
    this(models, outputs, RetryPolicy.from(Configuration.empty(), RetryPolicy.Sleeper.THREAD));
  }

  CallExecutor(ModelRegistry models, OutputSettings outputs, RetryPolicy retries) {
    this.models = models;
    this.outputs = outputs;
    this.retries = retries;
  }

  /** The outcome of a call that gave a value; {@code outputMode} as {@link OutputMode#label()}. */
  record Outcome<T>(T value, String rawText, ResolvedCall.Target target, List<ChatMessage> messages, Usage usage,
      String finishReason, List<Attempt> failedAttempts, String outputMode) {}

  /**
   * Asks each target in turn. A target that cannot answer (after its retries), or whose answers stay
   * invalid after every re-ask, hands over to the next; the last target's failure is thrown, with
   * every attempt of every target.
   */
  <T> Outcome<T> execute(PromptMethod<T> method, ResolvedCall call, List<ChatMessage> messages, long sendStart) {
    List<Attempt> failed = new ArrayList<>();
    Usage usage = Usage.ZERO;
    RuntimeException lastFailure = null;
    OutputException invalid = null; // the last target's answers never validated
    int maxOutputAttempts = outputs.maxAttempts(method);
    targets:
    for (ResolvedCall.Target target : call.targets()) {
      invalid = null;
      // Structured answers: the schema goes natively (response format) or as instructions, per target.
      OutputMode mode = outputs.mode(method, clientOrNull(target));
      ResponseFormat format = mode == OutputMode.NATIVE ? StructuredRequests.responseFormat(method.output()) : null;
      List<ChatMessage> conversation =
          mode == OutputMode.INSTRUCTIONS ? StructuredRequests.withInstructions(messages, method.output()) : messages;
      for (int ask = 1; ask <= maxOutputAttempts; ask++) {
        // The first request's duration counts from sendStart (read once the messages were rendered).
        long start = failed.isEmpty() && ask == 1 ? sendStart : System.nanoTime();
        ChatResponse answer;
        try {
          answer = send(target, call, conversation, format, failed, start);
        } catch (RuntimeException e) {
          failed.add(new Attempt(target.provider(), target.model(), null, List.of(describe(e)), Duration.ofNanos(System.nanoTime() - start)));
          lastFailure = e;
          if (Thread.currentThread().isInterrupted()) {
            break targets; // the call was cancelled or timed out: no fallback either
          }
          break; // next target
        }
        usage = usage.plus(usage(answer.tokenUsage()));
        String text = answer.aiMessage() == null ? null : answer.aiMessage().text();
        String finish = answer.finishReason() == null ? null : answer.finishReason().name();
        try {
          T value = method.output().parse(text == null ? "" : text);
          return new Outcome<>(value, text, target, conversation, usage, finish, failed, mode.label());
        } catch (RuntimeException bug) {
          // Not a bad answer but a failure of the parsing itself (a constraint on a type it cannot check, say):
          // no re-ask can fix it; keep the answer and say where it happened.
          failed.add(new Attempt(target.provider(), target.model(), text, List.of(describe(bug)), Duration.ofNanos(System.nanoTime() - start)));
          throw new OutputException(method.qualifiedName() + ": reading the answer of " + target + " as " + method.output().typeName()
              + " failed: " + bug, method.name(), failed, conversation, bug);
        } catch (OutputParseException parseFailure) {
          OutputParseException e = parseFailure;
          if ("LENGTH".equals(finish)) {
            List<String> errors = new ArrayList<>(e.errors());
            errors.add("the answer was cut off at the output token limit" + (call.parameters().maxTokens() == null ? "" : " (maxTokens = "
                + call.parameters().maxTokens() + ")") + ": answer more briefly, or raise maxTokens");
            e = new OutputParseException(errors);
          }
          failed.add(new Attempt(target.provider(), target.model(), text, e.errors(), Duration.ofNanos(System.nanoTime() - start)));
          if (ask == maxOutputAttempts) {
            invalid = new OutputException(
                method.qualifiedName() + ": the answer of " + target + " is not a valid " + method.output().typeName() + " after "
                    + ask + " attempt(s)" + (failed.size() > ask ? " (" + failed.size() + " attempts in all)" : "") + ": "
                    + String.join("; ", e.errors()),
                method.name(), failed, conversation);
            continue targets; // the next model may comply
          }
          conversation = reask(conversation, text, e.errors(), method.output(), mode);
        }
      }
    }
    if (invalid != null) {
      throw invalid;
    }
    throw providerFailure(method, call, failed, lastFailure);
  }

  /**
   * Sends one request to {@code target}, retrying what the {@link RetryPolicy} says may succeed. Every
   * failed try but the last is added to {@code failed}; the last failure is thrown for the caller to
   * record and to move to the next target.
   */
  private ChatResponse send(ResolvedCall.Target target, ResolvedCall call, List<ChatMessage> conversation,
      ResponseFormat format, List<Attempt> failed, long firstStart) {
    boolean fallbackFollows = call.targets().indexOf(target) < call.targets().size() - 1;
    int maxRetries = retries.maxRetries(models.settings(target.provider()));
    for (int retry = 0; ; retry++) {
      long start = retry == 0 ? firstStart : System.nanoTime();
      RequestContext previous = RequestContext.enter(target.requestContext());
      try {
        return sendOnce(target, call, conversation, format);
      } catch (RuntimeException e) {
        RetryPolicy.Failure failure = RetryPolicy.classify(e);
        boolean again = failure.retriable() && retry < maxRetries && !(failure.unreachable() && fallbackFollows);
        Duration wait = again ? retries.delay(failure, retry) : null;
        if (wait == null) {
          throw e;
        }
        failed.add(new Attempt(target.provider(), target.model(), null,
            List.of(failure.description() + " (retry " + (retry + 1) + " of " + maxRetries + " after " + wait.toMillis() + " ms)"),
            Duration.ofNanos(System.nanoTime() - start)));
        retries.sleep(wait);
      } finally {
        RequestContext.restore(previous);
      }
    }
  }

  private ChatResponse sendOnce(ResolvedCall.Target target, ResolvedCall call, List<ChatMessage> conversation, ResponseFormat format) {
    ChatModel client = target.client() != null ? target.client() : models.client(target.provider(), target.model());
    ChatRequest.Builder request = ChatRequest.builder().messages(conversation);
    request.parameters(target.requestParameters(() -> target.client() == null
        ? models.provider(target.provider()).requestParameters(target.model(), call.parameters())
        : dev.langchain4j.model.chat.request.DefaultChatRequestParameters.builder()
            .modelName(target.sendModel() ? target.model() : null)
            .temperature(call.parameters().temperature())
            .maxOutputTokens(call.parameters().maxTokens())
            .topP(call.parameters().topP())
            .stopSequences(call.parameters().stop())
            .build()));
    applyOutputFormat(request, format);
    return client.chat(request.build());
  }

  /** Native structured output: the schema as the request's response format; {@code null} sends none. */
  private static void applyOutputFormat(ChatRequest.Builder request, ResponseFormat format) {
    if (format != null) {
      request.responseFormat(format);
    }
  }

  /** The client that will answer for {@code target}, or {@code null} when it cannot be built (send reports why). */
  private ChatModel clientOrNull(ResolvedCall.Target target) {
    try {
      return target.client() != null ? target.client() : models.client(target.provider(), target.model());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The conversation again, with the model's answer and a message naming every error (field path,
   * rule, offending value) and, for a structured answer, the schema to follow.
   */
  static List<ChatMessage> reask(
      List<ChatMessage> conversation, String answer, List<String> errors, OutputType<?> output, OutputMode mode) {
    List<ChatMessage> next = new ArrayList<>(conversation);
    next.add(AiMessage.from(answer == null || answer.isBlank() ? "(empty answer)" : answer));
    StringBuilder text = new StringBuilder("Your answer is not a valid ").append(output.typeName()).append(". ");
    text.append(errors.size() == 1 ? "Fix this error:\n" : "Fix these " + errors.size() + " errors:\n");
    for (String error : errors) {
      text.append("- ").append(error).append('\n');
    }
    if (output.jsonSchema() == null) {
      text.append("Answer again with the whole corrected answer and nothing else.");
    } else {
      text.append("Answer again with the whole corrected JSON value, not only the changed parts, and nothing else");
      if (mode == OutputMode.NATIVE) {
        text.append('.');
      } else {
        text.append(" (no Markdown fence, no comment). It must match this JSON Schema:\n").append(output.jsonSchema());
      }
    }
    next.add(UserMessage.from(text.toString()));
    return next;
  }

  private static Usage usage(TokenUsage tokens) {
    if (tokens == null) {
      return Usage.ZERO;
    }
    long in = tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
    long out = tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
    long total = tokens.totalTokenCount() == null ? in + out : tokens.totalTokenCount();
    return new Usage(in, out, total);
  }

  private static String describe(Throwable e) {
    return RetryPolicy.classify(e).description();
  }

  private static ProviderException providerFailure(PromptMethod<?> method, ResolvedCall call, List<Attempt> failed, RuntimeException last) {
    if (last instanceof Prompt4jException p && call.targets().size() == 1 && !(last instanceof ProviderException)) {
      // Configuration problems (no key, unknown provider) say it best themselves.
      return new ProviderException(method.qualifiedName() + ": " + p.getMessage(), method.name(),
          call.targets().get(0).provider(), call.targets().get(0).model(), 0, null, failed, last);
    }
    ResolvedCall.Target target = call.targets().get(call.targets().size() - 1);
    RetryPolicy.Failure failure = last == null ? null : RetryPolicy.classify(last);
    String what = call.targets().size() == 1 ? target.toString() : "any of " + call.targets();
    StringBuilder earlier = new StringBuilder();
    if (call.targets().size() > 1) {
      // What each earlier model last said, so an invalid answer before an unreachable fallback is not hidden.
      java.util.Map<String, String> lastError = new java.util.LinkedHashMap<>();
      for (Attempt attempt : failed) {
        String name = attempt.provider() + ":" + attempt.model();
        if (!name.equals(target.toString()) && !attempt.errors().isEmpty()) {
          lastError.put(name, (attempt.rawText() != null ? "invalid answer: " : "") + attempt.errors().get(attempt.errors().size() - 1));
        }
      }
      lastError.forEach((name, error) -> earlier.append("; before, ").append(name).append(": ").append(error));
    }
    return new ProviderException(
        method.qualifiedName() + ": no answer from " + what + " after " + failed.size() + " attempt(s); last failure ("
            + target + "): " + (failure == null ? "none" : failure.description()) + earlier,
        method.name(), target.provider(), target.model(), failure == null ? 0 : failure.statusCode(), failure == null ? null : failure.body(),
        failed, last);
  }
}
