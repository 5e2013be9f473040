package dev.prompt4j.benchmarks;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import dev.prompt4j.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 7b: a prompt call whose model asks for 4 tools in one turn, each taking 50 ms, then
 * answers (the model itself answers at once): the wall time of the call, against one 50 ms tool call
 * made directly. Calls of one turn run concurrently, so the goal is 50 ms + 5 ms.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ToolTurnBenchmark {
  /** A slow tool. */
  public static class SlowTools {
    /**
     * Looks something up slowly (50 ms).
     *
     * @param key what to look up
     */
    @Tool
    public String lookup(String key) throws InterruptedException {
      Thread.sleep(50);
      return key + ": found";
    }
  }

  @Call(provider = "openai", model = "gpt-4o-mini", tools = SlowTools.class)
  public interface Researcher {
    @Prompt("Look up a, b, c and d.")
    Response<String> research();
  }

  /** Asks for four lookups in one turn, then answers once the results are there. */
  static final class FourCalls implements ChatModel {
    @Override
    public ChatResponse doChat(ChatRequest request) {
      if (request.messages().stream().anyMatch(m -> m instanceof ToolExecutionResultMessage)) {
        return ChatResponse.builder().aiMessage(AiMessage.from("all found")).finishReason(FinishReason.STOP).build();
      }
      List<ToolExecutionRequest> calls = new ArrayList<>();
      for (String key : List.of("a", "b", "c", "d")) {
        calls.add(ToolExecutionRequest.builder().id("call_" + key).name("lookup").arguments("{\"key\":\"" + key + "\"}").build());
      }
      return ChatResponse.builder().aiMessage(AiMessage.from(calls)).finishReason(FinishReason.TOOL_EXECUTION).build();
    }
  }

  Researcher researcher;
  SlowTools tools;

  @Setup
  public void setup() {
    researcher = Contexts.generated(Researcher.class, new FourCalls());
    tools = new SlowTools();
    Response<String> r = researcher.research();
    if (!"all found".equals(r.value()) || r.toolCalls().size() != 4) {
      throw new IllegalStateException("unexpected: " + r.value() + " " + r.toolCalls());
    }
  }

  /** The baseline: one 50 ms tool call, made directly. */
  @Benchmark
  public String oneToolCall() throws InterruptedException {
    return tools.lookup("a");
  }

  /** The prompt call: two model turns, four 50 ms tools in between. */
  @Benchmark
  public String fourParallelToolCalls() {
    return researcher.research().value();
  }
}
