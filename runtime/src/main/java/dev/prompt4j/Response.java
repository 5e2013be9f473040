package dev.prompt4j;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.langchain4j.data.message.ChatMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The answer of a prompt call with everything needed to see what ran: the value, the raw text, the
 * provider and model that answered, the parameters and messages sent, usage, timing, attempts, and,
 * nested, the calls made to compute its fields (the trace).
 *
 * <pre>{@code
 * Response<String> r = trends.analyzeTrend("AI-driven automation");
 * r.value(); r.usage().totalTokens(); r.calls().get(0).method();   // the classifyTrend call
 * System.out.println(r.toJson());
 * }</pre>
 *
 * @param <T> the type of the value
 */
public final class Response<T> {
  /** Built on the first {@link #toJson()}, not with the first call: Jackson's start-up is a large part of a JVM's first answer. */
  private static final class Json {
    static final ObjectMapper MAPPER =
        new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new Jdk8Module())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);
  }

  private final T value;
  private final String rawText;
  private final String method;
  private final String provider;
  private final String model;
  private final CallParameters parameters;
  private final List<ChatMessage> messages;
  private final Usage usage;
  private volatile Object cost; // the Supplier<Cost> (or null) until priced, then the Cost: most costs are never read
  private final String finishReason;
  private static final long UNKNOWN_START = Long.MIN_VALUE;
  private static final long NO_LATENCY = Long.MIN_VALUE;
  private final long startNanos; // System.nanoTime() at the start; the instant is made on demand
  private final long latencyNanos; // NO_LATENCY when unknown; the Duration is made on demand
  private final String thread;
  private final String outputMode;
  private final String promptVersion; // every resolved call has one: in Rare it made Rare's 40 bytes on every call
  private final Rare<T> rare; // null on a plain call: one slot for what few calls have

  /**
   * What few calls have: a parent field, failed attempts, computed fields, nested calls, tool calls, the pending state of
   * a call paused for approval, a streamed call's figures, the parameters a client could not take, the model's reasoning.
   * A plain call has none of them, so its response stores and copies no list of its own and stays small enough for the
   * JIT to inline its making (and to drop the response when the caller only reads the value).
   */
  private record Rare<T>(String field, List<Attempt> failedAttempts, List<FieldRecord> fields, List<Response<?>> calls,
      List<ToolCallRecord> toolCalls, Pending<T> pending, Duration timeToFirstChunk, int chunkCount, CallParameters unsentParameters,
      String reasoning) {
    private static final Rare<?> NONE = new Rare<>(null, List.of(), List.of(), List.of(), List.of(), null, null, 0, CallParameters.NONE, "");

    /** The rare parts, copied; {@code null} when none is set (unsent parameters equal to none count as none). */
    static <T> Rare<T> of(String field, List<Attempt> failedAttempts, List<FieldRecord> fields, List<Response<?>> calls,
        List<ToolCallRecord> toolCalls, Pending<T> pending, Duration timeToFirstChunk, int chunkCount, CallParameters unsentParameters,
        String reasoning) {
      Rare<T> rare = new Rare<>(field, List.copyOf(failedAttempts), List.copyOf(fields), List.copyOf(calls), List.copyOf(toolCalls),
          pending, timeToFirstChunk, chunkCount, unsentParameters == null ? CallParameters.NONE : unsentParameters,
          reasoning == null ? "" : reasoning);
      return rare.equals(NONE) ? null : rare;
    }
  }

  @SuppressWarnings("unchecked")
  private Rare<T> rare() {
    return rare == null ? (Rare<T>) Rare.NONE : rare;
  }

  // Takes the parts, not the builder, and does all the work: the builder then never leaves build(), whose code stays
  // small enough to be inlined wherever it is called, so the JIT drops the builder (a plain call allocates none).
  private Response(T value, String rawText, String method, String field, String provider, String model, CallParameters parameters,
      List<ChatMessage> messages, Usage usage, Object cost, String finishReason, long startNanos, long latencyNanos, String thread,
      List<Attempt> failedAttempts, String outputMode, List<FieldRecord> fields, List<Response<?>> calls,
      List<ToolCallRecord> toolCalls, String promptVersion, Pending<T> pending, Duration timeToFirstChunk, int chunkCount,
      CallParameters unsentParameters, String reasoning) {
    this.value = value;
    this.rawText = rawText;
    this.method = Objects.requireNonNull(method, "method");
    this.provider = provider;
    this.model = model;
    this.parameters = parameters == null ? CallParameters.NONE : parameters;
    this.messages = List.copyOf(messages);
    this.usage = usage == null ? Usage.ZERO : usage;
    this.cost = cost;
    this.finishReason = finishReason;
    this.startNanos = startNanos;
    this.latencyNanos = latencyNanos;
    this.thread = thread;
    this.outputMode = outputMode;
    this.promptVersion = promptVersion;
    // Cheap tests only here (no copy, no record equals): a constructor whose compiled code is too big is not inlined into
    // build(), and then the response escapes even where the caller reads only its value.
    this.rare = field == null && failedAttempts.isEmpty() && fields.isEmpty() && calls.isEmpty() && toolCalls.isEmpty()
        && pending == null && timeToFirstChunk == null && chunkCount == 0
        && (unsentParameters == null || unsentParameters == CallParameters.NONE) && (reasoning == null || reasoning.isEmpty())
        ? null : Rare.of(field, failedAttempts, fields, calls, toolCalls, pending, timeToFirstChunk, chunkCount, unsentParameters, reasoning);
  }

  /**
   * Starts a response; used by the runtime and by tests that build expected responses.
   *
   * @param <T> the t type
   * @return starts a response; used by the runtime and by tests that build expected responses
   */
  public static <T> Builder<T> builder() {
    return new Builder<>();
  }

  /**
   * The parsed, validated value.
   *
   * @return the parsed, validated value
   */
  public T value() {
    return value;
  }

  /**
   * The model's answer as it arrived (the last attempt's).
   *
   * @return the model's answer as it arrived (the last attempt's)
   */
  public String rawText() {
    return rawText;
  }

  /**
   * The prompt method, as {@code Interface.method}.
   *
   * @return the prompt method, as {@code Interface.method}
   */
  public String method() {
    return method;
  }

  /**
   * The computed field of the parent call under which this call was made, or {@code null}.
   *
   * @return the computed field of the parent call under which this call was made, or {@code null}
   */
  public String field() {
    return rare == null ? null : rare.field();
  }

  /**
   * The provider that answered (after any fallback).
   *
   * @return the provider that answered (after any fallback)
   */
  public String provider() {
    return provider;
  }

  /**
   * The model that answered (after any fallback).
   *
   * @return the model that answered (after any fallback)
   */
  public String model() {
    return model;
  }

  /**
   * The call parameters sent.
   *
   * @return what the request carried
   */
  public CallParameters parameters() {
    return parameters;
  }

  /**
   * The call parameters that were set but that the answering client cannot take per request (a seed
   * for Anthropic or Gemini, say): reported here, never dropped silently.
   *
   * @return the parameters not sent, {@link CallParameters#NONE} when every one was sent
   */
  public CallParameters unsentParameters() {
    return rare().unsentParameters();
  }

  /**
   * The messages sent in the request that gave the answer.
   *
   * @return the messages sent in the request that gave the answer
   */
  public List<ChatMessage> messages() {
    return messages;
  }

  /**
   * Token usage of this call, added up over every attempt (not including nested calls).
   *
   * @return token usage of this call, added up over every attempt (not including nested calls)
   */
  public Usage usage() {
    return usage;
  }

  /**
   * Token usage of this call and of every nested call.
   *
   * @return token usage of this call and of every nested call
   */
  public Usage totalUsage() {
    Usage total = usage;
    for (Response<?> call : calls()) {
      total = total.plus(call.totalUsage());
    }
    return total;
  }

  /**
   * What this call's requests cost at list price (every attempt, not nested calls); {@link
   * Cost#UNKNOWN} when a model asked has no price.
   *
   * <pre>{@code
   * r.cost().usd().ifPresent(usd -> meter.record(usd.doubleValue()));
   * }</pre>
   *
   * @return the cost
   */
  public Cost cost() {
    Object c = cost;
    if (c instanceof Cost known) {
      return known;
    }
    @SuppressWarnings("unchecked")
    Cost priced = c == null ? Cost.UNKNOWN : ((java.util.function.Supplier<Cost>) c).get();
    cost = priced;
    return priced;
  }

  /**
   * What this call and every nested call cost at list price; unknown (with the known part kept) when
   * one of them is.
   *
   * @return the total cost
   */
  public Cost totalCost() {
    Cost total = cost();
    for (Response<?> call : calls()) {
      total = total.plus(call.totalCost());
    }
    return total;
  }

  /**
   * Why the model stopped ({@code STOP}, {@code LENGTH}, ...), as the provider reported it.
   *
   * @return why the model stopped ({@code STOP}, {@code LENGTH}, ...), as the provider reported it
   */
  public String finishReason() {
    return finishReason;
  }

  /**
   * When the call started (before its fields were computed).
   *
   * @return when the call started (before its fields were computed)
   */
  public Instant startedAt() {
    return startNanos == UNKNOWN_START ? null : Clocks.instant(startNanos);
  }

  /**
   * From start to answer, fields included.
   *
   * @return from start to answer, fields included
   */
  public Duration latency() {
    return latencyNanos == NO_LATENCY ? null : Duration.ofNanos(latencyNanos);
  }

  /**
   * The name of the thread the call ran on.
   *
   * @return the name of the thread the call ran on
   */
  public String thread() {
    return thread;
  }

  /**
   * How many requests were made: one plus retries, fallbacks and re-asks.
   *
   * @return how many requests were made: one plus retries, fallbacks and re-asks
   */
  public int attempts() {
    return failedAttempts().size() + 1;
  }

  /**
   * The requests that did not give the answer, in order.
   *
   * @return the requests that did not give the answer, in order
   */
  public List<Attempt> failedAttempts() {
    return rare().failedAttempts();
  }

  /**
   * A stable hash of the template and the effective call configuration.
   *
   * @return a stable hash of the template and the effective call configuration
   */
  public String promptVersion() {
    return promptVersion;
  }

  /**
   * How the answer's shape was asked for: {@code text}, {@code native}, {@code instructions}.
   *
   * @return how the answer's shape was asked for: {@code text}, {@code native}, {@code instructions}
   */
  public String outputMode() {
    return outputMode;
  }

  /**
   * The computed fields evaluated for this call, in the order they finished.
   *
   * @return the computed fields evaluated for this call, in the order they finished
   */
  public List<FieldRecord> fields() {
    return rare().fields();
  }

  /**
   * The calls made while computing this call's fields, in the order they finished.
   *
   * @return the calls made while computing this call's fields, in the order they finished
   */
  public List<Response<?>> calls() {
    return rare().calls();
  }

  /**
   * The model's reasoning ("thinking") that came with the answer, kept apart from it: never part of
   * {@link #rawText()} nor parsed into {@link #value()}. Providers send it when the model reasons
   * visibly: Anthropic thinking blocks, {@code reasoning_content} of OpenAI-compatible servers
   * (DeepSeek, vLLM), Gemini thought parts.
   *
   * <pre>{@code
   * if (!response.reasoning().isEmpty()) log.debug("the model thought: {}", response.reasoning());
   * }</pre>
   *
   * @return the reasoning, empty when the model sent none
   */
  public String reasoning() {
    return rare().reasoning();
  }

  /**
   * The tool calls this call made, in order (empty for a call without tools).
   *
   * <pre>{@code
   * for (ToolCallRecord c : response.toolCalls()) System.out.println(c.turn() + ": " + c.name() + " " + c.arguments());
   * }</pre>
   *
   * @return the tool calls
   */
  public List<ToolCallRecord> toolCalls() {
    return rare().toolCalls();
  }

  /**
   * What a call paused for approval holds: the waiting calls, its state as JSON, and how it goes on.
   *
   * @param calls the calls waiting for a decision
   * @param state writes the state as JSON
   * @param resume goes on with decisions by call id
   * @param <T> the value type
   */
  public record Pending<T>(List<PendingToolCall> calls, java.util.function.Supplier<String> state,
      java.util.function.Function<Map<String, Boolean>, Response<T>> resume) {
    /** Copies the calls. */
    public Pending {
      calls = List.copyOf(calls);
    }
  }

  /**
   * Whether the call paused before a tool that needs approval ({@code @Tool(approval = REQUIRED)}):
   * then {@link #value()} is {@code null}, {@link #pending()} lists the waiting calls and {@link
   * #resume} goes on.
   *
   * <pre>{@code
   * Response<String> r = agent.refund("order 42");
   * if (r.isPending()) r = r.resume(ToolDecisions.approveAll(r.pending()));
   * }</pre>
   *
   * @return whether the call waits for decisions
   */
  public boolean isPending() {
    return paused() != null;
  }

  /**
   * The tool calls waiting for a decision (empty unless {@link #isPending()}).
   *
   * @return the pending calls, in the model's order
   */
  public List<PendingToolCall> pending() {
    Pending<T> pending = paused();
    return pending == null ? List.of() : pending.calls();
  }

  /**
   * Goes on with a paused call: approved calls run, declined ones are answered "declined by the user",
   * and the loop continues to the final answer (or to the next pause).
   *
   * <pre>{@code
   * Response<String> done = paused.resume(ToolDecisions.create().approve(id1).decline(id2));
   * }</pre>
   *
   * @param decisions a decision for every {@linkplain #pending() pending call}
   * @return the response of the call that went on
   * @throws IllegalStateException when this response is not pending
   * @throws IllegalArgumentException when a pending call has no decision, or a decision names no pending call
   */
  public Response<T> resume(ToolDecisions decisions) {
    Pending<T> pending = paused();
    if (pending == null) {
      throw new IllegalStateException(method + " is not waiting for approval; only a pending response (isPending()) can resume");
    }
    Map<String, Boolean> byId = decisions.asMap();
    List<String> ids = pending.calls().stream().map(PendingToolCall::id).toList();
    List<String> missing = ids.stream().filter(id -> !byId.containsKey(id)).toList();
    List<String> unknown = byId.keySet().stream().filter(id -> !ids.contains(id)).sorted().toList();
    if (!missing.isEmpty() || !unknown.isEmpty()) {
      throw new IllegalArgumentException(method + ": resume needs one decision per pending call " + ids
          + (missing.isEmpty() ? "" : "; no decision for " + missing) + (unknown.isEmpty() ? "" : "; no pending call has id " + unknown));
    }
    return pending.resume().apply(byId);
  }

  /**
   * The paused call as JSON, to store and resume later, in this process or another, with {@link
   * Prompt4j#restore}. It holds the conversation so far (messages and tool results), so store it as
   * you would store the conversation.
   *
   * @return the state as JSON
   * @throws IllegalStateException when this response is not pending
   */
  public String pendingState() {
    Pending<T> pending = paused();
    if (pending == null) {
      throw new IllegalStateException(method + " is not waiting for approval; only a pending response (isPending()) has a state");
    }
    return pending.state().get();
  }

  /** The pending state, or {@code null} unless paused for approval. */
  private Pending<T> paused() {
    return rare().pending();
  }

  /**
   * For a streamed call, from its start to the first chunk of the answer; {@code null} when the call
   * was not streamed or no chunk arrived.
   *
   * @return the time to the first chunk, or {@code null}
   */
  public Duration timeToFirstChunk() {
    return rare().timeToFirstChunk();
  }

  /**
   * For a streamed call, the chunks delivered over all its attempts; {@code 0} when not streamed.
   *
   * @return the chunk count
   */
  public int chunkCount() {
    return rare().chunkCount();
  }

  /**
   * The whole tree as indented JSON: this call, its messages, usage, timing and nested calls.
   *
   * @return the whole tree as indented JSON: this call, its messages, usage, timing and nested calls
   */
  public String toJson() {
    try {
      return Json.MAPPER.writeValueAsString(toTree());
    } catch (JsonProcessingException e) {
      throw new Prompt4jException("Cannot write the trace of " + method + " as JSON", e);
    }
  }

  /**
   * The whole tree as one self-contained HTML page: a timeline of the chain and, on click, each
   * call's messages, answer, tokens, cost and latency ({@link TracePage}).
   *
   * <pre>{@code
   * Files.writeString(Path.of("target/trace.html"), response.toHtml());
   * }</pre>
   *
   * @return the HTML
   */
  public String toHtml() {
    return TracePage.html(toJson());
  }

  private ObjectNode toTree() {
    ObjectNode node = Json.MAPPER.createObjectNode();
    node.put("method", method);
    if (field() != null) node.put("field", field());
    node.put("provider", provider);
    node.put("model", model);
    node.set("parameters", Json.MAPPER.valueToTree(parameters));
    if (!unsentParameters().equals(CallParameters.NONE)) node.set("unsentParameters", Json.MAPPER.valueToTree(unsentParameters()));
    node.put("promptVersion", promptVersion());
    node.put("outputMode", outputMode);
    node.put("startedAt", startNanos == UNKNOWN_START ? null : startedAt().toString());
    node.put("latencyMillis", latencyNanos == NO_LATENCY ? 0 : latencyNanos / 1_000_000.0);
    node.put("thread", thread);
    node.put("attempts", attempts());
    node.put("finishReason", finishReason);
    if (timeToFirstChunk() != null || chunkCount() > 0) {
      node.put("timeToFirstChunkMillis", timeToFirstChunk() == null ? null : timeToFirstChunk().toNanos() / 1_000_000.0);
      node.put("chunks", chunkCount());
    }
    node.set("usage", Json.MAPPER.valueToTree(usage));
    putCost(node, "cost", cost());
    if (!calls().isEmpty()) putCost(node, "totalCost", totalCost());
    ArrayNode sent = node.putArray("messages");
    for (ChatMessage message : messages) {
      ObjectNode m = sent.addObject();
      m.put("role", ChatMessages.role(message));
      m.put("text", ChatMessages.text(message));
      List<Media.Summary> media = ChatMessages.media(message);
      if (!media.isEmpty()) {
        ArrayNode parts = m.putArray("media"); // what was sent, never the bytes
        for (Media.Summary part : media) {
          ObjectNode p = parts.addObject().put("kind", part.kind().label()).put("parameter", part.parameter()).put("mimeType", part.mimeType());
          if (part.url() != null) {
            p.put("url", part.url());
          } else {
            p.put("size", part.size()).put("sha256", part.sha256());
          }
        }
      }
    }
    node.put("rawText", rawText);
    if (!reasoning().isEmpty()) node.put("reasoning", reasoning());
    try {
      node.set("value", Json.MAPPER.valueToTree(value));
    } catch (IllegalArgumentException e) {
      node.put("value", String.valueOf(value));
    }
    if (!failedAttempts().isEmpty()) node.set("failedAttempts", Json.MAPPER.valueToTree(failedAttempts()));
    if (paused() != null) node.set("pending", Json.MAPPER.valueToTree(paused().calls()));
    if (!toolCalls().isEmpty()) {
      ArrayNode toolNodes = node.putArray("toolCalls");
      for (ToolCallRecord c : toolCalls()) {
        ObjectNode tn = toolNodes.addObject();
        tn.put("turn", c.turn());
        tn.put("id", c.id());
        tn.put("name", c.name());
        tn.put("arguments", c.arguments());
        tn.put("result", c.result());
        if (c.error() != null) tn.put("error", c.error());
        tn.put("durationMillis", c.duration().toNanos() / 1_000_000.0);
      }
    }
    if (!fields().isEmpty()) {
      ArrayNode fieldNodes = node.putArray("fields");
      for (FieldRecord f : fields()) {
        ObjectNode fn = fieldNodes.addObject();
        fn.put("name", f.name());
        fn.put("startedAt", f.startedAt().toString());
        fn.put("durationMillis", f.duration().toNanos() / 1_000_000.0);
        fn.put("thread", f.thread());
        if (f.error() != null) fn.put("error", f.error());
      }
    }
    if (!calls().isEmpty()) {
      ArrayNode callNodes = node.putArray("calls");
      for (Response<?> call : calls()) {
        callNodes.add(call.toTree());
      }
    }
    return node;
  }

  /** A known cost as a number of US dollars, an unknown one as null with the known part beside it. */
  private static void putCost(ObjectNode node, String name, Cost cost) {
    if (cost.isKnown()) {
      node.put(name + "Usd", cost.knownUsd());
    } else {
      node.putNull(name + "Usd");
      if (cost.knownUsd().signum() > 0) node.put(name + "KnownUsd", cost.knownUsd());
    }
  }

  @Override
  public String toString() {
    return "Response[" + method + " -> " + provider + ":" + model + ", value=" + value + ", usage=" + usage
        + ", latency=" + latency() + ", attempts=" + attempts() + ", calls=" + calls().size() + "]";
  }

  /** Builds a {@link Response}. */
  public static final class Builder<T> {
    private T value;
    private String rawText;
    private String method;
    private String field;
    private String provider;
    private String model;
    private CallParameters parameters;
    private CallParameters unsentParameters;
    private List<ChatMessage> messages = List.of();
    private Usage usage;
    private Cost cost;
    private java.util.function.Supplier<Cost> costSource;
    private String finishReason;
    private long startNanos = UNKNOWN_START;
    private long latencyNanos = NO_LATENCY;
    private String thread;
    private List<Attempt> failedAttempts = List.of();
    private String promptVersion;
    private String outputMode = "text";
    private List<FieldRecord> fields = List.of();
    private List<Response<?>> calls = List.of();
    private List<ToolCallRecord> toolCalls = List.of();
    private Pending<T> pending;
    private Duration timeToFirstChunk;
    private int chunkCount;
    private String reasoning;

    private Builder() {}

    /**
     * Sets the model's reasoning, kept apart from the answer.
     *
     * @param reasoning the reasoning, or {@code null} for none
     * @return this builder
     */
    public Builder<T> reasoning(String reasoning) { this.reasoning = reasoning; return this; }

    /**
     * Sets the tool calls of this call.
     *
     * @param toolCalls the tool calls, in order
     * @return this builder
     */
    public Builder<T> toolCalls(List<ToolCallRecord> toolCalls) { this.toolCalls = toolCalls; return this; }

    /**
     * Makes the response pending: the call paused for approval.
     *
     * @param pending the waiting calls and how to go on
     * @return this builder
     */
    public Builder<T> pending(Pending<T> pending) { this.pending = pending; return this; }

    /**
     * Sets the parsed, validated value.
     *
     * @param value the parsed, validated value
     * @return this builder
     */
    public Builder<T> value(T value) { this.value = value; return this; }
    /**
     * Sets the model's answer as it arrived.
     *
     * @param rawText the model's answer as it arrived
     * @return this builder
     */
    public Builder<T> rawText(String rawText) { this.rawText = rawText; return this; }
    /**
     * Sets the prompt method, as {@code Interface.method}.
     *
     * @param method the prompt method, as {@code Interface.method}
     * @return this builder
     */
    public Builder<T> method(String method) { this.method = method; return this; }
    /**
     * Sets the computed field of the parent call under which this call was made.
     *
     * @param field the computed field of the parent call under which this call was made
     * @return this builder
     */
    public Builder<T> field(String field) { this.field = field; return this; }
    /**
     * Sets the provider that answered.
     *
     * @param provider the provider that answered
     * @return this builder
     */
    public Builder<T> provider(String provider) { this.provider = provider; return this; }
    /**
     * Sets the model that answered.
     *
     * @param model the model that answered
     * @return this builder
     */
    public Builder<T> model(String model) { this.model = model; return this; }
    /**
     * Sets the call parameters sent.
     *
     * @param parameters the call parameters sent
     * @return this builder
     */
    public Builder<T> parameters(CallParameters parameters) { this.parameters = parameters; return this; }
    /**
     * Sets the call parameters the client could not take.
     *
     * @param unsentParameters the call parameters the client could not take
     * @return this builder
     */
    public Builder<T> unsentParameters(CallParameters unsentParameters) { this.unsentParameters = unsentParameters; return this; }
    /**
     * Sets the messages sent.
     *
     * @param messages the messages sent
     * @return this builder
     */
    public Builder<T> messages(List<ChatMessage> messages) { this.messages = messages; return this; }
    /**
     * Sets token usage of this call.
     *
     * @param usage token usage of this call
     * @return this builder
     */
    public Builder<T> usage(Usage usage) { this.usage = usage; return this; }
    /**
     * Sets what the call cost; {@link Cost#UNKNOWN} when not set.
     *
     * @param cost the cost
     * @return this builder
     */
    public Builder<T> cost(Cost cost) { this.cost = cost; return this; }

    /**
     * Sets how to work out what the call cost, on the first {@link Response#cost()} (what the runtime
     * sets: pricing waits until asked).
     *
     * @param cost computes the cost
     * @return this builder
     */
    public Builder<T> costOf(java.util.function.Supplier<Cost> cost) { this.costSource = cost; return this; }

    /**
     * Sets why the model stopped.
     *
     * @param finishReason why the model stopped
     * @return this builder
     */
    public Builder<T> finishReason(String finishReason) { this.finishReason = finishReason; return this; }
    /**
     * Sets when the call started.
     *
     * @param startedAt when the call started
     * @return this builder
     */
    public Builder<T> startedAt(Instant startedAt) { this.startNanos = Clocks.nanoTime(startedAt); return this; }
    /**
     * Sets the start, as a {@link System#nanoTime()} reading (what the runtime records).
     *
     * @param startNanos the start, as a {@link System#nanoTime()} reading (what the runtime records)
     * @return this builder
     */
    public Builder<T> startNanos(long startNanos) { this.startNanos = startNanos; return this; }
    /**
     * Sets from start to answer.
     *
     * @param latency from start to answer
     * @return this builder
     */
    public Builder<T> latency(Duration latency) {
      this.latencyNanos = latency == null ? NO_LATENCY : Clocks.nanos(latency);
      return this;
    }
    /**
     * Sets the name of the thread the call ran on.
     *
     * @param thread the name of the thread the call ran on
     * @return this builder
     */
    public Builder<T> thread(String thread) { this.thread = thread; return this; }
    /**
     * Sets the requests that did not give the answer.
     *
     * @param failedAttempts the requests that did not give the answer
     * @return this builder
     */
    public Builder<T> failedAttempts(List<Attempt> failedAttempts) { this.failedAttempts = failedAttempts; return this; }
    /**
     * Sets the prompt version.
     *
     * @param promptVersion the prompt version
     * @return this builder
     */
    public Builder<T> promptVersion(String promptVersion) { this.promptVersion = promptVersion; return this; }
    /**
     * Sets how the answer's shape was asked for.
     *
     * @param outputMode how the answer's shape was asked for
     * @return this builder
     */
    public Builder<T> outputMode(String outputMode) { this.outputMode = outputMode; return this; }
    /**
     * Sets the computed fields evaluated.
     *
     * @param fields the computed fields evaluated
     * @return this builder
     */
    public Builder<T> fields(List<FieldRecord> fields) { this.fields = fields; return this; }
    /**
     * Sets the nested calls.
     *
     * @param calls the nested calls
     * @return this builder
     */
    public Builder<T> calls(List<Response<?>> calls) { this.calls = calls; return this; }

    /**
     * Sets the time to the first chunk of a streamed call.
     *
     * @param timeToFirstChunk the time, or {@code null}
     * @return this builder
     */
    public Builder<T> timeToFirstChunk(Duration timeToFirstChunk) { this.timeToFirstChunk = timeToFirstChunk; return this; }

    /**
     * Sets the chunk count of a streamed call.
     *
     * @param chunkCount the chunks delivered
     * @return this builder
     */
    public Builder<T> chunkCount(int chunkCount) { this.chunkCount = chunkCount; return this; }

    /**
     * The response.
     *
     * @return a new response
     * @throws NullPointerException when no method was set
     */
    public Response<T> build() {
      return new Response<>(value, rawText, method, field, provider, model, parameters, messages, usage,
          cost != null ? cost : costSource, finishReason, startNanos, latencyNanos, thread, failedAttempts, outputMode,
          fields, calls, toolCalls, promptVersion, pending, timeToFirstChunk, chunkCount, unsentParameters, reasoning);
    }
  }
}
