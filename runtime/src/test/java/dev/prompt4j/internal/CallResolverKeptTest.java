package dev.prompt4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.prompt4j.Overrides;
import dev.prompt4j.internal.config.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A resolver keeps each method's call in an array by the method's number (read on every call instead of a map): each
 * context still gets its own call, the same one every time, and methods numbered beyond the array are found in the map.
 */
class CallResolverKeptTest {
  interface Kept {}

  private static final Configuration EMPTY = Configuration.of(Map.of(), "test");

  private static PromptMethod<String> method(String name) {
    return PromptMethod.of(Kept.class, name, CallSpec.of("openai", "gpt-4o-mini"), "hash-" + name, Outputs.text());
  }

  private static CallResolver resolver(String model) {
    return new CallResolver(EMPTY, Map.of("", new Overrides.Change(null, model, null, null, null)));
  }

  private static String model(CallResolver.ResolvedCall<?> call) {
    return call.plan().targets().get(0).model();
  }

  @Test
  void eachContextResolvesItsOwnCallOnceAndReadsItBackAfterwards() {
    PromptMethod<String> ask = method("ask");
    PromptMethod<String> tell = method("tell");
    CallResolver mini = resolver("mini");
    CallResolver large = resolver("large");
    CallResolver.ResolvedCall<String> first = mini.resolve(ask);
    assertEquals("mini", model(first));
    assertEquals("large", model(large.resolve(ask)), "another context's override, not the first context's call");
    assertEquals("mini", model(mini.resolve(tell)));
    for (int i = 0; i < 3; i++) {
      assertSame(first, mini.resolve(ask));
      assertEquals("large", model(large.resolve(ask)));
      assertNotSame(mini.resolve(tell), mini.resolve(ask));
    }
  }

  @Test
  void methodsNumberedBeyondTheArrayAreResolvedThroughTheMap() {
    List<PromptMethod<String>> many = new ArrayList<>();
    for (int i = 0; i < 4200; i++) {
      many.add(method("m" + i));
    }
    PromptMethod<String> last = many.get(many.size() - 1);
    CallResolver resolver = resolver("mini");
    CallResolver.ResolvedCall<String> call = resolver.resolve(last);
    assertEquals("mini", model(call));
    assertSame(call, resolver.resolve(last));
    assertEquals("Kept." + last.name(), call.plan().qualifiedName());
  }
}
