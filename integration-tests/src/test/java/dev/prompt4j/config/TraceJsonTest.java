package dev.prompt4j.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import dev.prompt4j.Usage;
import dev.prompt4j.provider.Greeter;
import dev.prompt4j.test.OfflineModel;
import dev.prompt4j.testing.Runtimes;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every field of a Response is filled, and toJson dumps a two-level chain with both calls. */
class TraceJsonTest {

  @Test
  void aTwoLevelChainDumpsBothCallsWithMessagesAndUsage() throws Exception {
    OfflineModel model = OfflineModel.builder()
        .when("Greeter.moodOf").reply("calm and kind")
        .when("Greeter.describe").reply("Ada is calm.")
        .build();
    Instant before = Instant.now();
    Response<String> r = Prompt4j.override(Runtimes.isolated(Map.of()).create(Greeter.class)).client(model).maxTokens(99).build()
        .describe("Ada");

    Response<?> nested = r.calls().get(0);
    assertAll(
        () -> assertEquals("Ada is calm.", r.value()),
        () -> assertEquals("Ada is calm.", r.rawText()),
        () -> assertEquals("Greeter.describe", r.method()),
        () -> assertEquals("offline", r.provider()),
        () -> assertEquals("annotated-model", r.model()),
        () -> assertEquals(99, r.parameters().maxTokens()),
        () -> assertEquals(2, r.messages().size()),
        () -> assertEquals(new Usage(10, 3, 13), r.usage(), "words: 3 in the system message, 7 in the user message, 3 in the reply"),
        () -> assertEquals("STOP", r.finishReason()),
        () -> assertFalse(r.startedAt().isBefore(before)),
        () -> assertTrue(r.latency().compareTo(nested.latency()) >= 0, "the field's call is inside the call"),
        () -> assertEquals(1, r.attempts()),
        () -> assertEquals(12, r.promptVersion().length()),
        () -> assertEquals("mood", r.fields().get(0).name()),
        () -> assertEquals("Greeter.moodOf", nested.method()),
        () -> assertEquals("mood", nested.field()),
        () -> assertEquals(new Usage(3, 3, 6), nested.usage()),
        () -> assertEquals(new Usage(13, 6, 19), r.totalUsage()));

    JsonNode json = new ObjectMapper().readTree(r.toJson());
    JsonNode child = json.path("calls").get(0);
    assertAll(
        () -> assertEquals("Greeter.describe", json.path("method").asText()),
        () -> assertEquals("system", json.path("messages").get(0).path("role").asText()),
        () -> assertEquals("Describe Ada, who is calm and kind.", json.path("messages").get(1).path("text").asText()),
        () -> assertEquals(13, json.path("usage").path("totalTokens").asInt()),
        () -> assertEquals("offline", json.path("provider").asText()),
        () -> assertEquals(99, json.path("parameters").path("maxTokens").asInt()),
        () -> assertTrue(json.hasNonNull("promptVersion") && json.hasNonNull("startedAt") && json.has("latencyMillis")),
        () -> assertEquals("STOP", json.path("finishReason").asText()),
        () -> assertEquals("Greeter.moodOf", child.path("method").asText()),
        () -> assertEquals("mood", child.path("field").asText()),
        () -> assertEquals("Mood of Ada?", child.path("messages").get(0).path("text").asText()),
        () -> assertEquals("user", child.path("messages").get(0).path("role").asText()),
        () -> assertEquals(6, child.path("usage").path("totalTokens").asInt()),
        () -> assertEquals("calm and kind", child.path("value").asText()));
  }
}
