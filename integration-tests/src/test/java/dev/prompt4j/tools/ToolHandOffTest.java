package dev.prompt4j.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The calls of one turn run at the same time, the calling thread taking one of them: two calls that
 * each wait for the other finish even on an executor of one thread.
 */
class ToolHandOffTest {
  /** A tool that returns once {@code parties} calls are inside it at the same time. */
  public static class Meeting {
    static volatile CyclicBarrier barrier;

    /**
     * Waits for the others.
     *
     * @param who who arrives
     */
    @Tool
    public String meet(String who) throws Exception {
      barrier.await(20, TimeUnit.SECONDS); // bounds a regression to a failure, not a hang
      return who + " met";
    }
  }

  @Call(provider = "offline", model = "script", tools = Meeting.class)
  interface Host {
    @Prompt("Gather everyone.")
    Response<String> gather();
  }

  /** Asks for one {@code meet} per name in one turn, then answers with the results. */
  static final class Gathering implements ChatModel {
    final List<String> names;

    Gathering(List<String> names) {
      this.names = names;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      List<String> results = request.messages().stream().filter(m -> m instanceof ToolExecutionResultMessage)
          .map(m -> ((ToolExecutionResultMessage) m).text()).toList();
      if (!results.isEmpty()) {
        return ChatResponse.builder().aiMessage(AiMessage.from(String.join(", ", results))).build();
      }
      return ChatResponse.builder().aiMessage(AiMessage.from(names.stream()
          .map(n -> ToolExecutionRequest.builder().id("call_" + n).name("meet").arguments("{\"who\":\"" + n + "\"}").build())
          .toList())).build();
    }
  }

  @Test
  void twoCallsThatWaitForEachOtherFinishOnAnExecutorOfOneThread() {
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      Meeting.barrier = new CyclicBarrier(2);
      Host host = Prompt4j.builder().properties(Map.of()).executor(one).client("offline", new Gathering(List.of("ann", "bob"))).build()
          .create(Host.class);
      Response<String> answer = host.gather();

      assertEquals("ann met, bob met", answer.value());
      assertEquals(List.of("ann", "bob"), answer.toolCalls().stream().map(ToolCallRecord::id).map(id -> id.substring(5)).toList());
      answer.toolCalls().forEach(c -> assertNull(c.error(), c.toString()));
    } finally {
      one.shutdownNow();
    }
  }

  @Test
  void fourCallsOfOneTurnAreInsideTheToolAtTheSameTime() {
    Meeting.barrier = new CyclicBarrier(4);
    Host host = Prompt4j.builder().client("offline", new Gathering(List.of("a", "b", "c", "d"))).build().create(Host.class);

    assertEquals("a met, b met, c met, d met", host.gather().value());
  }
}
