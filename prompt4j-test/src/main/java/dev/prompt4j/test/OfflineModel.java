package dev.prompt4j.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.provider.RequestContext;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A language model that answers from a script: no key, no network. It is the {@code offline}
 * provider (part of the {@code prompt4j-test} kit, not of the runtime), and a small test double for
 * your own prompt interfaces: script the replies, run your chain, then assert on the prompts that were
 * rendered and the calls that were made. For tests, {@link Prompt4jTest} adds recordings, typed
 * stubs and assertions on top.
 *
 * <pre>{@code
 * OfflineModel model = OfflineModel.builder()
 *     .when(TrendAnalysis.class, "classifyTrend").reply("EMERGING")
 *     .whenContains("risk mitigation").reply("Hedge early.")
 *     .when("TrendAnalysis.analyzeTrend").matching("(?i)growth").replies("First answer", "Second answer")
 *     .defaultReply("I have no scripted answer for this.")
 *     .build();
 *
 * TrendAnalysis offline = Prompt4j.override(Prompt4j.create(TrendAnalysis.class)).client(model).build();
 * offline.analyzeTrend("AI adoption");
 *
 * assertEquals(2, model.requests().size());
 * assertTrue(model.requests("TrendAnalysis.analyzeTrend").get(0).userText().contains("growth"));
 * }</pre>
 *
 * <h2>Matching</h2>
 * Rules are tried in the order they were added; the first that matches answers. A rule may name the
 * prompt method ({@code "Interface.method"}, or {@code "method"} for any interface; the runtime tells
 * the model which method a request is for, see {@link RequestContext}), require text in the messages
 * ({@link Rule#containing}: every message of the request, any role), and require a regular expression
 * to be found there ({@link Rule#matching}); every condition given must hold. A rule with several
 * replies gives them in turn and then repeats the last. When no rule matches, the default reply
 * answers; without one the call fails with a message naming the method and the last user message.
 *
 * <h2>Scripts in a file</h2>
 * {@link #fromJson(String)} and {@link #fromResource(String)} read this format (every field of a rule
 * is optional except the reply):
 *
 * <pre>{@code
 * {
 *   "default": "Offline answer.",
 *   "replies": [
 *     {"method": "TrendAnalysis.classifyTrend", "reply": "EMERGING"},
 *     {"contains": "risk mitigation", "reply": "Hedge early."},
 *     {"method": "analyzeTrend", "matches": "(?i)growth", "replies": ["First", "Second"]},
 *     {"method": "Agent.ask", "replies": [{"toolCalls": [{"name": "forecast", "arguments": {"city": "Paris"}}]}, "Sunny."]}
 *   ]
 * }
 * }</pre>
 *
 * The {@code offline} provider reads the script named by {@code
 * prompt4j.providers.offline.script=<class-path resource>}; see {@link OfflineProvider}.
 *
 * <h2>What it records and answers</h2>
 * Every request is kept ({@link #requests()}, the latest {@value #MAX_RECORDED}): the method, the messages and the request
 * parameters.
 * The answer's usage counts words (input: every message; output: the reply), so traces look like real
 * ones; the finish reason is {@code STOP} and the model name is the one requested. Instances are
 * thread-safe.
 *
 * <h2>Streaming</h2>
 * It is also a {@link StreamingChatModel}: methods returning {@code PromptStream<T>}, {@code
 * Flow.Publisher<String>} or {@code Stream<String>} get the scripted reply in chunks of {@value
 * #DEFAULT_CHUNK_CHARS} characters (never splitting a character), each after the chunk delay, on a
 * thread of its own when there is a delay ({@link #withStreaming}; the offline provider reads {@code
 * prompt4j.providers.offline.chunk-chars} and {@code chunk-delay-ms}). Cancelling stops the chunks. A
 * scripted tool-call turn streams no chunk: its calls come with the complete response.
 */
public final class OfflineModel implements ChatModel, StreamingChatModel {
  /** Built when a script is read, not with the first model: Jackson's start-up is a large part of a JVM's first answer. */
  private static final class Json {
    /**
     * Scripts are the application's own files, read once: Jackson's default limits (depth 1000,
     * strings of 20 million characters) are stated here, not changed, as nothing hostile arrives.
     */
    static final ObjectMapper MAPPER = new ObjectMapper(com.fasterxml.jackson.core.JsonFactory.builder()
        .streamReadConstraints(com.fasterxml.jackson.core.StreamReadConstraints.builder()
            .maxNestingDepth(1000).maxStringLength(20_000_000).build())
        .build());
  }

  private final List<ScriptedRule> rules;
  private final String defaultReply;
  private final String source;
  /** How many requests are kept: a long offline run keeps the latest, not all of them. */
  public static final int MAX_RECORDED = 10_000;

  private final java.util.ArrayDeque<Request> requests = new java.util.ArrayDeque<>(); // guarded by itself
  private final java.util.concurrent.atomic.AtomicLong received = new java.util.concurrent.atomic.AtomicLong();

  private final java.time.Duration latency;
  /** Characters per streamed chunk when not configured. */
  public static final int DEFAULT_CHUNK_CHARS = 8;
  private final int chunkChars;
  private final java.time.Duration chunkDelay;

  private OfflineModel(List<ScriptedRule> rules, String defaultReply, String source, java.time.Duration latency) {
    this(rules, defaultReply, source, latency, DEFAULT_CHUNK_CHARS, java.time.Duration.ZERO);
  }

  private OfflineModel(List<ScriptedRule> rules, String defaultReply, String source, java.time.Duration latency, int chunkChars,
      java.time.Duration chunkDelay) {
    this.rules = List.copyOf(rules);
    this.defaultReply = defaultReply;
    this.source = source;
    this.latency = latency;
    this.chunkChars = chunkChars;
    this.chunkDelay = chunkDelay;
  }

  /**
   * A model on the same script that streams its replies in chunks of {@code chunkChars} characters,
   * waiting {@code chunkDelay} before each, as a provider's stream would.
   *
   * <pre>{@code
   * OfflineModel typing = OfflineModel.fromResource("offline/story.json").withStreaming(4, Duration.ofMillis(20));
   * }</pre>
   *
   * @param chunkChars characters per chunk, at least 1
   * @param chunkDelay the wait before each chunk, zero for none
   * @return the new model
   */
  public OfflineModel withStreaming(int chunkChars, java.time.Duration chunkDelay) {
    if (chunkChars < 1 || chunkDelay == null || chunkDelay.isNegative()) {
      throw new IllegalArgumentException("chunkChars must be at least 1 and chunkDelay zero or positive, not " + chunkChars + " and " + chunkDelay);
    }
    return new OfflineModel(rules, defaultReply, source, latency, chunkChars, chunkDelay);
  }

  /**
   * A model on the same script that waits {@code latency} before each answer, as a network call
   * would, so traces of parallel steps show which calls overlapped. It records its own requests; the
   * reply sequences are shared with this model.
   *
   * <pre>{@code
   * OfflineModel slow = OfflineModel.fromResource("offline/chaining.json").withLatency(Duration.ofMillis(40));
   * }</pre>
   *
   * @param latency the wait before each answer, zero for none
   * @return the new model
   */
  public OfflineModel withLatency(java.time.Duration latency) {
    if (latency == null || latency.isNegative()) {
      throw new IllegalArgumentException("latency must be zero or positive, not " + latency);
    }
    return new OfflineModel(rules, defaultReply, source, latency, chunkChars, chunkDelay);
  }

  /**
   * Starts a script.
   *
   * @return starts a script
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * A model that gives {@code reply} to every request.
   *
   * @param reply the reply
   * @return a model that gives {@code reply} to every request
   */
  public static OfflineModel replying(String reply) {
    return builder().defaultReply(reply).build();
  }

  /**
   * A model scripted by the JSON document {@code json} (format above).
   *
   * @param json the json
   * @return a model scripted by the JSON document {@code json} (format above)
   */
  public static OfflineModel fromJson(String json) {
    return fromJson(json, "inline script");
  }

  /**
   * A model scripted by the JSON resource {@code resource} on the class path (format above).
   *
   * @throws Prompt4jException when the resource is missing or not a valid script
   * @param resource the resource
   * @return a model scripted by the JSON resource {@code resource} on the class path (format above)
   */
  public static OfflineModel fromResource(String resource) {
    String path = resource.startsWith("/") ? resource.substring(1) : resource;
    ClassLoader loader = Thread.currentThread().getContextClassLoader();
    if (loader == null) {
      loader = OfflineModel.class.getClassLoader();
    }
    try (InputStream in = loader.getResourceAsStream(path)) {
      if (in == null) {
        throw new Prompt4jException("Offline script '" + resource + "' is not on the class path");
      }
      return fromJson(new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8), resource);
    } catch (IOException e) {
      throw new Prompt4jException("Cannot read offline script '" + resource + "'", e);
    }
  }

  private static OfflineModel fromJson(String json, String source) {
    JsonNode root;
    try {
      root = Json.MAPPER.readTree(json);
    } catch (IOException e) {
      throw new Prompt4jException("Offline script " + source + " is not valid JSON: " + e.getMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new Prompt4jException("Offline script " + source + " must be a JSON object with \"replies\" and/or \"default\"");
    }
    Builder builder = builder();
    builder.source = source;
    if (root.hasNonNull("default")) {
      builder.defaultReply(root.get("default").asText());
    }
    JsonNode replies = root.path("replies");
    if (!replies.isMissingNode() && !replies.isArray()) {
      throw new Prompt4jException("Offline script " + source + ": \"replies\" must be an array");
    }
    int index = 0;
    for (JsonNode entry : replies) {
      index++;
      Rule rule = builder.rule();
      if (entry.hasNonNull("method")) rule.method(entry.get("method").asText());
      if (entry.hasNonNull("contains")) rule.containing(entry.get("contains").asText());
      if (entry.hasNonNull("matches")) rule.matching(entry.get("matches").asText());
      if (entry.hasNonNull("reply")) {
        rule.reply(entry.get("reply").isTextual() ? entry.get("reply").asText() : entry.get("reply").toString());
      } else if (entry.path("replies").isArray() && entry.get("replies").size() > 0) {
        List<String> texts = new ArrayList<>();
        for (Iterator<JsonNode> it = entry.get("replies").elements(); it.hasNext(); ) {
          JsonNode r = it.next();
          texts.add(r.isTextual() ? r.asText() : r.has("toolCalls") ? ScriptedToolCalls.text(r.get("toolCalls"), source) : r.toString());
        }
        rule.replies(texts.toArray(String[]::new));
      } else {
        throw new Prompt4jException("Offline script " + source + ": reply " + index + " has no \"reply\" or \"replies\"");
      }
    }
    return builder.build();
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    if (!latency.isZero()) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new Prompt4jException("Interrupted while the offline model waited its latency of " + latency.toMillis() + " ms", e);
      }
    }
    RequestContext context = RequestContext.current();
    String method = context == null ? null : context.qualifiedName();
    List<ChatMessage> messages = List.copyOf(request.messages());
    String all = messages.stream().map(OfflineModel::text).collect(Collectors.joining("\n"));
    String reply = null;
    int matched = -1;
    for (int i = 0; i < rules.size(); i++) {
      ScriptedRule rule = rules.get(i);
      if (rule.matches(method, all)) {
        reply = rule.next(request);
        matched = i;
        break;
      }
    }
    Request recorded = new Request(method, messages, request.parameters(), matched, reply);
    long number;
    synchronized (requests) {
      if (requests.size() == MAX_RECORDED) {
        requests.removeFirst();
      }
      requests.addLast(recorded);
      number = received.incrementAndGet();
    }
    if (reply == null) {
      if (defaultReply == null) {
        throw new Prompt4jException(
            "Offline model (" + source + ") has no reply for " + (method == null ? "this request" : method)
                + " and no default reply; last user message: '" + abbreviate(recorded.userText()) + "'");
      }
      reply = defaultReply;
    }
    String model = request.parameters() == null ? null : request.parameters().modelName();
    boolean tools = ScriptedToolCalls.isToolCalls(reply);
    return ChatResponse.builder()
        .aiMessage(tools ? ScriptedToolCalls.message(reply, "offline-" + number) : AiMessage.from(reply))
        .id("offline-" + number)
        .modelName(model == null ? "offline" : model)
        .tokenUsage(new TokenUsage(words(all), words(reply)))
        .finishReason(tools ? FinishReason.TOOL_EXECUTION : FinishReason.STOP)
        .build();
  }

  @Override
  public ModelProvider provider() {
    return ModelProvider.OTHER;
  }

  @Override
  public java.util.Set<dev.langchain4j.model.chat.Capability> supportedCapabilities() {
    return ChatModel.super.supportedCapabilities();
  }

  @Override
  public ChatRequestParameters defaultRequestParameters() {
    return ChatModel.super.defaultRequestParameters();
  }

  @Override
  public List<dev.langchain4j.model.chat.listener.ChatModelListener> listeners() {
    return ChatModel.super.listeners();
  }

  /**
   * Answers as {@link #doChat(ChatRequest)} (matched and recorded on the calling thread), then streams
   * the reply in chunks; on a thread of its own when there is a chunk delay.
   */
  @Override
  public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
    ChatResponse whole;
    try {
      whole = doChat(request);
    } catch (RuntimeException e) {
      handler.onError(e);
      return;
    }
    java.util.concurrent.atomic.AtomicBoolean cancelled = new java.util.concurrent.atomic.AtomicBoolean();
    StreamingHandle handle = new StreamingHandle() {
      @Override public void cancel() { cancelled.set(true); }
      @Override public boolean isCancelled() { return cancelled.get(); }
    };
    String text = whole.aiMessage().text() == null ? "" : whole.aiMessage().text(); // a tool-call turn has none
    Runnable stream = () -> {
      int at = 0;
      while (at < text.length()) {
        int end = text.offsetByCodePoints(at, Math.min(chunkChars, text.codePointCount(at, text.length())));
        if (!chunkDelay.isZero()) {
          try {
            Thread.sleep(chunkDelay.toMillis(), chunkDelay.toNanosPart() % 1_000_000);
          } catch (InterruptedException e) {
            return;
          }
        }
        if (cancelled.get()) {
          return;
        }
        handler.onPartialResponse(new PartialResponse(text.substring(at, end)), new PartialResponseContext(handle));
        at = end;
      }
      if (!cancelled.get()) {
        handler.onCompleteResponse(whole);
      }
    };
    if (chunkDelay.isZero()) {
      stream.run();
    } else {
      Thread thread = new Thread(stream, "prompt4j-offline-stream");
      thread.setDaemon(true);
      thread.start();
    }
  }

  /**
   * Every request received so far (the latest {@value #MAX_RECORDED}), oldest first.
   *
   * @return every request received so far (the latest {@value #MAX_RECORDED}), oldest first
   */
  public List<Request> requests() {
    synchronized (requests) {
      return List.copyOf(requests);
    }
  }

  /**
   * The requests made for {@code method} ({@code "Interface.method"} or {@code "method"}).
   *
   * @param method the method
   * @return the requests made for {@code method} ({@code "Interface.method"} or {@code "method"})
   */
  public List<Request> requests(String method) {
    return requests().stream().filter(r -> methodMatches(method, r.method())).toList();
  }

  /**
   * The latest request.
   *
   * @return the latest request
   */
  public Request lastRequest() {
    synchronized (requests) {
      if (requests.isEmpty()) {
        throw new IllegalStateException("The offline model has received no request");
      }
      return requests.getLast();
    }
  }

  /** Forgets the recorded requests and restarts every reply sequence. */
  public void reset() {
    synchronized (requests) {
      requests.clear();
    }
    rules.forEach(rule -> rule.restart().run());
  }

  @Override
  public String toString() {
    return "OfflineModel[" + source + ", " + rules.size() + " rule(s), default=" + (defaultReply != null) + ", requests=" + received.get() + "]";
  }

  static String text(ChatMessage message) {
    return MessageText.text(message);
  }

  private static int words(String text) {
    if (text == null || text.isBlank()) {
      return 0;
    }
    return text.strip().split("\\s+").length;
  }

  private static String abbreviate(String text) {
    return text == null ? "" : text.length() <= 120 ? text : text.substring(0, 120) + "...";
  }

  static boolean methodMatches(String wanted, String actual) {
    if (wanted == null) {
      return true;
    }
    if (actual == null) {
      return false;
    }
    return wanted.contains(".") ? wanted.equals(actual) : actual.endsWith("." + wanted);
  }

  /**
   * One request the offline model received.
   *
   * @param method {@code Interface.method} it was made for, or {@code null} when sent outside Prompt4j
   * @param messages the messages, in order
   * @param parameters the request parameters (model name, temperature, ...)
   * @param rule the index of the rule that answered, or -1 for the default reply
   * @param reply the scripted reply, or {@code null} when the default answered
   */
  public record Request(String method, List<ChatMessage> messages, ChatRequestParameters parameters, int rule, String reply) {
    /**
     * The text of the system messages, joined by newlines; empty when there is none.
     *
     * @return the text of the system messages, joined by newlines; empty when there is none
     */
    public String systemText() {
      return join(m -> m instanceof SystemMessage);
    }

    /**
     * The text of the user messages, joined by newlines.
     *
     * @return the text of the user messages, joined by newlines
     */
    public String userText() {
      return join(m -> m instanceof UserMessage);
    }

    /**
     * The text of every message, joined by newlines.
     *
     * @return the text of every message, joined by newlines
     */
    public String text() {
      return join(m -> true);
    }

    private String join(java.util.function.Predicate<ChatMessage> which) {
      return MessageText.join(messages, which);
    }
  }

  /** One rule being written: conditions, then a reply that returns to the {@link Builder}. */
  public static final class Rule {
    private final Builder builder;
    private String method;
    private final List<String> contains = new ArrayList<>();
    private final List<Pattern> patterns = new ArrayList<>();
    private final List<String> calls = new ArrayList<>(); // tool-call turns before the reply

    private Rule(Builder builder) {
      this.builder = builder;
    }

    /**
     * Requires the request to be for {@code method}: {@code "Interface.method"}, or {@code "method"} of any interface.
     *
     * @param method the method
     * @return requires the request to be for {@code method}: {@code "Interface.method"}, or {@code "method"} of any interface
     */
    public Rule method(String method) {
      this.method = Objects.requireNonNull(method, "method");
      return this;
    }

    /**
     * Requires {@code text} in the messages (any role, case-sensitive).
     *
     * @param text the text
     * @return requires {@code text} in the messages (any role, case-sensitive)
     */
    public Rule containing(String text) {
      contains.add(Objects.requireNonNull(text, "text"));
      return this;
    }

    /**
     * Requires {@code regex} to be found in the messages (any role).
     *
     * @param regex the regex
     * @return requires {@code regex} to be found in the messages (any role)
     */
    public Rule matching(String regex) {
      patterns.add(Pattern.compile(regex));
      return this;
    }

    /**
     * Answers with a turn that calls the tool {@code name} (a tool call of the tool loop), then, on the
     * next request of the same rule, with the reply that follows: {@code
     * .when("Agent.ask").callsTool("forecast", "{\"city\":\"Paris\"}").reply("Sunny.")}. Several calls
     * before a reply are several turns; for parallel calls in one turn, write {@code {"toolCalls": [...]}}
     * in a JSON script.
     *
     * @param name the tool's name
     * @param arguments its arguments, a JSON object
     * @return this rule, to add the reply
     */
    public Rule callsTool(String name, String arguments) {
      calls.add(ScriptedToolCalls.text(Objects.requireNonNull(name, "name"), arguments));
      return this;
    }

    /**
     * Answers {@code text}.
     *
     * @param text the text
     * @return answers {@code text}
     */
    public Builder reply(String text) {
      Objects.requireNonNull(text, "text");
      return calls.isEmpty() ? replyWith(request -> text) : replies(text);
    }

    /**
     * Answers {@code texts} in turn, then repeats the last.
     *
     * @param texts the texts
     * @return answers {@code texts} in turn, then repeats the last
     */
    public Builder replies(String... texts) {
      if (texts.length == 0) {
        throw new IllegalArgumentException("replies needs at least one text");
      }
      List<String> sequence = new ArrayList<>(calls); // the scripted tool-call turns come first
      sequence.addAll(List.of(texts));
      AtomicInteger next = new AtomicInteger();
      builder.rules.add(new ScriptedRule(method, contains, patterns, request -> sequence.get(Math.min(next.getAndIncrement(), sequence.size() - 1)), () -> next.set(0)));
      return builder;
    }

    /**
     * Answers what {@code reply} computes from the request (its messages, parameters).
     *
     * @param reply the reply
     * @return answers what {@code reply} computes from the request (its messages, parameters)
     */
    public Builder replyWith(Function<ChatRequest, String> reply) {
      Objects.requireNonNull(reply, "reply");
      if (!calls.isEmpty()) {
        throw new IllegalStateException("callsTool(...) is followed by reply(...) or replies(...), not replyWith(...)");
      }
      builder.rules.add(new ScriptedRule(method, contains, patterns, reply, () -> {}));
      return builder;
    }
  }

  /** Writes the script of an {@link OfflineModel}. */
  public static final class Builder {
    private final List<ScriptedRule> rules = new ArrayList<>();
    private String defaultReply;
    private String source = "scripted in code";

    private Builder() {}

    private Rule rule() {
      return new Rule(this);
    }

    /**
     * A rule for requests of {@code method}: {@code "Interface.method"}, or {@code "method"} of any interface.
     *
     * @param method the method
     * @return a rule for requests of {@code method}: {@code "Interface.method"}, or {@code "method"} of any interface
     */
    public Rule when(String method) {
      return rule().method(method);
    }

    /**
     * A rule for requests of {@code method} of the prompt interface {@code type}.
     *
     * @param type the type
     * @param method the method
     * @return a rule for requests of {@code method} of the prompt interface {@code type}
     */
    public Rule when(Class<?> type, String method) {
      return rule().method(type.getSimpleName() + "." + method);
    }

    /**
     * A rule for requests whose messages contain {@code text}.
     *
     * @param text the text
     * @return a rule for requests whose messages contain {@code text}
     */
    public Rule whenContains(String text) {
      return rule().containing(text);
    }

    /**
     * A rule for requests whose messages contain a match of {@code regex}.
     *
     * @param regex the regex
     * @return a rule for requests whose messages contain a match of {@code regex}
     */
    public Rule whenMatches(String regex) {
      return rule().matching(regex);
    }

    /**
     * The reply when no rule matches; without one such a request fails.
     *
     * @param text the text
     * @return the reply when no rule matches; without one such a request fails
     */
    public Builder defaultReply(String text) {
      this.defaultReply = text;
      return this;
    }

    /**
     * The model.
     *
     * @return the model
     */
    public OfflineModel build() {
      return new OfflineModel(rules, defaultReply, source, java.time.Duration.ZERO);
    }
  }

  private record ScriptedRule(String method, List<String> contains, List<Pattern> patterns, Function<ChatRequest, String> reply, Runnable restart) {
    ScriptedRule {
      contains = List.copyOf(contains);
      patterns = List.copyOf(patterns);
    }

    boolean matches(String actualMethod, String text) {
      if (method != null && !methodMatches(method, actualMethod)) {
        return false;
      }
      for (String c : contains) {
        if (!text.contains(c)) return false;
      }
      for (Pattern p : patterns) {
        if (!p.matcher(text).find()) return false;
      }
      return true;
    }

    String next(ChatRequest request) {
      return reply.apply(request);
    }
  }
}
