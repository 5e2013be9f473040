package dev.prompt4j.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.prompt4j.MethodDescription;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.PromptRuntime;
import dev.prompt4j.Response;
import dev.prompt4j.provider.Greeter;
import dev.prompt4j.testing.Calls;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link PromptRuntime#describe}: what each prompt method would call, before any call. */
class DescribeTest {
  @Test
  void theAnnotationConfigurationAndFallbacksAreDescribedAsACallResolvesThem() {
    PromptRuntime runtime = Prompt4j.builder().client("offline", Calls.echo("offline")).properties(Map.of(
            "prompt4j.Greeter.moodOf.model", "configured-model",
            "prompt4j.Greeter.moodOf.fallbacks", "openai:gpt-4o-mini",
            "prompt4j.Greeter.describe.max-attempts", "5"))
        .build();

    List<MethodDescription> described = runtime.describe(Greeter.class);

    assertEquals(List.of("describe", "greet", "moodOf"), described.stream().map(MethodDescription::method).toList());
    MethodDescription greet = described.get(1);
    assertEquals(List.of("Greeter", "offline", "annotated-model", List.of()),
        List.of(greet.interfaceName(), greet.provider(), greet.model(), greet.fallbacks()));
    MethodDescription moodOf = described.get(2);
    assertEquals(List.of("offline", "configured-model", List.of("openai:gpt-4o-mini")), List.of(moodOf.provider(), moodOf.model(), moodOf.fallbacks()));
    assertEquals(5, described.get(0).maxAttempts());
    assertEquals(3, greet.maxAttempts());

    Response<String> call = runtime.create(Greeter.class).describe("Ada");
    assertEquals(described.get(0).promptVersion(), call.promptVersion(), "the version a call reports");
  }

  @Test
  void aNamedInstancesModelIsTheDefaultOfItsCallsUnlessCodeOrConfigurationNamesOne() {
    PromptRuntime runtime = Prompt4j.builder().client("offline", Calls.echo("offline")).properties(Map.of(
            "prompt4j.Greeter.provider", "work",
            "prompt4j.providers.work.type", "offline",
            "prompt4j.providers.work.model", "work-default",
            "prompt4j.Greeter.moodOf.model", "explicit"))
        .build();
    Map<String, String> models = new java.util.TreeMap<>();
    runtime.describe(Greeter.class).forEach(m -> models.put(m.method(), m.provider() + ":" + m.model()));

    assertEquals(Map.of("describe", "work:work-default", "greet", "work:work-default", "moodOf", "work:explicit"), models);
    PromptRuntime annotationProvider = Prompt4j.builder().client("offline", Calls.echo("offline"))
        .properties(Map.of("prompt4j.providers.offline.model", "ignored")).build();
    assertEquals("annotated-model", annotationProvider.describe(Greeter.class).get(1).model(),
        "the annotation's model stays with the annotation's provider");
  }

  @Test
  void anInterfaceWithoutGeneratedCodeIsNamed() {
    Prompt4jException e = assertThrows(Prompt4jException.class, () -> Prompt4j.builder().build().describe(Runnable.class));
    assertEquals(true, e.getMessage().contains("Runnable"), e.getMessage());
  }
}
