package dev.prompt4j.internal.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.prompt4j.CallParameters;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.internal.config.Configuration;
import dev.prompt4j.internal.output.OutputMode;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.provider.ChatModelProvider;
import dev.prompt4j.provider.ProviderSettings;
import dev.prompt4j.provider.RequestContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** {@link Prompt4j.Builder#decorateClients}: what a decorator is given, and when the real client is built. */
class ClientDecoratorTest {
  private final AtomicInteger built = new AtomicInteger();
  private final List<ChatRequest> sentToReal = new ArrayList<>();

  /** A provider whose clients echo, counting how many it built. */
  private final ChatModelProvider echo = new ChatModelProvider() {
    @Override
    public String name() {
      return "echo";
    }

    @Override
    public ChatModel create(String model, ProviderSettings settings) {
      built.incrementAndGet();
      return model(request -> {
        sentToReal.add(request);
        return answer("real " + model);
      });
    }
  };

  private static ChatModel model(Function<ChatRequest, ChatResponse> answer) {
    return new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        return answer.apply(request);
      }
    };
  }

  private static ChatResponse answer(String text) {
    return ChatResponse.builder().aiMessage(AiMessage.from(text)).build();
  }

  private String call(ModelRegistry models, String version) {
    Configuration configuration = Configuration.of(Map.of(), "test");
    CallPlan<String> plan = new CallPlan<>("Answers.ask", "ask", Outputs.text(),
        List.of(new Target("Answers", "ask", "echo", "m1", null, true, version)), CallParameters.none().withTemperature(0.3), 1,
        OutputMode.parse(null));
    return AttemptLoop.of(models, configuration).execute(plan, List.of(UserMessage.from("Hi")), System.nanoTime()).value();
  }

  @Test
  void theDecoratorSeesEveryRequestWithItsMethodAndPromptVersionAndBuildsTheRealClientOnlyWhenItAsks() {
    List<String> decorated = new ArrayList<>();
    List<RequestContext> contexts = new ArrayList<>();
    Prompt4j.ClientDecorator replaying = (provider, model, client) -> {
      decorated.add(provider + ":" + model);
      return model(request -> {
        contexts.add(RequestContext.current());
        return answer("replayed");
      });
    };
    ModelRegistry models = new ModelRegistry(Map.of("echo", echo), Configuration.of(Map.of(), "test"), Map.of(), replaying);

    assertEquals("replayed", call(models, "v1"));
    assertEquals("replayed", call(models, "v1"));

    assertEquals(List.of("echo:m1"), decorated, "decorated once per provider and model");
    assertEquals(0, built.get(), "the provider's client is never built when the decorator does not ask for it");
    assertEquals("Answers.ask", contexts.get(0).qualifiedName());
    assertEquals("v1", contexts.get(0).promptVersion());
  }

  @Test
  void aDecoratorThatForwardsGetsTheProvidersClientWithTheProvidersRequestParameters() {
    List<Supplier<ChatModel>> suppliers = new ArrayList<>();
    Prompt4j.ClientDecorator forwarding = (provider, model, client) -> {
      suppliers.add(client);
      return model(request -> client.get().chat(request));
    };
    ModelRegistry models = new ModelRegistry(Map.of("echo", echo), Configuration.of(Map.of(), "test"), Map.of(), forwarding);

    assertEquals("real m1", call(models, "v1"));
    assertEquals("real m1", call(models, "v1"));

    assertEquals(1, built.get(), "built once, then reused");
    assertSame(suppliers.get(0).get(), suppliers.get(0).get());
    assertEquals("m1", sentToReal.get(0).parameters().modelName());
    assertEquals(0.3, sentToReal.get(0).parameters().temperature());
  }

  @Test
  void clientsGivenToTheBuilderAreDecoratedTooAndAMissingProviderFailsOnlyWhenTheClientIsNeeded() {
    ChatModel given = model(request -> answer("given"));
    Prompt4j.ClientDecorator tagging = (provider, model, client) -> model(request -> answer("[" + provider + "] " + client.get().chat(request).aiMessage().text()));
    ModelRegistry withGiven = new ModelRegistry(Map.of(), Configuration.of(Map.of(), "test"), Map.of("echo", given), tagging);
    assertEquals("[echo] given", call(withGiven, null));

    ModelRegistry none = new ModelRegistry(Map.of(), Configuration.of(Map.of(), "test"), Map.of(), (p, m, client) -> client.get());
    Prompt4jException missing = assertThrows(Prompt4jException.class, () -> none.client("nowhere", "m"));
    assertEquals(true, missing.getMessage().contains("No provider named 'nowhere'"), missing.getMessage());
  }
}
