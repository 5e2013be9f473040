package dev.prompt4j.config;

import static dev.prompt4j.config.ConfigurationPrecedenceTest.model;
import static dev.prompt4j.testing.Calls.echo;
import static dev.prompt4j.testing.Calls.traced;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prompt4j.CallParameters;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import dev.prompt4j.provider.Greeter;
import dev.prompt4j.test.OfflineModel;
import dev.prompt4j.testing.Runtimes;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Overrides from code: a new instance, the original unchanged, method over interface, thread safety. */
class OverridesTest {

  /** A Greeter of an isolated runtime; its annotated provider answers in process. */
  private static Greeter base() {
    return ConfigurationPrecedenceTest.greeter(Map.of());
  }

  @Test
  void createFindsTheGeneratedClassThroughServiceLoader() {
    assertEquals("dev.prompt4j.provider.Prompt4j_Greeter", Prompt4j.create(Greeter.class).getClass().getName());
    assertEquals("dev.prompt4j.provider.Prompt4j_Greeter", Runtimes.isolated(Map.of()).create(Greeter.class).getClass().getName());
    assertThrows(IllegalArgumentException.class, () -> Prompt4j.override(new Object()));
    assertThrows(IllegalArgumentException.class, () -> Prompt4j.override(base()).method("nope"));
  }

  @Test
  void anOverrideIsANewInstanceAndTheOriginalIsUnchanged() {
    Greeter original = base();
    OfflineModel model = echo("code");
    Greeter overridden = Prompt4j.override(original).provider("openai").model("gpt-4o").temperature(0.1).client(model).build();

    assertNotSame(original, overridden);
    Response<?> before = traced(() -> original.greet("Ada"));
    assertEquals("offline:annotated-model", model(before));
    assertEquals(CallParameters.none().withTemperature(0.5), before.parameters());
    assertEquals(List.of(), model.requests(), "the original never uses the override's client");

    Response<?> after = traced(() -> assertEquals("code: Hi Ada", overridden.greet("Ada")));
    assertEquals("openai:gpt-4o", model(after));
    assertEquals(1, model.requests().size(), "the override's client answered");
    assertEquals(0.1, model.lastRequest().parameters().temperature());
    assertEquals("gpt-4o", model.lastRequest().parameters().modelName());
    assertEquals("offline:annotated-model", model(traced(() -> original.greet("Ada"))), "the original is unchanged");
    assertEquals(1, model.requests().size());
  }

  @Test
  void methodOverInterfaceAndParametersMerge() {
    Greeter g = Prompt4j.override(base())
        .model("interface-model").maxTokens(300)
        .method("greet").model("method-model").topP(0.9)
        .allMethods().seed(42)
        .build();
    Response<?> greet = traced(() -> g.greet("Ada"));
    Response<?> moodOf = traced(() -> g.moodOf("Ada"));
    assertEquals("offline:method-model", model(greet));
    assertEquals("offline:interface-model", model(moodOf));
    // The seed is set for both, and reported as not sent: the in-process client cannot take one.
    assertEquals(new CallParameters(0.5, 300, 0.9, null, null), greet.parameters());
    assertEquals(new CallParameters(null, null, null, null, 42L), greet.unsentParameters());
    assertEquals(new CallParameters(0.5, 300, null, null, null), moodOf.parameters());
    assertEquals(42L, moodOf.unsentParameters().seed());
  }

  @Test
  void aSeedAClientCannotTakeIsReportedAsNotSent() throws Exception {
    OfflineModel model = echo("seeded");
    Greeter seeded = Prompt4j.override(base()).client(model).seed(42).build();

    Response<String> response = seeded.describe("Ada");

    assertNull(response.parameters().seed(), "a generic client cannot be sent a seed");
    assertEquals(42L, response.unsentParameters().seed());
    assertEquals(new CallParameters(0.5, null, null, null, null), response.parameters());
    JsonNode json = new ObjectMapper().readTree(response.toJson());
    assertEquals(42, json.path("unsentParameters").path("seed").asLong(), response.toJson());
    assertTrue(json.path("parameters").path("seed").isMissingNode() || json.path("parameters").path("seed").isNull(), response.toJson());
    assertEquals(42L, response.calls().get(0).unsentParameters().seed(), "the field's call too");
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
