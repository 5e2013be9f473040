package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptCall;
import dev.prompt4j.PromptListener;
import dev.prompt4j.PromptStream;
import dev.prompt4j.Response;
import dev.prompt4j.Tool;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Cancelling a stream while its tools run interrupts the tools (one on the call's thread, or several
 * running concurrently) and ends the stream and the call as cancelled, without waiting for the tools.
 * The awaits are bounded only so that a broken build fails instead of hanging.
 */
class StreamCancelDuringToolsTest extends FakeServerTest {
  /** Tools that wait for the test's release, which never comes: only an interrupt ends them. */
  public static class Holding {
    static volatile CountDownLatch started = new CountDownLatch(1);
    static volatile CountDownLatch interrupted = new CountDownLatch(1);
    static final CountDownLatch RELEASE = new CountDownLatch(1);

    /**
     * Holds until released.
     *
     * @param city the city
     */
    @Tool
    public String hold(String city) throws InterruptedException {
      started.countDown();
      try {
        RELEASE.await();
      } catch (InterruptedException e) {
        interrupted.countDown();
        throw e;
      }
      return city + ": released";
    }
  }

  @Call(provider = "openai", model = "gpt-4o-mini", tools = Holding.class)
  interface Holder {
    @Prompt("Hold {city}")
    PromptStream<String> ask(String city);
  }

  /** One turn asking for {@code calls} calls of hold. */
  private static FakeProviderServer.Reply asking(int calls) {
    StringBuilder sse = new StringBuilder();
    for (int i = 0; i < calls; i++) {
      sse.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{")
          .append(i == 0 ? "\"role\":\"assistant\",\"content\":null," : "")
          .append("\"tool_calls\":[{\"index\":").append(i).append(",\"id\":\"call_").append(i + 1)
          .append("\",\"type\":\"function\",\"function\":{\"name\":\"hold\",\"arguments\":\"{\\\"city\\\":\\\"C").append(i + 1)
          .append("\\\"}\"}}]},\"finish_reason\":null}]}\n\n");
    }
    sse.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,\"delta\":{},\"finish_reason\":\"tool_calls\"}]}\n\n");
    sse.append("data: [DONE]\n\n");
    return FakeProviderServer.Reply.raw(200, sse.toString()).header("Content-Type", "text/event-stream");
  }

  @ParameterizedTest(name = "{0} call(s)")
  @ValueSource(ints = {1, 2})
  void cancellingInterruptsTheToolsAndEndsTheStream(int calls) throws Exception {
    Holding.started = new CountDownLatch(calls);
    Holding.interrupted = new CountDownLatch(calls);
    CompletableFuture<Throwable> finished = new CompletableFuture<>();
    PromptListener listener = new PromptListener() {
      @Override
      public void callFinished(PromptCall call, Response<?> response, Throwable failure) {
        finished.complete(failure);
      }
    };
    server.enqueue(asking(calls));
    Holder holder = Prompt4j.builder().properties(Map.of(
            "prompt4j.provider", "openai",
            "prompt4j.model", "gpt-4o-mini",
            "prompt4j.providers.openai.base-url", server.baseUrl() + "/v1",
            "prompt4j.providers.openai.api-key", "sk-test-CANCEL"))
        .listener(listener).build().create(Holder.class);

    PromptStream<String> stream = holder.ask("Paris");
    assertTrue(Holding.started.await(30, TimeUnit.SECONDS), "the tools started");
    stream.cancel();

    assertTrue(Holding.interrupted.await(30, TimeUnit.SECONDS), "every running tool was interrupted");
    assertThrows(CancellationException.class, stream::result);
    assertInstanceOf(CancellationException.class, finished.get(30, TimeUnit.SECONDS), "the listener sees the call cancelled");
    assertEquals(1, Holding.RELEASE.getCount(), "nothing released the tools");
    assertEquals(1, server.requests().size(), "no turn after the cancel");
  }
}
