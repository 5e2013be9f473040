package dev.prompt4j.examples.decomposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Response;
import dev.prompt4j.examples.Env;
import dev.prompt4j.test.Prompt4jTest;
import dev.prompt4j.test.PromptCall;
import dev.prompt4j.test.PromptCalls;
import dev.prompt4j.test.PromptTestKit;
import dev.prompt4j.examples.TracePrinter;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Prompt4jTest(script = DecompositionExamples.SCRIPT, latencyMillis = 40)
class DecompositionExamplesTest {
  private Env env;
  private PromptCalls calls;

  @BeforeEach
  void onTheKitsRuntime(PromptTestKit kit) {
    env = Env.on(kit.runtime());
    calls = kit.calls();
  }

  @Test
  void theThreeAnalysesRunTogetherThenTheSummaryUsesThemAll() {
    Response<String> summary = DecompositionExamples.parallelGroups(env);

    assertTrue(summary.value().startsWith("EV charging is growing fast"));
    assertEquals(4, calls.all().size());
    assertEquals("ReportWriter.executiveSummary", calls.all().get(3).method());
    List<Response<?>> group = summary.calls();
    assertEquals(3, group.size());
    for (Response<?> call : group) {
      assertEquals(2, TracePrinter.overlapping(call, List.of(summary)).size(), call.method() + " overlapped the two others");
    }
    String user = calls.all().get(3).userText();
    assertTrue(user.contains("Market: The EV charging market is growing"), user);
    assertTrue(user.contains("Competition: Tesla, ChargePoint and Ionity lead"), user);
  }

  @Test
  void anInvalidVerdictIsReAskedThenTheStepFallsBackToAStrongerModel() {
    ChainState state = DecompositionExamples.productPage(env);

    assertEquals(List.of("keywords", "headline", "description", "cta", "tone"), List.copyOf(state.outputs().keySet()));
    assertEquals("ON_BRAND", state.outputs().get("tone"));
    assertEquals("used fallback gpt-4o after 3 invalid answer(s)", state.errors().get("tone"));
    List<PromptCall> tone = calls.of("ProductPage.checkTone");
    assertEquals(4, tone.size());
    // Three answers from the annotated model, then the fallback's, each request naming its model.
    assertEquals(List.of("gpt-4o-mini", "gpt-4o-mini", "gpt-4o-mini", "gpt-4o"), tone.stream().map(r -> r.parameters().modelName()).toList());
    assertTrue(tone.get(1).text().contains("Your answer is not a valid ToneVerdict"), "re-asked with the error");
    assertTrue(calls.of("ProductPage.writeDescription").get(0).userText()
        .startsWith("Write a two-sentence product description under the headline \"TrailLite 2: the ultralight two-person backpacking tent\"."));
  }
}
