package dev.prompt4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.langchain4j.data.message.UserMessage;
import dev.prompt4j.CallParameters;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import dev.prompt4j.internal.Configuration;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.provider.Greeter;
import dev.prompt4j.provider.GreeterImpl;
import dev.prompt4j.provider.OfflineModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Overrides from code: a new instance, the original unchanged, method over interface, thread safety. */
class OverridesTest {

  private static Greeter base() {
    return new GreeterImpl(PromptContext.create(Configuration.of(new Properties(), Map.of(), new Properties()), OverridesTest.class.getClassLoader()));
  }

  /** Answers "<tag>: <last user message>". */
  private static OfflineModel echo(String tag) {
    return OfflineModel.builder().whenMatches("").replyWith(request -> {
      UserMessage last = (UserMessage) request.messages().get(request.messages().size() - 1);
      return tag + ": " + last.singleText();
    }).build();
  }

  @Test
  void createFindsTheGeneratedClassThroughServiceLoader() {
    assertInstanceOf(GreeterImpl.class, Prompt4j.create(Greeter.class));
    assertThrows(IllegalArgumentException.class, () -> Prompt4j.override(new Object()));
    assertThrows(IllegalArgumentException.class, () -> Prompt4j.override(base()).method("nope"));
  }

  @Test
  void anOverrideIsANewInstanceAndTheOriginalIsUnchanged() {
    Greeter original = base();
    OfflineModel model = echo("code");
    Greeter overridden = Prompt4j.override(original).provider("openai").model("gpt-4o").temperature(0.1).client(model).build();

    assertNotSame(original, overridden);
    assertEquals("offline:annotated-model", ConfigurationPrecedenceTest.model(original, GreeterImpl.GREET));
    assertEquals(CallParameters.none().withTemperature(0.5), ConfigurationPrecedenceTest.resolve(original, GreeterImpl.GREET).parameters());
    assertEquals("openai:gpt-4o", ConfigurationPrecedenceTest.model(overridden, GreeterImpl.GREET));
    assertSame(model, ConfigurationPrecedenceTest.resolve(overridden, GreeterImpl.GREET).targets().get(0).client());

    assertEquals("code: Hi Ada", overridden.greet("Ada"));
    assertEquals(0.1, model.lastRequest().parameters().temperature());
    assertEquals("gpt-4o", model.lastRequest().parameters().modelName());
    assertEquals(1, model.requests().size(), "the original never used the override's client");
  }

  @Test
  void methodOverInterfaceAndParametersMerge() {
    Greeter g = Prompt4j.override(base())
        .model("interface-model").maxTokens(300)
        .method("greet").model("method-model").topP(0.9)
        .allMethods().seed(42)
        .build();
    assertEquals("offline:method-model", ConfigurationPrecedenceTest.model(g, GreeterImpl.GREET));
    assertEquals("offline:interface-model", ConfigurationPrecedenceTest.model(g, GreeterImpl.MOOD_OF));
    assertEquals(new CallParameters(0.5, 300, 0.9, null, 42L), ConfigurationPrecedenceTest.resolve(g, GreeterImpl.GREET).parameters());
    assertEquals(new CallParameters(0.5, 300, null, null, 42L), ConfigurationPrecedenceTest.resolve(g, GreeterImpl.MOOD_OF).parameters());
  }

  @Test
  void aMethodOverrideDoesNotReachItsComputedFieldsCallsAnInterfaceOverrideDoes() {
    OfflineModel interfaceModel = echo("interface");
    OfflineModel methodModel = echo("method");
    Greeter g = Prompt4j.override(base()).client(interfaceModel).method("describe").client(methodModel).build();

    Response<String> response = g.describe("Ada");

    assertEquals("method: Describe Ada, who is interface: Mood of Ada?.", response.value());
    assertEquals(List.of("Greeter.moodOf"), interfaceModel.requests().stream().map(OfflineModel.Request::method).toList());
    assertEquals(List.of("Greeter.describe"), methodModel.requests().stream().map(OfflineModel.Request::method).toList());
  }

  @Test
  void aSharedInstanceIsSafeFromManyThreads() throws Exception {
    OfflineModel model = echo("shared");
    Greeter shared = Prompt4j.override(base()).client(model).build();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> work = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        int n = i;
        work.add(() -> {
          if (n % 10 == 0) {
            // overriding concurrently never changes the shared instance
            Greeter other = Prompt4j.override(shared).client(echo("other")).build();
            return other.greet("P" + n).equals("other: Hi P" + n);
          }
          return n % 2 == 0
              ? shared.greet("P" + n).equals("shared: Hi P" + n)
              : shared.describe("P" + n).value().equals("shared: Describe P" + n + ", who is shared: Mood of P" + n + "?.");
        });
      }
      for (Future<Boolean> result : pool.invokeAll(work)) {
        assertEquals(true, result.get());
      }
    } finally {
      pool.shutdownNow();
    }
    assertEquals(80 + 2 * 100, model.requests().size(), "80 greets, 100 describes with their moodOf");
  }
}
