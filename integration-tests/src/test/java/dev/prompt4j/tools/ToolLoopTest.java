package dev.prompt4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import dev.prompt4j.Tool;
import dev.prompt4j.ToolCallRecord;
import dev.prompt4j.ToolLimitException;
import jakarta.validation.constraints.Min;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The tool loop end to end: generated schemas and dispatch, the loop, limits and errors, on a scripted client. */
class ToolLoopTest {
  /** Weather tools. */
  public static class Weather {
    static final List<String> CALLS = new CopyOnWriteArrayList<>();

    /**
     * The forecast of a city.
     *
     * @param city the city, such as Paris
     * @param days how many days ahead
     */
    @Tool
    public String forecast(String city, @Min(1) int days) {
      CALLS.add(city + ":" + days);
      return city + " in " + days + " day(s): 21C, sunny";
    }

    /** Fails, always. */
    @Tool
    public String broken() {
      throw new IllegalStateException("station offline");
    }
  }

  @Call(provider = "offline", model = "script", tools = Weather.class)
  interface Agent {
    @Prompt("What should I wear in {city}?")
    Response<String> advise(String city);
  }

  /** A client that answers each request with the next function of {@code turns}, recording the requests. */
  static final class Script implements ChatModel {
    final List<ChatRequest> requests = new ArrayList<>();
    final List<Function<ChatRequest, AiMessage>> turns;

    @SafeVarargs
    Script(Function<ChatRequest, AiMessage>... turns) {
      this.turns = List.of(turns);
    }

    @Override
    public synchronized ChatResponse doChat(ChatRequest request) {
      requests.add(request);
      return ChatResponse.builder().aiMessage(turns.get(Math.min(requests.size(), turns.size()) - 1).apply(request)).build();
    }
  }

  static AiMessage calls(ToolExecutionRequest... requests) {
    return AiMessage.from(List.of(requests));
  }

  static ToolExecutionRequest call(String id, String name, String arguments) {
    return ToolExecutionRequest.builder().id(id).name(name).arguments(arguments).build();
  }

  static List<String> results(ChatRequest request) {
    return request.messages().stream().filter(m -> m instanceof ToolExecutionResultMessage)
        .map(m -> ((ToolExecutionResultMessage) m).text()).toList();
  }

  private static Agent agent(Script script, Map<String, String> properties) {
    return Prompt4j.builder().properties(properties).client("offline", script).build().create(Agent.class);
  }

  @Test
  void sendsTheGeneratedSchemaRunsTheToolAndFeedsTheResultBack() {
    Weather.CALLS.clear();
    Script script = new Script(r -> calls(call("c1", "forecast", "{\"city\":\"Paris\",\"days\":2}")),
        r -> AiMessage.from("A light jacket: " + results(r).get(0)));
    Response<String> answer = agent(script, Map.of()).advise("Paris");

    assertEquals("A light jacket: Paris in 2 day(s): 21C, sunny", answer.value());
    assertEquals(List.of("Paris:2"), Weather.CALLS);
    var spec = script.requests.get(0).toolSpecifications().get(0);
    assertEquals("forecast", spec.name());
    assertEquals("The forecast of a city.", spec.description());
    assertEquals(List.of("city", "days"), List.copyOf(spec.parameters().properties().keySet()));
    assertEquals(List.of("city", "days"), spec.parameters().required());
    assertTrue(spec.parameters().properties().get("city").toString().contains("the city, such as Paris"), spec.parameters().toString());
    ToolCallRecord record = answer.toolCalls().get(0);
    assertEquals(1, record.turn());
    assertEquals("forecast", record.name());
    assertNull(record.error());
    assertTrue(answer.toJson().contains("\"toolCalls\""), answer.toJson());
    assertTrue(answer.toJson().contains("\"name\" : \"forecast\""), answer.toJson());
  }

  @Test
  void unknownToolsInvalidArgumentsAndExceptionsGoBackToTheModelAndAreCounted() {
    Weather.CALLS.clear();
    Script script = new Script(
        r -> calls(call("a", "radar", "{}"), call("b", "forecast", "{\"city\":\"Oslo\",\"days\":0}"), call("c", "broken", "{}")),
        r -> calls(call("d", "forecast", "{\"city\":\"Oslo\",\"days\":1}")),
        r -> AiMessage.from("done"));
    Response<String> answer = agent(script, Map.of()).advise("Oslo");

    List<String> fedBack = results(script.requests.get(1));
    assertTrue(fedBack.get(0).contains("no tool named 'radar'") && fedBack.get(0).contains("forecast, broken"), fedBack.get(0));
    assertTrue(fedBack.get(1).contains("arguments of forecast are not valid") && fedBack.get(1).contains("days"), fedBack.get(1));
    assertTrue(fedBack.get(2).contains("station offline"), fedBack.get(2));
    assertEquals(List.of("Oslo:1"), Weather.CALLS); // the invalid call never ran
    assertEquals("unknown tool", answer.toolCalls().get(0).error());
    assertEquals(List.of(1, 1, 1, 2), answer.toolCalls().stream().map(ToolCallRecord::turn).toList());
  }

  @Test
  void theRoundTripLimitFailsWithATypedExceptionOrAsksForTheAnswer() {
    Script looping = new Script(r -> calls(call("x" + r.messages().size(), "forecast", "{\"city\":\"Rome\",\"days\":1}")));
    ToolLimitException limit = assertThrows(ToolLimitException.class,
        () -> agent(looping, Map.of("prompt4j.max-tool-round-trips", "3")).advise("Rome"));
    assertTrue(limit.getMessage().contains("after 3 round trips"), limit.getMessage());
    assertEquals(4, looping.requests.size());
    assertEquals(3, limit.toolCalls().size());

    Script answering = new Script(r -> r.toolSpecifications().isEmpty() ? AiMessage.from("best guess")
        : calls(call("y" + r.messages().size(), "forecast", "{\"city\":\"Rome\",\"days\":1}")));
    Response<String> answer = agent(answering, Map.of("prompt4j.max-tool-round-trips", "2", "prompt4j.on-tool-limit", "answer")).advise("Rome");
    assertEquals("best guess", answer.value());
    assertEquals(2, answer.toolCalls().size());
  }
}
