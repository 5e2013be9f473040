package dev.prompt4j.internal.call;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.langchain4j.model.anthropic.AnthropicTokenUsage;
import dev.langchain4j.model.googleai.GoogleAiGeminiTokenUsage;
import dev.langchain4j.model.openai.OpenAiTokenUsage;
import dev.prompt4j.Attempt;
import dev.prompt4j.CallParameters;
import dev.prompt4j.Cost;
import dev.prompt4j.OutputException;
import dev.prompt4j.ToolLimitException;
import dev.prompt4j.Usage;
import dev.prompt4j.internal.config.Configuration;
import dev.prompt4j.internal.cost.PriceTable;
import dev.prompt4j.internal.media.MediaRequests;
import dev.prompt4j.internal.output.OutputMode;
import dev.prompt4j.internal.output.OutputParseException;
import dev.prompt4j.internal.output.StructuredRequests;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends one prompt call: each target in turn (the model, then its fallbacks) until one answers; each
 * answer parsed, and re-asked with the errors when it does not fit, up to the attempt limit; each
 * request retried by {@link RetryingSender} when the failure may pass.
 *
 * <pre>
 * for each target (fallback)          a target that cannot answer, or never answers validly, hands over
 *   for each answer (re-ask)          an invalid answer is sent back with its errors
 *     send, with retries              429, 5xx, time-outs
 * </pre>
 */
public final class AttemptLoop {
  private final ModelRegistry models;
  private final RequestFactory requests;
  private final RetryingSender sender;
  private final ToolLoop tools;
  private final PriceTable prices;
  private final MediaRequests media;
  /** Prices an outcome whose tokens were all its target's: one per loop, so a plain call makes no object for its cost. */
  private final java.util.function.BiFunction<Target, Usage, Cost> pricing;

  /**
   * @param models the clients
   * @param retries when and how long to wait before sending again
   * @param prices what each model's tokens cost
   */
  public AttemptLoop(ModelRegistry models, RetryPolicy retries, PriceTable prices) {
    this(models, retries, prices, MediaRequests.DEFAULTS);
  }

  /**
   * @param models the clients
   * @param retries when and how long to wait before sending again
   * @param prices what each model's tokens cost
   * @param media how media parts are loaded and checked against each provider
   */
  public AttemptLoop(ModelRegistry models, RetryPolicy retries, PriceTable prices, MediaRequests media) {
    this.models = models;
    this.media = media;
    this.requests = new RequestFactory(models, media);
    this.sender = new RetryingSender(models, requests, retries);
    this.tools = new ToolLoop(sender);
    this.prices = prices;
    this.pricing = (target, usage) -> target.cost(prices, usage);
  }

  /**
   * A loop on {@code configuration}'s retry settings, with the shipped prices.
   *
   * @param models the clients
   * @param configuration the retry settings
   * @return the loop
   */
  public static AttemptLoop of(ModelRegistry models, Configuration configuration) {
    return new AttemptLoop(models, RetryPolicy.from(configuration, RetryPolicy.Sleeper.THREAD), new PriceTable(java.util.Map.of(), List.of()));
  }

  /**
   * The prices this loop charges calls at.
   *
   * @return the price table
   */
  public PriceTable prices() {
    return prices;
  }

  /**
   * The call parameters a request to {@code target} carries.
   *
   * @param plan the call
   * @param target the model asked
   * @return the parameters sent
   */
  public CallParameters sentParameters(CallPlan<?> plan, Target target) {
    return requests.parameters(plan, target).sent();
  }

  /**
   * The outcome of a call that gave a value.
   *
   * @param value the parsed value
   * @param rawText the answer that gave it
   * @param target the model that answered
   * @param messages the messages of the request that gave it
   * @param usage token usage of every attempt
   * @param pricing prices the tokens: of {@code target} alone ({@link AttemptLoop#pricing}, shared by every call), or
   *     per model asked when more than one was charged (a {@link Charges} chain: fallbacks, re-asks, tool turns)
   * @param finishReason why the model stopped
   * @param failedAttempts the attempts before
   * @param outputMode how the answer's shape was asked for ({@link OutputMode#label()})
   * @param reasoning the model's reasoning ("thinking") beside the answer, or {@code null}; never parsed
   * @param <T> the value type
   */
  public record Outcome<T>(T value, String rawText, Target target, List<ChatMessage> messages, Usage usage,
      java.util.function.BiFunction<Target, Usage, Cost> pricing, String finishReason, List<Attempt> failedAttempts,
      String outputMode, String reasoning) implements java.util.function.Supplier<Cost> {
    /**
     * What every attempt cost at list price, worked out when asked.
     *
     * @return this outcome, as the cost's source
     */
    public java.util.function.Supplier<Cost> cost() {
      return this;
    }

    /**
     * Prices the tokens.
     *
     * @return what every attempt cost at list price
     */
    @Override
    public Cost get() {
      return pricing.apply(target, usage);
    }

    /**
     * The call parameters sent (made on the target's first request, before this outcome).
     *
     * @return the parameters
     */
    public CallParameters sent() {
      return target.parameters().sent();
    }

    /**
     * The call parameters the answering client could not take.
     *
     * @return the parameters
     */
    public CallParameters unsent() {
      return target.parameters().unsent();
    }
  }

  /**
   * Asks each target in turn. A target that cannot answer (after its retries), or whose answers stay
   * invalid after every re-ask, hands over to the next; the last target's failure is thrown, with
   * every attempt of every target.
   *
   * @param plan the call
   * @param messages the rendered messages
   * @param sendStart when sending started ({@link System#nanoTime()}), for the first attempt's duration
   * @param <T> the value type
   * @return the outcome
   * @throws OutputException when the answers never validated
   * @throws dev.prompt4j.ProviderException when no target answered
   */
  public <T> Outcome<T> execute(CallPlan<T> plan, List<ChatMessage> messages, long sendStart) {
    return execute(plan, messages, sendStart, CallObserver.NONE);
  }

  /**
   * As {@link #execute(CallPlan, List, long)}, telling {@code observer} each step.
   *
   * @param plan the call
   * @param messages the rendered messages
   * @param sendStart when sending started ({@link System#nanoTime()}), for the first attempt's duration
   * @param observer the call's observer
   * @param <T> the value type
   * @return the outcome
   */
  public <T> Outcome<T> execute(CallPlan<T> plan, List<ChatMessage> messages, long sendStart, CallObserver observer) {
    return execute(plan, messages, sendStart, observer, ToolRun.NONE);
  }

  /**
   * As {@link #execute(CallPlan, List, long, CallObserver)}, with a tool loop ({@link ToolLoop}) for
   * each request when {@code toolRun} has tools.
   *
   * @param plan the call
   * @param messages the rendered messages
   * @param sendStart when sending started
   * @param observer the call's observer
   * @param toolRun the call's tools and what they did
   * @param <T> the value type
   * @return the outcome
   * @throws ToolsPaused when a tool waits for approval
   */
  public <T> Outcome<T> execute(CallPlan<T> plan, List<ChatMessage> messages, long sendStart, CallObserver observer, ToolRun toolRun) {
    List<Attempt> failed = new ArrayList<>();
    Usage usage = Usage.ZERO;
    Charges charges = null;
    RuntimeException lastFailure = null;
    OutputException invalid = null; // the last target's answers never validated
    String why = null; // why the next request is sent: the failure retried, the errors re-asked, the model left
    Target previous = null;
    // Media: a provider that cannot take a kind fails here, before any request; files are read once.
    if (MediaRequests.hasMedia(messages)) { // checked first: a text call builds none of the lists below
      media.prepare(messages, plan.targets().stream().map(Target::toString).toList(),
          plan.targets().stream().map(Target::provider).toList(), plan.qualifiedName());
    }
    int first = toolRun.firstTarget(plan.targets()); // a call resumed after approval goes on with the model that paused
    List<Target> ordered = plan.targets();
    targets:
    for (int next = first; next < ordered.size(); next++) { // by index: a plain call makes no sub-list or iterator
      Target target = ordered.get(next);
      if (previous != null) {
        observer.fallbackTaken(plan, previous, target, plan.targets().indexOf(target), why);
      }
      previous = target;
      invalid = null;
      // Structured answers: the schema goes natively (response format) or as instructions, per target.
      OutputMode mode = mode(plan, target);
      ResponseFormat format = mode == OutputMode.NATIVE ? StructuredRequests.responseFormat(plan.output()) : null;
      List<ChatMessage> conversation = mode == OutputMode.INSTRUCTIONS ? StructuredRequests.withInstructions(messages, plan.output()) : messages;
      for (int ask = 1; ask <= plan.maxAttempts(); ask++) {
        // The first request's duration counts from sendStart (read once the messages were rendered).
        long start = failed.isEmpty() && ask == 1 ? sendStart : System.nanoTime();
        String reason = ask > 1 ? "re-ask" : target == plan.targets().get(0) ? "first" : "fallback";
        ChatResponse answer;
        try {
          answer = toolRun.isEmpty()
              ? sender.send(plan, target, conversation, format, failed, start, reason, why, observer)
              : tools.send(toolRun, plan, target, conversation, format, failed, start, reason, why, observer);
        } catch (ToolsPaused | ToolLimitException e) {
          throw e; // not a failure of the model: no fallback
        } catch (java.util.concurrent.CancellationException e) {
          throw e; // cancelled (a stream, its tools): the call ends as cancelled, not as a provider failure
        } catch (RuntimeException e) {
          why = RetryPolicy.classify(e).description();
          failed.add(new Attempt(target.provider(), target.model(), null, List.of(why), Duration.ofNanos(System.nanoTime() - start)));
          lastFailure = e;
          if (Thread.currentThread().isInterrupted()) {
            break targets; // the call was cancelled or timed out: no fallback either
          }
          break; // next target
        }
        if (!toolRun.isEmpty()) {
          for (Usage turn : toolRun.drainTurnUsage()) { // the turns that asked for tools
            usage = usage.plus(turn);
            charges = Charges.add(charges, prices, target, turn);
          }
          conversation = toolRun.conversation();
        }
        Usage used = usage(answer.tokenUsage());
        usage = usage.plus(used);
        // Charged below: a first answer that fits is priced by the outcome itself (no Charges node for it).
        String text = answer.aiMessage() == null ? null : answer.aiMessage().text();
        String finish = answer.finishReason() == null ? null : answer.finishReason().name();
        try {
          T value = plan.output().parse(text == null ? "" : text);
          requests.parameters(plan, target); // made on the first request: the outcome reads them from the target
          return new Outcome<>(value, text, target, conversation, usage, charges == null ? pricing : Charges.add(charges, prices, target, used),
              finish, failed.isEmpty() ? List.of() : failed, mode.label(),
              answer.aiMessage() == null ? null : answer.aiMessage().thinking()); // the text parsed above never holds the reasoning
        } catch (RuntimeException bug) {
          // Not a bad answer but a failure of the parsing itself (a constraint on a type it cannot check, say):
          // no re-ask can fix it; keep the answer and say where it happened.
          failed.add(new Attempt(target.provider(), target.model(), text, List.of(RetryPolicy.classify(bug).description()),
              Duration.ofNanos(System.nanoTime() - start)));
          throw new OutputException(plan.qualifiedName() + ": reading the answer of " + target + " as " + plan.output().typeName()
              + " failed: " + bug, plan.methodName(), failed, conversation, bug);
        } catch (OutputParseException parseFailure) {
          charges = Charges.add(charges, prices, target, used); // the re-ask's tokens are charged too
          List<String> errors = Reask.errors(parseFailure, finish, plan.parameters());
          why = String.join("; ", errors);
          failed.add(new Attempt(target.provider(), target.model(), text, errors, Duration.ofNanos(System.nanoTime() - start)));
          if (ask == plan.maxAttempts()) {
            invalid = new OutputException(
                plan.qualifiedName() + ": the answer of " + target + " is not a valid " + plan.output().typeName() + " after "
                    + ask + " attempt(s)" + (failed.size() > ask ? " (" + failed.size() + " attempts in all)" : "") + ": "
                    + String.join("; ", errors),
                plan.methodName(), failed, conversation);
            continue targets; // the next model may comply
          }
          conversation = Reask.conversation(conversation, text, errors, plan.output(), mode);
        }
      }
    }
    if (invalid != null) {
      throw invalid;
    }
    throw ProviderFailures.of(plan, failed, lastFailure);
  }

  /** The output mode of {@code plan} when {@code target} answers: configured, else by the client's capability. */
  private OutputMode mode(CallPlan<?> plan, Target target) {
    if (plan.output().jsonSchema() == null) {
      return OutputMode.TEXT;
    }
    if (plan.configuredMode() != null) {
      return plan.configuredMode();
    }
    ChatModel client;
    try {
      client = target.client() != null ? target.client() : models.client(target.provider(), target.model());
    } catch (RuntimeException e) {
      return OutputMode.INSTRUCTIONS; // cannot be built: sending reports why
    }
    return OutputMode.forClient(client);
  }

  /**
   * The usage of one answer. Input counts every input token, cached ones included (OpenAI's and
   * Gemini's counts already do; Anthropic's leaves out what it read from its cache).
   *
   * @param tokens what the client reported, or {@code null}
   * @return the usage
   */
  public static Usage usage(TokenUsage tokens) {
    if (tokens == null) {
      return Usage.ZERO;
    }
    long in = tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
    long out = tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
    long cached = 0;
    if (tokens instanceof OpenAiTokenUsage openAi && openAi.inputTokensDetails() != null) {
      cached = count(openAi.inputTokensDetails().cachedTokens());
    } else if (tokens instanceof AnthropicTokenUsage anthropic) {
      cached = count(anthropic.cacheReadInputTokens());
      in += cached;
    } else if (tokens instanceof GoogleAiGeminiTokenUsage gemini) {
      cached = count(gemini.cachedContentTokenCount());
    }
    long total = tokens.totalTokenCount() == null ? in + out : Math.max(tokens.totalTokenCount(), in + out);
    return new Usage(in, out, total, cached);
  }

  private static long count(Integer n) {
    return n == null ? 0 : n;
  }
}
