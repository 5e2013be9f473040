package dev.prompt4j.internal.call;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ChatMessageDeserializer;
import dev.langchain4j.data.message.ChatMessageSerializer;
import dev.prompt4j.PendingToolCall;
import dev.prompt4j.ToolCallRecord;
import dev.prompt4j.Usage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Thrown through the attempt loop when the model asked for a tool that needs approval: the call stops
 * before the tool runs, and the pipeline answers with a pending response holding {@link #state()}.
 */
public final class ToolsPaused extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** The version of {@link State#toJson}; a state of another version is refused. */
  static final int FORMAT = 1;

  private final transient State state;

  ToolsPaused(State state) {
    super("waiting for approval", null, false, false);
    this.state = state;
  }

  /**
   * What a resumed call needs.
   *
   * @param conversation the messages sent, the waiting turn last
   * @param toolCalls the tool calls made before
   * @param turns model turns so far
   * @param pending the calls of the waiting turn that need a decision
   * @param provider the provider that asked
   * @param model the model that asked
   * @param usage the tokens of the turns before the pause (of this run; a resumed run counts its own)
   * @param fallback the index of the model that asked among the call's models: 0 for the main model, 1 for
   *     the first fallback, ...; the call resumes with it
   */
  public record State(List<ChatMessage> conversation, List<ToolCallRecord> toolCalls, int turns, List<PendingToolCall> pending,
      String provider, String model, Usage usage, int fallback) {
    /** Copies the lists. */
    public State {
      conversation = List.copyOf(conversation);
      toolCalls = List.copyOf(toolCalls);
      pending = List.copyOf(pending);
    }

    /**
     * The model turn whose calls wait: the last message.
     *
     * @return the waiting turn
     */
    public AiMessage waiting() {
      return (AiMessage) conversation.get(conversation.size() - 1);
    }

    /**
     * This state as JSON, naming the method that paused (langchain4j's message format for the conversation).
     *
     * @param interfaceName the prompt interface's canonical name
     * @param method the method name
     * @return the JSON
     */
    public String toJson(String interfaceName, String method) {
      ObjectNode root = MAPPER.createObjectNode();
      root.put("format", FORMAT);
      root.put("interface", interfaceName);
      root.put("method", method);
      root.put("turns", turns);
      root.put("provider", provider).put("model", model).put("fallback", fallback);
      root.set("usage", MAPPER.valueToTree(usage));
      root.set("pending", MAPPER.valueToTree(pending));
      ArrayNode calls = root.putArray("toolCalls");
      for (ToolCallRecord c : toolCalls) {
        ObjectNode n = calls.addObject();
        n.put("turn", c.turn()).put("id", c.id()).put("name", c.name()).put("arguments", c.arguments()).put("result", c.result())
            .put("error", c.error()).put("durationNanos", c.duration().toNanos());
      }
      try {
        root.set("conversation", MAPPER.readTree(ChatMessageSerializer.messagesToJson(conversation)));
        return MAPPER.writeValueAsString(root);
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException("cannot write the pending state of " + interfaceName + "." + method, e);
      }
    }

    /**
     * Reads what {@link #toJson} wrote.
     *
     * @param json the state
     * @return the interface name, the method and the state
     * @throws IllegalArgumentException when {@code json} is no pending state
     */
    public static Named fromJson(String json) {
      try {
        JsonNode root = MAPPER.readTree(json);
        if (root == null || root.path("format").asInt() != FORMAT || !root.hasNonNull("method") || !root.path("conversation").isArray()) {
          throw new IllegalArgumentException("not a Prompt4j pending state (format " + FORMAT + "): use what Response.pendingState() returned");
        }
        List<PendingToolCall> pending = new ArrayList<>();
        root.path("pending").forEach(p -> pending.add(new PendingToolCall(text(p, "id"), text(p, "name"), text(p, "arguments"))));
        List<ToolCallRecord> calls = new ArrayList<>();
        for (JsonNode c : root.path("toolCalls")) {
          calls.add(new ToolCallRecord(c.path("turn").asInt(), text(c, "id"), text(c, "name"), text(c, "arguments"), text(c, "result"),
              text(c, "error"), Duration.ofNanos(c.path("durationNanos").asLong())));
        }
        List<ChatMessage> conversation = ChatMessageDeserializer.messagesFromJson(MAPPER.writeValueAsString(root.get("conversation")));
        if (conversation.isEmpty() || !(conversation.get(conversation.size() - 1) instanceof AiMessage)) {
          throw new IllegalArgumentException("the pending state's conversation does not end with the model's tool calls");
        }
        return new Named(text(root, "interface"), text(root, "method"), new State(conversation, calls, root.path("turns").asInt(), pending,
            text(root, "provider"), text(root, "model"), usage(root.path("usage")), root.path("fallback").asInt(0)));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalArgumentException("the pending state is not valid JSON: " + e.getOriginalMessage(), e);
      }
    }

    private static Usage usage(JsonNode u) {
      return new Usage(u.path("inputTokens").asLong(), u.path("outputTokens").asLong(), u.path("totalTokens").asLong(),
          u.path("cachedInputTokens").asLong());
    }

    private static String text(JsonNode node, String field) {
      JsonNode v = node.get(field);
      return v == null || v.isNull() ? null : v.asText();
    }
  }

  /**
   * A state read back with the method it belongs to.
   *
   * @param interfaceName the prompt interface's canonical name
   * @param method the method name
   * @param state the state
   */
  public record Named(String interfaceName, String method, State state) {}

  /**
   * The paused call.
   *
   * @return its state
   */
  public State state() {
    return state;
  }
}
