package dev.prompt4j.opentelemetry;

import static dev.prompt4j.opentelemetry.GenAiAttributes.*;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageType;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.prompt4j.CallParameters;
import dev.prompt4j.ChatMessages;
import dev.prompt4j.PromptCall;
import dev.prompt4j.PromptListener;
import dev.prompt4j.Response;
import dev.prompt4j.ToolCallRecord;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongHistogram;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Emits OpenTelemetry spans and metrics for Prompt4j calls, following the GenAI semantic conventions:
 *
 * <pre>
 * invoke_workflow TrendAnalysis.analyzeTrend          INTERNAL, one per prompt call
 * ├── field trendCategory                            INTERNAL, one per computed field (on the thread that computes it)
 * │   └── invoke_workflow TrendAnalysis.classifyTrend  the call the field made
 * │       └── chat gpt-4o-mini                        CLIENT, one per request: retries, re-asks and fallbacks each get one
 * ├── chat gpt-4o-mini                                a turn asking for tools (prompt4j.turn=1)
 * ├── execute_tool forecast                           INTERNAL, one per tool call (on the thread that runs it), prompt4j.tool.turn=1
 * └── chat gpt-4o-mini                                the turn after the tool results (prompt4j.turn=2)
 * </pre>
 *
 * <p>Metrics: {@code gen_ai.client.operation.duration} (s) and {@code gen_ai.client.token.usage}
 * ({@code {token}}, by {@code gen_ai.token.type}), with the convention's bucket boundaries. Message
 * content ({@code gen_ai.input.messages}, {@code gen_ai.output.messages}, {@code
 * gen_ai.system_instructions}, and a tool call's {@code gen_ai.tool.call.arguments} and {@code
 * gen_ai.tool.call.result}) is recorded only when content capture is on; API keys never are. A
 * streamed request's span has {@code gen_ai.request.stream=true} and {@code
 * gen_ai.response.time_to_first_chunk}, recorded also as the {@code
 * gen_ai.client.operation.time_to_first_chunk} histogram.
 *
 * <pre>{@code
 * OpenTelemetry otel = ...;   // the application's SDK, with its exporter (OTLP to Jaeger, say)
 * PromptRuntime runtime = Prompt4j.builder().listener(OpenTelemetryListener.create(otel)).build();
 * }</pre>
 *
 * <p>Each span is made current on the thread doing its work, so spans of HTTP client
 * instrumentation nest under the request's {@code chat} span, and work inside a computed field under
 * the field's span, and work inside a tool (a nested prompt call among it) under the tool's span. A
 * tool's span is a child of its call's span whatever executor thread runs it. A call's parent is the
 * field that made it, found by the call's {@link PromptCall#parent()}, whatever thread the field ran
 * on; a top-level call's parent is the context current where it was made, also for an async or
 * streaming method, whose call runs on the executor (the context is taken on the caller's thread,
 * {@link #captureCaller()}).
 */
public final class OpenTelemetryListener implements PromptListener {
  /** The instrumentation scope name. */
  public static final String SCOPE = "dev.prompt4j";
  /** The system property (or, in upper case with {@code _}, environment variable) that turns content capture on. */
  public static final String CAPTURE_CONTENT = "otel.instrumentation.genai.capture-message-content";

  private final Tracer tracer;
  private final DoubleHistogram duration;
  private final LongHistogram tokens;
  private final DoubleHistogram timeToFirstChunk;
  private final boolean captureContent;
  private final Map<PromptCall, CallSpans> calls = new ConcurrentHashMap<>();
  // Kept apart from the call's state: a field cancelled by a failed or timed-out call can end after the call.
  private final Map<FieldKey, FieldSpan> openFields = new ConcurrentHashMap<>();

  private record FieldKey(PromptCall call, String field) {}

  private record FieldSpan(Span span, Scope scope) {}

  private record ToolKey(PromptCall call, int turn, String id) {}

  private final Map<ToolKey, FieldSpan> openTools = new ConcurrentHashMap<>();

  /** What one call has open. */
  private static final class CallSpans {
    final Span span;
    final Context context; // the span's context: a tool's parent on any thread
    final Scope scope;
    final Map<String, Span> fields = new ConcurrentHashMap<>(); // for the calls a field makes to find their parent
    // Attempts of one call run one after another on the call's thread.
    Span attempt;
    Scope attemptScope;
    Attributes attemptMetricAttributes;
    volatile long attemptStarted; // System.nanoTime() once the chat span started: its time to first chunk counts from here

    CallSpans(Span span, Context context) {
      this.span = span;
      this.context = context;
      this.scope = context.makeCurrent();
    }
  }

  private OpenTelemetryListener(OpenTelemetry openTelemetry, boolean captureContent) {
    this.tracer = openTelemetry.getTracer(SCOPE);
    Meter meter = openTelemetry.getMeter(SCOPE);
    this.duration = meter.histogramBuilder("gen_ai.client.operation.duration").setUnit("s")
        .setDescription("GenAI operation duration").setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
    this.tokens = meter.histogramBuilder("gen_ai.client.token.usage").ofLongs().setUnit("{token}")
        .setDescription("Number of input and output tokens used").setExplicitBucketBoundariesAdvice(TOKEN_BUCKETS).build();
    this.timeToFirstChunk = meter.histogramBuilder("gen_ai.client.operation.time_to_first_chunk").setUnit("s")
        .setDescription("Time to receive the first chunk of a streamed answer").setExplicitBucketBoundariesAdvice(DURATION_BUCKETS).build();
    this.captureContent = captureContent;
  }

  /**
   * For {@code prompt4j.listeners} and {@link java.util.ServiceLoader}: {@link GlobalOpenTelemetry},
   * content capture as {@value #CAPTURE_CONTENT} (system property or environment variable) says.
   */
  public OpenTelemetryListener() {
    this(GlobalOpenTelemetry.get(), captureContentConfigured());
  }

  /**
   * A listener on {@code openTelemetry}, without message content.
   *
   * @param openTelemetry the application's OpenTelemetry
   * @return the listener
   */
  public static OpenTelemetryListener create(OpenTelemetry openTelemetry) {
    return new OpenTelemetryListener(openTelemetry, false);
  }

  /**
   * A listener on {@code openTelemetry}.
   *
   * @param openTelemetry the application's OpenTelemetry
   * @param captureContent whether spans carry the messages sent and the answers (which may hold personal data)
   * @return the listener
   */
  public static OpenTelemetryListener create(OpenTelemetry openTelemetry, boolean captureContent) {
    return new OpenTelemetryListener(openTelemetry, captureContent);
  }

  private static boolean captureContentConfigured() {
    String value = System.getProperty(CAPTURE_CONTENT);
    if (value == null) {
      value = System.getenv(CAPTURE_CONTENT.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_'));
    }
    return Boolean.parseBoolean(value);
  }

  /** The caller's context, so an async call's span is a child of the span current where it was called. */
  @Override
  public Object captureCaller() {
    return Context.current();
  }

  @Override
  public void callStarted(PromptCall call, Object caller) {
    Context parent = caller instanceof Context captured ? captured : Context.current();
    if (call.parent() != null) {
      CallSpans enclosing = calls.get(call.parent());
      Span field = enclosing == null ? null : enclosing.fields.get(call.field());
      if (field != null) {
        parent = parent.with(field);
      } else if (enclosing != null) {
        parent = parent.with(enclosing.span);
      }
    }
    SpanBuilder builder = tracer.spanBuilder("invoke_workflow " + call.method()).setParent(parent).setSpanKind(SpanKind.INTERNAL)
        .setAttribute(OPERATION_NAME, "invoke_workflow")
        .setAttribute(METHOD, call.method())
        .setAttribute(PROVIDER_NAME, providerName(call.provider()))
        .setAttribute(REQUEST_MODEL, call.model());
    if (call.promptVersion() != null) {
      builder.setAttribute(PROMPT_VERSION, call.promptVersion());
    }
    if (call.field() != null) {
      builder.setAttribute(FIELD, call.field());
    }
    Span span = builder.startSpan();
    calls.put(call, new CallSpans(span, parent.with(span)));
  }

  @Override
  public void fieldStarted(PromptCall call, String field) {
    CallSpans spans = calls.get(call);
    if (spans == null) {
      return;
    }
    Context parent = Context.current().with(spans.span);
    Span span = tracer.spanBuilder("field " + field).setParent(parent).setSpanKind(SpanKind.INTERNAL)
        .setAttribute(METHOD, call.method()).setAttribute(FIELD, field).startSpan();
    spans.fields.put(field, span);
    // Made current on the field's own thread: work inside the field (an HTTP call, a database query) nests under it.
    openFields.put(new FieldKey(call, field), new FieldSpan(span, parent.with(span).makeCurrent()));
  }

  @Override
  public void fieldFinished(PromptCall call, String field, Duration duration, Throwable failure) {
    FieldSpan open = openFields.remove(new FieldKey(call, field));
    if (open != null) {
      open.scope().close();
      fail(open.span(), failure);
      open.span().end();
    }
  }

  @Override
  public void toolStarted(PromptCall call, int turn, String id, String tool, String description, String arguments) {
    CallSpans spans = calls.get(call);
    if (spans == null) {
      return;
    }
    SpanBuilder builder = tracer.spanBuilder("execute_tool " + tool).setParent(spans.context).setSpanKind(SpanKind.INTERNAL)
        .setAttribute(OPERATION_NAME, "execute_tool")
        .setAttribute(TOOL_NAME, tool)
        .setAttribute(TOOL_TYPE, "function")
        .setAttribute(TOOL_TURN, (long) turn)
        .setAttribute(METHOD, call.method());
    if (id != null) {
      builder.setAttribute(TOOL_CALL_ID, id);
    }
    if (description != null) {
      builder.setAttribute(TOOL_DESCRIPTION, description);
    }
    if (captureContent && arguments != null) {
      builder.setAttribute(TOOL_CALL_ARGUMENTS, arguments);
    }
    Span span = builder.startSpan();
    // Current on the tool's thread: what the tool does (an HTTP call, a nested prompt call) nests under it.
    openTools.put(new ToolKey(call, turn, id), new FieldSpan(span, spans.context.with(span).makeCurrent()));
  }

  @Override
  public void toolFinished(PromptCall call, ToolCallRecord record, Throwable failure) {
    FieldSpan open = openTools.remove(new ToolKey(call, record.turn(), record.id()));
    if (open == null) {
      return;
    }
    open.scope().close();
    Span span = open.span();
    if (captureContent && record.result() != null) {
      span.setAttribute(TOOL_CALL_RESULT, record.result());
    }
    if (failure != null) {
      // A refused call (unknown tool, declined) comes as an IllegalArgumentException naming why: that is its type.
      boolean refused = failure instanceof IllegalArgumentException && record.error() != null && record.error().equals(failure.getMessage());
      span.setAttribute(ERROR_TYPE, refused ? record.error().replace(' ', '_') : errorType(failure));
      span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
    }
    span.end();
  }

  @Override
  public void attemptStarted(PromptCall call, AttemptStart attempt) {
    CallSpans spans = calls.get(call);
    if (spans == null) {
      return;
    }
    String provider = providerName(attempt.provider());
    SpanBuilder builder = tracer.spanBuilder("chat " + attempt.model()).setParent(Context.current().with(spans.span))
        .setSpanKind(SpanKind.CLIENT)
        .setAttribute(OPERATION_NAME, "chat")
        .setAttribute(PROVIDER_NAME, provider)
        .setAttribute(REQUEST_MODEL, attempt.model())
        .setAttribute(OUTPUT_TYPE, attempt.outputType())
        .setAttribute(REQUEST_STREAM, attempt.streaming())
        .setAttribute(TURN, turn(attempt.messages()))
        .setAttribute(ATTEMPT_NUMBER, (long) attempt.number())
        .setAttribute(ATTEMPT_REASON, attempt.reason())
        .setAttribute(FALLBACK_INDEX, (long) attempt.fallbackIndex());
    if (call.promptVersion() != null) {
      builder.setAttribute(PROMPT_VERSION, call.promptVersion());
    }
    if ("re-ask".equals(attempt.reason()) && attempt.detail() != null) {
      builder.setAttribute(REASK_REASON, attempt.detail());
    } else if ("retry".equals(attempt.reason()) && attempt.detail() != null) {
      builder.setAttribute(RETRY_REASON, attempt.detail());
    }
    CallParameters p = attempt.parameters();
    if (p.temperature() != null) builder.setAttribute(REQUEST_TEMPERATURE, p.temperature());
    if (p.maxTokens() != null) builder.setAttribute(REQUEST_MAX_TOKENS, (long) p.maxTokens());
    if (p.topP() != null) builder.setAttribute(REQUEST_TOP_P, p.topP());
    if (p.seed() != null) builder.setAttribute(REQUEST_SEED, p.seed());
    if (p.stop() != null && !p.stop().isEmpty()) builder.setAttribute(REQUEST_STOP_SEQUENCES, p.stop());
    AttributesBuilder metric = Attributes.builder().put(OPERATION_NAME, "chat").put(PROVIDER_NAME, provider).put(REQUEST_MODEL, attempt.model());
    if (attempt.serverAddress() != null) {
      builder.setAttribute(SERVER_ADDRESS, attempt.serverAddress());
      metric.put(SERVER_ADDRESS, attempt.serverAddress());
      if (attempt.serverPort() > 0) {
        builder.setAttribute(SERVER_PORT, (long) attempt.serverPort());
        metric.put(SERVER_PORT, (long) attempt.serverPort());
      }
    }
    if (captureContent) {
      builder.setAttribute(INPUT_MESSAGES, inputMessages(attempt.messages()));
      String system = systemInstructions(attempt.messages());
      if (system != null) {
        builder.setAttribute(SYSTEM_INSTRUCTIONS, system);
      }
    }
    Span span = builder.startSpan();
    spans.attemptStarted = System.nanoTime();
    spans.attempt = span;
    spans.attemptScope = Context.current().with(span).makeCurrent();
    spans.attemptMetricAttributes = metric.build();
  }

  @Override
  public void attemptFinished(PromptCall call, AttemptStart attempt, AttemptEnd end) {
    CallSpans spans = calls.get(call);
    if (spans == null || spans.attempt == null) {
      return;
    }
    Span span = spans.attempt;
    AttributesBuilder metric = spans.attemptMetricAttributes.toBuilder();
    if (end.responseModel() != null) {
      span.setAttribute(RESPONSE_MODEL, end.responseModel());
      metric.put(RESPONSE_MODEL, end.responseModel());
    }
    if (end.responseId() != null) span.setAttribute(RESPONSE_ID, end.responseId());
    if (end.finishReason() != null) span.setAttribute(RESPONSE_FINISH_REASONS, List.of(finishReason(end.finishReason())));
    if (end.failure() == null) {
      span.setAttribute(USAGE_INPUT_TOKENS, end.usage().inputTokens());
      span.setAttribute(USAGE_OUTPUT_TOKENS, end.usage().outputTokens());
      end.cost().usd().ifPresent(usd -> span.setAttribute(COST_USD, usd.doubleValue()));
      if (captureContent && end.text() != null) {
        span.setAttribute(OUTPUT_MESSAGES, "[{\"role\":\"assistant\",\"parts\":[{\"type\":\"text\",\"content\":" + json(end.text())
            + "}],\"finish_reason\":" + json(end.finishReason() == null ? "stop" : finishReason(end.finishReason())) + "}]");
      }
      Attributes usage = metric.build();
      tokens.record(end.usage().inputTokens(), usage.toBuilder().put(TOKEN_TYPE, "input").build());
      tokens.record(end.usage().outputTokens(), usage.toBuilder().put(TOKEN_TYPE, "output").build());
    } else {
      metric.put(ERROR_TYPE, errorType(end.failure()));
    }
    fail(span, end.failure());
    duration.record(end.duration().toNanos() / 1e9, metric.build());
    spans.attemptScope.close();
    span.end();
    spans.attempt = null;
    spans.attemptScope = null;
  }

  @Override
  public void streamFirstChunk(PromptCall call, AttemptStart attempt, Duration time) {
    CallSpans spans = calls.get(call);
    if (spans != null && spans.attempt != null) {
      // From the chat span's start, not the runtime's (a call's first request is timed from the call's start, template
      // rendering included): the span's attribute then never exceeds the span.
      double seconds = (System.nanoTime() - spans.attemptStarted) / 1e9;
      spans.attempt.setAttribute(RESPONSE_TIME_TO_FIRST_CHUNK, seconds);
      timeToFirstChunk.record(seconds, spans.attemptMetricAttributes);
    }
  }

  @Override
  public void callFinished(PromptCall call, Response<?> response, Throwable failure) {
    CallSpans spans = calls.remove(call);
    if (spans == null) {
      return;
    }
    if (response != null) {
      spans.span.setAttribute(RESPONSE_MODEL, response.model());
      spans.span.setAttribute(USAGE_INPUT_TOKENS, response.usage().inputTokens());
      spans.span.setAttribute(USAGE_OUTPUT_TOKENS, response.usage().outputTokens());
      response.cost().usd().ifPresent(usd -> spans.span.setAttribute(COST_USD, usd.doubleValue()));
    }
    fail(spans.span, failure);
    spans.scope.close();
    spans.span.end();
  }

  private static void fail(Span span, Throwable failure) {
    if (failure != null) {
      span.setAttribute(ERROR_TYPE, errorType(failure));
      span.setStatus(StatusCode.ERROR, String.valueOf(failure.getMessage()));
    }
  }

  /** The convention's name of a langchain4j finish reason: {@code TOOL_EXECUTION} is {@code tool_call}. */
  static String finishReason(String langchain4j) {
    return "TOOL_EXECUTION".equals(langchain4j) ? "tool_call" : langchain4j.toLowerCase(Locale.ROOT);
  }

  /**
   * The turn a request sends: one more than the turns before it that asked for tools, which the
   * conversation it sends holds (with their results), also in a call resumed after an approval.
   */
  static long turn(List<ChatMessage> messages) {
    long turn = 1;
    for (ChatMessage m : messages) {
      if (m instanceof AiMessage ai && ai.hasToolExecutionRequests()) {
        turn++;
      }
    }
    return turn;
  }

  private static String errorType(Throwable failure) {
    return failure.getClass().getName();
  }

  private static String inputMessages(List<ChatMessage> messages) {
    StringBuilder json = new StringBuilder("[");
    for (ChatMessage m : messages) {
      if (m.type() == ChatMessageType.SYSTEM) {
        continue; // in gen_ai.system_instructions
      }
      if (json.length() > 1) json.append(',');
      String role = m instanceof ToolExecutionResultMessage ? "tool" : ChatMessages.role(m); // the convention's role names
      json.append("{\"role\":").append(json(role)).append(",\"parts\":[");
      if (m instanceof AiMessage ai) {
        // A turn that asked for tools: its text (if any), then each call, as the convention's tool_call parts.
        boolean first = true;
        if (ai.text() != null) {
          json.append("{\"type\":\"text\",\"content\":").append(json(ai.text())).append('}');
          first = false;
        }
        for (ToolExecutionRequest call : ai.toolExecutionRequests()) {
          json.append(first ? "" : ",").append("{\"type\":\"tool_call\",\"id\":").append(json(String.valueOf(call.id())))
              .append(",\"name\":").append(json(call.name())).append(",\"arguments\":").append(json(String.valueOf(call.arguments())))
              .append('}');
          first = false;
        }
      } else if (m instanceof ToolExecutionResultMessage result) {
        json.append("{\"type\":\"tool_call_response\",\"id\":").append(json(String.valueOf(result.id())))
            .append(",\"response\":").append(json(String.valueOf(result.text()))).append('}');
      } else {
        json.append("{\"type\":\"text\",\"content\":").append(json(String.valueOf(ChatMessages.text(m)))).append('}');
      }
      json.append("]}");
    }
    return json.append(']').toString();
  }

  private static String systemInstructions(List<ChatMessage> messages) {
    StringBuilder json = new StringBuilder("[");
    for (ChatMessage m : messages) {
      if (m.type() == ChatMessageType.SYSTEM) {
        if (json.length() > 1) json.append(',');
        json.append("{\"type\":\"text\",\"content\":").append(json(ChatMessages.text(m))).append('}');
      }
    }
    return json.length() == 1 ? null : json.append(']').toString();
  }

  /** A JSON string literal. */
  static String json(String text) {
    StringBuilder out = new StringBuilder(text.length() + 2).append('"');
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
