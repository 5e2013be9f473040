package dev.prompt4j.internal.output;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonAnyOfSchema;
import dev.langchain4j.model.chat.request.json.JsonArraySchema;
import dev.langchain4j.model.chat.request.json.JsonBooleanSchema;
import dev.langchain4j.model.chat.request.json.JsonEnumSchema;
import dev.langchain4j.model.chat.request.json.JsonIntegerSchema;
import dev.langchain4j.model.chat.request.json.JsonNumberSchema;
import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.request.json.JsonSchemaElement;
import dev.langchain4j.model.chat.request.json.JsonStringSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a structured call adds to its request: the schema as langchain4j's {@link ResponseFormat}
 * (native mode), or as instructions appended to the last user message.
 *
 * <p>Native mode: langchain4j's schema elements carry types, descriptions, enums, {@code required}
 * and {@code additionalProperties}; the constraint keywords ({@code minItems}, {@code pattern}, ...)
 * are not all accepted by every provider's native mode, so they travel as words in the description
 * ("exactly 10 items") and are enforced on the answer by Bean Validation. A non-object top level
 * (a list, an enum, a number, a sealed type) is wrapped as {@code {"value": ...}}, since OpenAI wants
 * an object; the parser unwraps it. Optional properties (a type allowing {@code null}) are left out of
 * {@code required}, which langchain4j's strict mode turns into a nullable required property.
 */
public final class StructuredRequests {
  private StructuredRequests() {}

  /**
   * The native response format for {@code output}; {@code null} for free text. A {@link
   * JsonOutputType} converts its schema once and keeps it, so no global cache holds answer types.
   *
   * @param output the output type
   * @return the response format, or {@code null}
   */
  public static ResponseFormat responseFormat(OutputType<?> output) {
    if (output instanceof JsonOutputType<?> json) {
      return json.responseFormat();
    }
    String schema = output.jsonSchema();
    return schema == null ? null : convert(output.typeName(), schema);
  }

  static ResponseFormat convert(String typeName, String schemaText) {
    JsonNode schema;
    try {
      schema = OutputMapper.MAPPER.readTree(schemaText);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The JSON Schema of " + typeName + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
    JsonSchemaElement root = element(schema);
    if (!(root instanceof JsonObjectSchema)) {
      root = JsonObjectSchema.builder().addProperty(JsonOutputType.WRAPPER, root).required(JsonOutputType.WRAPPER)
          .additionalProperties(false).build();
    }
    return ResponseFormat.builder()
        .type(ResponseFormatType.JSON)
        .jsonSchema(JsonSchema.builder().name(schemaName(typeName)).rootElement(root).build())
        .build();
  }

  /**
   * The langchain4j form of a tool's arguments schema (constraints that the element types cannot
   * carry are put into descriptions in words, as for answers).
   *
   * @param toolName the tool, for messages
   * @param schemaText the arguments object's JSON Schema
   * @return the object schema
   */
  public static JsonObjectSchema toolParameters(String toolName, String schemaText) {
    try {
      JsonSchemaElement root = element(OutputMapper.MAPPER.readTree(schemaText));
      if (root instanceof JsonObjectSchema object) {
        return object;
      }
      throw new IllegalArgumentException("The arguments schema of tool " + toolName + " is not an object: " + schemaText);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("The arguments schema of tool " + toolName + " is not valid JSON: " + e.getOriginalMessage(), e);
    }
  }

  /** A name providers accept ({@code [a-zA-Z0-9_-]{1,64}}): {@code List<Faq>} becomes {@code List_Faq}. */
  static String schemaName(String typeName) {
    String name = typeName.replaceAll("[^A-Za-z0-9_-]+", "_").replaceAll("^_+|_+$", "");
    if (name.isEmpty()) {
      name = "answer";
    }
    return name.length() > 64 ? name.substring(0, 64) : name;
  }

  private static JsonSchemaElement element(JsonNode schema) {
    String description = description(schema);
    JsonNode anyOf = schema.get("anyOf");
    if (anyOf != null && anyOf.isArray()) {
      List<JsonSchemaElement> branches = new ArrayList<>();
      for (JsonNode branch : anyOf) {
        if (!SchemaCheck.types(branch).equals(java.util.Set.of("null"))) {
          branches.add(element(branch));
        }
      }
      if (branches.size() == 1) {
        return branches.get(0);
      }
      return JsonAnyOfSchema.builder().description(description).anyOf(branches).build();
    }
    java.util.Set<String> types = SchemaCheck.types(schema);
    if (schema.has("enum")) {
      List<String> constants = new ArrayList<>();
      schema.get("enum").forEach(c -> constants.add(c.asText()));
      return JsonEnumSchema.builder().description(description).enumValues(constants).build();
    }
    if (types.contains("object")) {
      JsonObjectSchema.Builder object = JsonObjectSchema.builder().description(description);
      List<String> required = new ArrayList<>();
      java.util.Set<String> declaredRequired = new java.util.HashSet<>();
      schema.path("required").forEach(r -> declaredRequired.add(r.asText()));
      for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
        object.addProperty(property.getKey(), element(property.getValue()));
        if (declaredRequired.contains(property.getKey()) && !SchemaCheck.nullable(property.getValue())) {
          required.add(property.getKey());
        }
      }
      return object.required(required).additionalProperties(false).build();
    }
    if (types.contains("array")) {
      JsonNode items = schema.get("items");
      return JsonArraySchema.builder().description(description)
          .items(items == null ? JsonStringSchema.builder().build() : element(items)).build();
    }
    if (types.contains("integer")) {
      return JsonIntegerSchema.builder().description(description).build();
    }
    if (types.contains("number")) {
      return JsonNumberSchema.builder().description(description).build();
    }
    if (types.contains("boolean")) {
      return JsonBooleanSchema.builder().description(description).build();
    }
    return JsonStringSchema.builder().description(description).build();
  }

  /** The schema's description with its constraints in words, or {@code null} when there is neither. */
  static String description(JsonNode schema) {
    List<String> rules = new ArrayList<>();
    JsonNode minItems = schema.get("minItems");
    JsonNode maxItems = schema.get("maxItems");
    if (minItems != null && maxItems != null && minItems.asLong() == maxItems.asLong()) {
      rules.add("exactly " + minItems.asLong() + " items");
    } else {
      if (minItems != null) rules.add("at least " + minItems.asLong() + " items");
      if (maxItems != null) rules.add("at most " + maxItems.asLong() + " items");
    }
    boolean notBlank = schema.has("pattern") && ArgumentsReader.NOT_BLANK.equals(schema.get("pattern").asText());
    JsonNode minLength = schema.get("minLength");
    JsonNode maxLength = schema.get("maxLength");
    if (minLength != null && maxLength != null && minLength.asLong() == maxLength.asLong()) {
      rules.add("exactly " + minLength.asLong() + " characters");
    } else {
      if (minLength != null) rules.add(minLength.asLong() == 1 ? (notBlank ? "not blank" : "not empty") : "at least " + minLength.asLong() + " characters");
      if (maxLength != null) rules.add("at most " + maxLength.asLong() + " characters");
    }
    if (schema.has("minimum")) rules.add("minimum " + schema.get("minimum").asText());
    if (schema.has("exclusiveMinimum")) rules.add("greater than " + schema.get("exclusiveMinimum").asText());
    if (schema.has("maximum")) rules.add("maximum " + schema.get("maximum").asText());
    if (schema.has("exclusiveMaximum")) rules.add("less than " + schema.get("exclusiveMaximum").asText());
    if (notBlank && minLength == null) rules.add("not blank");
    if (schema.has("pattern") && !notBlank) rules.add("matching the regular expression " + schema.get("pattern").asText());
    if (schema.has("format")) rules.add("format " + schema.get("format").asText());
    String text = schema.hasNonNull("description") ? schema.get("description").asText() : null;
    if (rules.isEmpty()) {
      return text;
    }
    String constraint = "(" + String.join("; ", rules) + ")";
    return text == null ? constraint : text + " " + constraint;
  }

  /**
   * The conversation with the schema and the instruction to answer with JSON only appended to the last
   * user message (or as a new user message when there is none).
   */
  public static List<ChatMessage> withInstructions(List<ChatMessage> messages, OutputType<?> output) {
    String instructions = instructions(output);
    List<ChatMessage> result = new ArrayList<>(messages);
    for (int i = result.size() - 1; i >= 0; i--) {
      if (result.get(i) instanceof UserMessage user && user.hasSingleText()) {
        result.set(i, UserMessage.from(user.singleText() + "\n\n" + instructions));
        return List.copyOf(result);
      }
    }
    result.add(UserMessage.from(instructions));
    return List.copyOf(result);
  }

  /** The instruction text of {@code output}'s schema (made once per output type). */
  public static String instructions(OutputType<?> output) {
    return output instanceof JsonOutputType<?> json ? json.instructions() : makeInstructions(output);
  }

  static String makeInstructions(OutputType<?> output) {
    return "Answer with a single JSON value (" + output.typeName() + ") that matches this JSON Schema, "
        + "and nothing else: no Markdown fence, no comment.\n" + output.jsonSchema();
  }
}
