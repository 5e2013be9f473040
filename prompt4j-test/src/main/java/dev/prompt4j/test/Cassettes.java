package dev.prompt4j.test;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.internal.JsonSchemaElementJsonUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Recordings on disk: one pretty JSON file per canonical request, under {@code
 * <dir>/<Interface>/<method>/<request hash>.json}.
 *
 * <p>Decisions: the key is the request as Prompt4j means it (provider, model, messages, parameters,
 * response format and schema, tool specifications), not the HTTP bytes, so recordings survive a new
 * client library; keys are sorted and the indentation fixed so a re-recording diffs only where
 * something changed; the answer keeps text, finish reason and token counts, not ids or timings. Known
 * secrets (keys, header values) are replaced by {@value #REDACTED} wherever they appear before a file
 * is written; headers are never part of a recording in the first place.
 */
final class Cassettes {
  static final String FORMAT = "prompt4j-cassette/1";
  static final String REDACTED = "<redacted>";

  static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(SerializationFeature.INDENT_OUTPUT);
  private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter()
      .withObjectIndenter(new DefaultIndenter("  ", "\n"))
      .withArrayIndenter(new DefaultIndenter("  ", "\n"));

  /** One recording as read from or written to a file. */
  record Recording(Path file, String method, String promptVersion, String key, JsonNode request, JsonNode response,
      List<String> capabilities) {}

  private final Path directory;
  private final Collection<String> secrets;

  Cassettes(Path directory, Collection<String> secrets) {
    this.directory = directory;
    this.secrets = List.copyOf(secrets);
  }

  Path directory() {
    return directory;
  }

  /** The canonical request: what identifies a request, in a stable shape. */
  static ObjectNode canonical(String provider, String model, ChatRequest request) {
    Map<String, Object> canonical = new LinkedHashMap<>();
    canonical.put("provider", provider);
    canonical.put("model", model);
    List<Map<String, Object>> messages = new ArrayList<>();
    for (ChatMessage message : request.messages()) {
      Map<String, Object> m = new LinkedHashMap<>();
      m.put("role", MessageText.role(message));
      m.put("text", MessageText.text(message));
      messages.add(m);
    }
    canonical.put("messages", messages);
    ChatRequestParameters p = request.parameters();
    Map<String, Object> parameters = new TreeMap<>();
    if (p != null) {
      putIfSet(parameters, "temperature", p.temperature());
      putIfSet(parameters, "topP", p.topP());
      putIfSet(parameters, "topK", p.topK());
      putIfSet(parameters, "frequencyPenalty", p.frequencyPenalty());
      putIfSet(parameters, "presencePenalty", p.presencePenalty());
      putIfSet(parameters, "maxOutputTokens", p.maxOutputTokens());
      if (p.stopSequences() != null && !p.stopSequences().isEmpty()) parameters.put("stopSequences", p.stopSequences());
      putIfSet(parameters, "toolChoice", p.toolChoice() == null ? null : p.toolChoice().name());
      if (p instanceof OpenAiChatRequestParameters openAi) putIfSet(parameters, "seed", openAi.seed());
    }
    canonical.put("parameters", parameters);
    ResponseFormat format = request.responseFormat();
    if (format != null) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("type", format.type().name());
      if (format.jsonSchema() != null) {
        f.put("name", format.jsonSchema().name());
        f.put("schema", format.jsonSchema().rootElement() == null ? null : JsonSchemaElementJsonUtils.toMap(format.jsonSchema().rootElement()));
      }
      canonical.put("responseFormat", f);
    }
    List<ToolSpecification> tools = request.toolSpecifications();
    if (tools != null && !tools.isEmpty()) {
      List<Map<String, Object>> specs = new ArrayList<>();
      for (ToolSpecification tool : tools) {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("name", tool.name());
        t.put("description", tool.description());
        t.put("parameters", tool.parameters() == null ? null : JsonSchemaElementJsonUtils.toMap(tool.parameters()));
        specs.add(t);
      }
      canonical.put("tools", specs);
    }
    return JSON.valueToTree(canonical);
  }

  private static void putIfSet(Map<String, Object> map, String name, Object value) {
    if (value != null) map.put(name, value);
  }

  /** The hash naming the file of {@code canonical}. */
  static String key(JsonNode canonical) {
    try {
      byte[] bytes = JSON.writer().without(SerializationFeature.INDENT_OUTPUT).writeValueAsBytes(sorted(canonical));
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 8);
    } catch (JsonProcessingException | NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Object sorted(JsonNode node) {
    return JSON.convertValue(node, Object.class); // maps, written with sorted keys
  }

  static JsonNode response(ChatResponse response) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("text", response.aiMessage() == null ? null : response.aiMessage().text());
    r.put("finishReason", response.finishReason() == null ? null : response.finishReason().name());
    r.put("model", response.modelName());
    TokenUsage usage = response.tokenUsage();
    if (usage != null) {
      Map<String, Object> u = new LinkedHashMap<>();
      u.put("input", usage.inputTokenCount());
      u.put("output", usage.outputTokenCount());
      r.put("tokenUsage", u);
    }
    return JSON.valueToTree(r);
  }

  static ChatResponse toChatResponse(JsonNode response, String id) {
    ChatResponse.Builder builder = ChatResponse.builder()
        .aiMessage(AiMessage.from(response.path("text").asText("")))
        .id(id);
    if (response.hasNonNull("finishReason")) builder.finishReason(FinishReason.valueOf(response.get("finishReason").asText()));
    if (response.hasNonNull("model")) builder.modelName(response.get("model").asText());
    JsonNode usage = response.path("tokenUsage");
    if (usage.isObject()) {
      builder.tokenUsage(new TokenUsage(usage.hasNonNull("input") ? usage.get("input").asInt() : null,
          usage.hasNonNull("output") ? usage.get("output").asInt() : null));
    }
    return builder.build();
  }

  Path folder(String interfaceName, String method) {
    return directory.resolve(safe(interfaceName)).resolve(safe(method));
  }

  private static String safe(String name) {
    return name == null ? "_" : name.replaceAll("[^A-Za-z0-9_.$-]", "_");
  }

  /** The recording of {@code key}, or {@code null}. */
  Recording find(String interfaceName, String method, String key) {
    Path file = folder(interfaceName, method).resolve(key + ".json");
    return Files.isRegularFile(file) ? read(file) : null;
  }

  /** Every recording of a method, sorted by file name. */
  List<Recording> all(String interfaceName, String method) {
    Path folder = folder(interfaceName, method);
    if (!Files.isDirectory(folder)) {
      return List.of();
    }
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(f -> f.getFileName().toString().endsWith(".json")).sorted().map(Cassettes::read).toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list recordings in " + folder, e);
    }
  }

  /**
   * The capabilities the real client of {@code provider}'s {@code model} had when recordings of it
   * were made, or {@code null} when there is none: replays then choose the output mode the recording
   * did, with or without a key.
   */
  Set<String> capabilities(String provider, String model) {
    if (!Files.isDirectory(directory)) {
      return null;
    }
    try (Stream<Path> files = Files.walk(directory, 3)) {
      Set<String> found = null;
      for (Path file : (Iterable<Path>) files.filter(f -> f.getFileName().toString().endsWith(".json"))::iterator) {
        Recording r;
        try {
          r = read(file);
        } catch (RuntimeException notARecording) {
          continue;
        }
        if (provider.equals(r.request().path("provider").asText()) && model.equals(r.request().path("model").asText())) {
          if (found == null) found = new java.util.TreeSet<>();
          found.addAll(r.capabilities());
        }
      }
      return found;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list recordings in " + directory, e);
    }
  }

  static Recording read(Path file) {
    try {
      JsonNode root = JSON.readTree(file.toFile());
      if (!FORMAT.equals(root.path("format").asText())) {
        throw new IllegalStateException("Recording " + file + " is not a " + FORMAT + " file (\"format\" is " + root.path("format") + ")");
      }
      List<String> capabilities = new ArrayList<>();
      root.path("capabilities").forEach(c -> capabilities.add(c.asText()));
      return new Recording(file, root.path("method").asText(), root.path("promptVersion").asText(null), root.path("key").asText(),
          root.path("request"), root.path("response"), List.copyOf(capabilities));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read recording " + file, e);
    }
  }

  /** Writes a recording, secrets redacted; returns its file. */
  Path write(String interfaceName, String method, String promptVersion, String key, JsonNode request, JsonNode response,
      Collection<String> capabilities) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("format", FORMAT);
    root.put("method", interfaceName + "." + method);
    root.put("promptVersion", promptVersion);
    root.put("key", key);
    root.put("capabilities", new java.util.TreeSet<>(capabilities));
    root.put("request", request);
    root.put("response", response);
    Path file = folder(interfaceName, method).resolve(key + ".json");
    try {
      Files.createDirectories(file.getParent());
      String text = JSON.writer(PRETTY).writeValueAsString(JSON.convertValue(root, Object.class)) + "\n";
      Files.writeString(file, redact(text), StandardCharsets.UTF_8);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write recording " + file, e);
    }
  }

  String redact(String text) {
    String out = text;
    for (String secret : secrets) {
      out = out.replace(secret, REDACTED).replace(jsonEscaped(secret), REDACTED);
    }
    return out;
  }

  private static String jsonEscaped(String secret) {
    try {
      String quoted = JSON.writeValueAsString(secret);
      return quoted.substring(1, quoted.length() - 1);
    } catch (JsonProcessingException e) {
      return secret;
    }
  }

  /** Pretty text of a node, for diffs. */
  static String pretty(JsonNode node) {
    try {
      return JSON.writer(PRETTY).writeValueAsString(sorted(node));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The recording whose request is closest to {@code request} (most lines in common), or {@code null}. */
  static Recording nearest(List<Recording> recordings, JsonNode request) {
    List<String> wanted = pretty(request).lines().toList();
    Recording best = null;
    int bestCommon = -1;
    for (Recording r : recordings) {
      int common = LineDiff.common(pretty(r.request()).lines().toList(), wanted);
      if (common > bestCommon) {
        best = r;
        bestCommon = common;
      }
    }
    return best;
  }

  /** Secret values named by configuration keys and environment variables that hold keys. */
  static Set<String> secrets(Map<String, String> properties, Collection<String> keyVariables) {
    Set<String> found = new java.util.LinkedHashSet<>();
    for (Map.Entry<String, String> e : properties.entrySet()) {
      if (isSecretName(e.getKey())) add(found, e.getValue());
    }
    for (String name : System.getProperties().stringPropertyNames()) {
      if (name.startsWith("prompt4j.") && isSecretName(name)) add(found, System.getProperty(name));
    }
    for (Map.Entry<String, String> e : System.getenv().entrySet()) {
      String name = e.getKey();
      if (keyVariables.contains(name) || (name.startsWith("PROMPT4J_") && isSecretName(name.toLowerCase(java.util.Locale.ROOT).replace('_', '-')))) {
        add(found, e.getValue());
      }
    }
    return found;
  }

  private static boolean isSecretName(String name) {
    String n = name.toLowerCase(java.util.Locale.ROOT);
    return n.endsWith("api-key") || n.endsWith("apikey") || n.contains(".headers.") || n.contains("-headers-") || n.endsWith("token")
        || n.endsWith("secret") || n.endsWith("password");
  }

  private static void add(Set<String> found, String value) {
    if (value != null && value.strip().length() >= 4) found.add(value.strip());
  }
}
