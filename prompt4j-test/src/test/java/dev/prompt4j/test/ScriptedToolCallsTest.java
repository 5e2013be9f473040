package dev.prompt4j.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import dev.prompt4j.Tool;
import dev.prompt4j.ToolCallRecord;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The offline model and the kit's stubs script tool-call turns; the real tool loop runs the tools. */
@Prompt4jTest
class ScriptedToolCallsTest {
  /** Tools for the tests. */
  public static class Weather {
    /**
     * The forecast of a city.
     *
     * @param city the city
     */
    @Tool
    public String forecast(String city) {
      return city + ": sunny";
    }
  }

  @Call(provider = "offline", model = "script", tools = Weather.class)
  public interface Concierge {
    @Prompt("What should I pack for {city}?")
    Response<String> ask(String city);
  }

  @Test
  void aStubCallsAToolThenAnswers(PromptTestKit kit) {
    Concierge concierge = kit.create(Concierge.class); // a parameter would not resolve: this test's package is the kit's
    kit.stub(Concierge.class).on("ask").callTool("forecast", "{\"city\":\"Paris\"}").answer("Sunglasses.");

    Response<String> answer = concierge.ask("Paris");

    assertEquals("Sunglasses.", answer.value());
    assertEquals(List.of("forecast"), answer.toolCalls().stream().map(ToolCallRecord::name).toList());
    assertEquals("Paris: sunny", answer.toolCalls().get(0).result());
    assertEquals(2, kit.calls().of("Concierge.ask").size());
    assertThrows(IllegalArgumentException.class, () -> kit.stub(Concierge.class).on("ask").callTool("forecast", "[1]"));
  }

  @Test
  void theOfflineModelScriptsToolTurnsInCodeAndInJson() {
    OfflineModel coded = OfflineModel.builder().when("Concierge.ask").callsTool("forecast", "{\"city\":\"Oslo\"}").reply("A coat.").build();
    Concierge inCode = Prompt4j.builder().client("offline", coded).build().create(Concierge.class);
    assertEquals("A coat.", inCode.ask("Oslo").value());
    assertTrue(coded.requests().get(1).messages().stream().anyMatch(m -> m instanceof ToolExecutionResultMessage r && r.text().equals("Oslo: sunny")));

    OfflineModel json = OfflineModel.fromJson("""
        {"replies": [{"method": "Concierge.ask", "replies": [
          {"toolCalls": [{"name": "forecast", "arguments": {"city": "Rome"}}, {"name": "forecast", "arguments": {"city": "Nice"}}]},
          "Sandals."]}]}
        """);
    Response<String> answer = Prompt4j.builder().client("offline", json).build().create(Concierge.class).ask("Rome");
    assertEquals("Sandals.", answer.value());
    assertEquals(List.of("Rome: sunny", "Nice: sunny"), answer.toolCalls().stream().map(ToolCallRecord::result).toList());
    assertEquals(List.of(1, 1), answer.toolCalls().stream().map(ToolCallRecord::turn).toList()); // one turn, two calls
  }
}
