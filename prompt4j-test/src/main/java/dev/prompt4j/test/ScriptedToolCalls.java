package dev.prompt4j.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.prompt4j.Prompt4jException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A scripted model turn that asks for tools instead of answering, for {@link OfflineModel} and {@link
 * MethodStub}. In a script's reply list it travels as text with a marker no answer starts with; in a
 * JSON script it is {@code {"toolCalls": [{"name": "forecast", "arguments": {"city": "Paris"}}]}}.
 */
final class ScriptedToolCalls {
  private static final ObjectMapper JSON = new ObjectMapper();
  /** Starts the text of a scripted tool-call turn (followed by the calls as a JSON array). */
  static final String MARKER = "\u0000prompt4j-tool-calls:";

  private ScriptedToolCalls() {}

  /** The marked text of one turn calling {@code name} with {@code arguments} (a JSON object). */
  static String text(String name, String arguments) {
    ArrayNode calls = JSON.createArrayNode();
    calls.addObject().put("name", name).set("arguments", object(name, arguments));
    return MARKER + calls;
  }

  /** The marked text of one turn calling each of {@code calls} (from a JSON script's {@code toolCalls}). */
  static String text(JsonNode calls, String source) {
    if (!calls.isArray() || calls.isEmpty()) {
      throw new Prompt4jException("Offline script " + source + ": \"toolCalls\" must be a non-empty array of {\"name\", \"arguments\"}");
    }
    for (JsonNode c : calls) {
      if (!c.path("name").isTextual()) {
        throw new Prompt4jException("Offline script " + source + ": a tool call has no \"name\": " + c);
      }
    }
    return MARKER + calls;
  }

  static boolean isToolCalls(String text) {
    return text != null && text.startsWith(MARKER);
  }

  /** The model turn of a marked text; each call gets the id {@code <prefix>-<n>}. */
  static AiMessage message(String text, String idPrefix) {
    try {
      List<ToolExecutionRequest> requests = new ArrayList<>();
      int n = 0;
      for (JsonNode c : JSON.readTree(text.substring(MARKER.length()))) {
        JsonNode arguments = c.path("arguments");
        requests.add(ToolExecutionRequest.builder().id(idPrefix + "-" + ++n).name(c.path("name").asText())
            .arguments(arguments.isMissingNode() ? "{}" : arguments.isTextual() ? arguments.asText() : arguments.toString()).build());
      }
      return AiMessage.from(requests);
    } catch (IOException e) {
      throw new IllegalStateException("unreadable scripted tool calls: " + text, e);
    }
  }

  private static JsonNode object(String name, String arguments) {
    try {
      JsonNode node = JSON.readTree(arguments == null || arguments.isBlank() ? "{}" : arguments);
      if (node == null || !node.isObject()) {
        throw new IllegalArgumentException("the arguments of a scripted call of " + name + " must be a JSON object, not " + arguments);
      }
      return node;
    } catch (IOException e) {
      throw new IllegalArgumentException("the arguments of a scripted call of " + name + " are not JSON: " + arguments, e);
    }
  }
}
