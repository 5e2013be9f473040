package dev.prompt4j.internal.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.prompt4j.CallParameters;
import dev.prompt4j.ProviderException;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.config.Configuration;
import dev.prompt4j.internal.cost.PriceTable;
import dev.prompt4j.internal.output.OutputMode;
import dev.prompt4j.provider.ChatModelProvider;
import dev.prompt4j.provider.ProviderSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The retries of a target's provider are read from its settings on the first request and then kept with the target; a
 * target sent by another runtime (other settings) still gets that runtime's retries.
 */
class RetryLimitKeptTest {
  private final AtomicInteger requests = new AtomicInteger();

  private final ChatModelProvider busy = new ChatModelProvider() {
    @Override
    public String name() {
      return "busy";
    }

    @Override
    public ChatModel create(String model, ProviderSettings settings) {
      return new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
          requests.incrementAndGet();
          throw new HttpException(503, "busy");
        }
      };
    }
  };

  private AttemptLoop loop(int maxRetries) {
    Configuration configuration = Configuration.of(Map.of("prompt4j.providers.busy.max-retries", String.valueOf(maxRetries)), "test");
    ModelRegistry models = new ModelRegistry(Map.of("busy", busy), configuration, Map.of());
    return new AttemptLoop(models, new RetryPolicy(Duration.ZERO, Duration.ZERO, wait -> {}, () -> 0.0), new PriceTable(Map.of(), List.of()));
  }

  private int requestsOf(AttemptLoop loop, CallPlan<String> plan) {
    requests.set(0);
    assertThrows(ProviderException.class, () -> loop.execute(plan, List.of(UserMessage.from("Hi")), System.nanoTime()));
    return requests.get();
  }

  @Test
  void eachRuntimeRetriesAsItsOwnSettingsSayAlsoWithATargetAnotherRuntimeSent() {
    CallPlan<String> plan = new CallPlan<>("Busy.ask", "ask", Outputs.text(), List.of(new Target("Busy", "ask", "busy", "m", null, true)),
        CallParameters.NONE, 1, OutputMode.parse(null));
    AttemptLoop twice = loop(2);
    AttemptLoop never = loop(0);
    assertEquals(3, requestsOf(twice, plan), "the first request and two retries");
    assertEquals(3, requestsOf(twice, plan), "the kept limit");
    assertEquals(1, requestsOf(never, plan), "another runtime's settings, not the limit the target kept");
    assertEquals(3, requestsOf(twice, plan));
  }
}
