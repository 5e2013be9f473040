package dev.prompt4j.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import java.util.List;

/**
 * The attribute names this module emits: OpenTelemetry's GenAI semantic conventions (development
 * status, so spelled out here rather than taken from the incubating semconv artifact, whose names may
 * change between its releases) and Prompt4j's own under {@code prompt4j.*}.
 */
public final class GenAiAttributes {
  private GenAiAttributes() {}

  /** {@code gen_ai.operation.name}: {@code chat} for a model request, {@code invoke_workflow} for a prompt call. */
  public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("gen_ai.operation.name");
  /** {@code gen_ai.provider.name}: {@code openai}, {@code anthropic}, {@code gcp.gemini}, else Prompt4j's provider name. */
  public static final AttributeKey<String> PROVIDER_NAME = AttributeKey.stringKey("gen_ai.provider.name");
  /** {@code gen_ai.request.model}. */
  public static final AttributeKey<String> REQUEST_MODEL = AttributeKey.stringKey("gen_ai.request.model");
  /** {@code gen_ai.request.temperature}. */
  public static final AttributeKey<Double> REQUEST_TEMPERATURE = AttributeKey.doubleKey("gen_ai.request.temperature");
  /** {@code gen_ai.request.max_tokens}. */
  public static final AttributeKey<Long> REQUEST_MAX_TOKENS = AttributeKey.longKey("gen_ai.request.max_tokens");
  /** {@code gen_ai.request.top_p}. */
  public static final AttributeKey<Double> REQUEST_TOP_P = AttributeKey.doubleKey("gen_ai.request.top_p");
  /** {@code gen_ai.request.seed}. */
  public static final AttributeKey<Long> REQUEST_SEED = AttributeKey.longKey("gen_ai.request.seed");
  /** {@code gen_ai.request.stop_sequences}. */
  public static final AttributeKey<List<String>> REQUEST_STOP_SEQUENCES = AttributeKey.stringArrayKey("gen_ai.request.stop_sequences");
  /** {@code gen_ai.request.stream}. */
  public static final AttributeKey<Boolean> REQUEST_STREAM = AttributeKey.booleanKey("gen_ai.request.stream");
  /** {@code gen_ai.output.type}: {@code text} or {@code json}. */
  public static final AttributeKey<String> OUTPUT_TYPE = AttributeKey.stringKey("gen_ai.output.type");
  /** {@code gen_ai.response.model}. */
  public static final AttributeKey<String> RESPONSE_MODEL = AttributeKey.stringKey("gen_ai.response.model");
  /** {@code gen_ai.response.id}. */
  public static final AttributeKey<String> RESPONSE_ID = AttributeKey.stringKey("gen_ai.response.id");
  /** {@code gen_ai.response.finish_reasons}. */
  public static final AttributeKey<List<String>> RESPONSE_FINISH_REASONS = AttributeKey.stringArrayKey("gen_ai.response.finish_reasons");
  /** {@code gen_ai.response.time_to_first_chunk} (seconds), when streaming. */
  public static final AttributeKey<Double> RESPONSE_TIME_TO_FIRST_CHUNK = AttributeKey.doubleKey("gen_ai.response.time_to_first_chunk");
  /** {@code gen_ai.usage.input_tokens}. */
  public static final AttributeKey<Long> USAGE_INPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.input_tokens");
  /** {@code gen_ai.usage.output_tokens}. */
  public static final AttributeKey<Long> USAGE_OUTPUT_TOKENS = AttributeKey.longKey("gen_ai.usage.output_tokens");
  /** {@code gen_ai.token.type}: {@code input} or {@code output}, on the token usage histogram. */
  public static final AttributeKey<String> TOKEN_TYPE = AttributeKey.stringKey("gen_ai.token.type");
  /** {@code gen_ai.input.messages}: JSON, only when content capture is on. */
  public static final AttributeKey<String> INPUT_MESSAGES = AttributeKey.stringKey("gen_ai.input.messages");
  /** {@code gen_ai.output.messages}: JSON, only when content capture is on. */
  public static final AttributeKey<String> OUTPUT_MESSAGES = AttributeKey.stringKey("gen_ai.output.messages");
  /** {@code gen_ai.system_instructions}: JSON, only when content capture is on. */
  public static final AttributeKey<String> SYSTEM_INSTRUCTIONS = AttributeKey.stringKey("gen_ai.system_instructions");
  /** {@code server.address}. */
  public static final AttributeKey<String> SERVER_ADDRESS = AttributeKey.stringKey("server.address");
  /** {@code server.port}. */
  public static final AttributeKey<Long> SERVER_PORT = AttributeKey.longKey("server.port");
  /** {@code error.type}: the exception's class name. */
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");

  /** {@code gen_ai.tool.name}: the tool's name, on an {@code execute_tool} span. */
  public static final AttributeKey<String> TOOL_NAME = AttributeKey.stringKey("gen_ai.tool.name");
  /** {@code gen_ai.tool.call.id}: the id of the model's tool call. */
  public static final AttributeKey<String> TOOL_CALL_ID = AttributeKey.stringKey("gen_ai.tool.call.id");
  /** {@code gen_ai.tool.description}: what the tool does, as its specification tells the model. */
  public static final AttributeKey<String> TOOL_DESCRIPTION = AttributeKey.stringKey("gen_ai.tool.description");
  /** {@code gen_ai.tool.type}: {@code function}, a tool that runs in the application. */
  public static final AttributeKey<String> TOOL_TYPE = AttributeKey.stringKey("gen_ai.tool.type");
  /** {@code gen_ai.tool.call.arguments}: the arguments as the model sent them (JSON), only when content capture is on. */
  public static final AttributeKey<String> TOOL_CALL_ARGUMENTS = AttributeKey.stringKey("gen_ai.tool.call.arguments");
  /** {@code gen_ai.tool.call.result}: what went back to the model, only when content capture is on. */
  public static final AttributeKey<String> TOOL_CALL_RESULT = AttributeKey.stringKey("gen_ai.tool.call.result");

  /** {@code prompt4j.prompt.version}: the hash of the template and the effective configuration. */
  public static final AttributeKey<String> PROMPT_VERSION = AttributeKey.stringKey("prompt4j.prompt.version");
  /** {@code prompt4j.method}: {@code Interface.method}. */
  public static final AttributeKey<String> METHOD = AttributeKey.stringKey("prompt4j.method");
  /** {@code prompt4j.field}: the computed field (on a field's span, and on a call made in one). */
  public static final AttributeKey<String> FIELD = AttributeKey.stringKey("prompt4j.field");
  /**
   * {@code prompt4j.attempt.number}: the request's number within its turn, from 1 (a retry, re-ask or
   * fallback of the same turn counts up; a call without tools has one turn).
   */
  public static final AttributeKey<Long> ATTEMPT_NUMBER = AttributeKey.longKey("prompt4j.attempt.number");
  /** {@code prompt4j.attempt.reason}: {@code first}, {@code retry}, {@code re-ask} or {@code fallback}. */
  public static final AttributeKey<String> ATTEMPT_REASON = AttributeKey.stringKey("prompt4j.attempt.reason");
  /** {@code prompt4j.reask.reason}: the errors sent back with a re-ask. */
  public static final AttributeKey<String> REASK_REASON = AttributeKey.stringKey("prompt4j.reask.reason");
  /** {@code prompt4j.retry.reason}: the failure a retry follows. */
  public static final AttributeKey<String> RETRY_REASON = AttributeKey.stringKey("prompt4j.retry.reason");
  /** {@code prompt4j.fallback.index}: 0 for the call's own model, 1 for its first fallback, ... */
  public static final AttributeKey<Long> FALLBACK_INDEX = AttributeKey.longKey("prompt4j.fallback.index");
  /**
   * {@code prompt4j.turn}: on a {@code chat} span, the model turn of the call it belongs to, from 1: a
   * call with tools sends a turn, runs the tools it asked for, sends the next. The GenAI conventions
   * make each model request its own {@code chat} span and define no attribute for its place in a tool
   * loop, so this one is Prompt4j's, numbered as {@link #TOOL_TURN}: a tool span's turn is the {@code
   * chat} span that asked for it, the next turn the one that got its result.
   */
  public static final AttributeKey<Long> TURN = AttributeKey.longKey("prompt4j.turn");
  /** {@code prompt4j.tool.turn}: the model turn that asked for the tool call, from 1. */
  public static final AttributeKey<Long> TOOL_TURN = AttributeKey.longKey("prompt4j.tool.turn");
  /** {@code prompt4j.cost.usd}: what the request (or the call) cost at list price; absent when unknown. */
  public static final AttributeKey<Double> COST_USD = AttributeKey.doubleKey("prompt4j.cost.usd");

  /** The convention's bucket boundaries of {@code gen_ai.client.operation.duration} and time to first chunk, in seconds. */
  public static final List<Double> DURATION_BUCKETS =
      List.of(0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92);
  /** The convention's bucket boundaries of {@code gen_ai.client.token.usage}. */
  public static final List<Long> TOKEN_BUCKETS = List.of(1L, 4L, 16L, 64L, 256L, 1024L, 4096L, 16384L, 65536L, 262144L, 1048576L,
      4194304L, 16777216L, 67108864L);

  /**
   * The convention's provider name for a Prompt4j provider: the listed values for the providers it
   * lists, otherwise the provider's own name (the attribute is an open enum: a provider it does not
   * list is named as its instrumentation knows it, such as {@code ollama}).
   *
   * @param provider a Prompt4j provider name
   * @return the {@code gen_ai.provider.name} value ({@link dev.prompt4j.provider.GenAiProviderNames#of})
   */
  public static String providerName(String provider) {
    return dev.prompt4j.provider.GenAiProviderNames.of(provider);
  }
}
