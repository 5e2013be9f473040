package dev.prompt4j.examples.decomposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Response;
import dev.prompt4j.examples.Env;
import dev.prompt4j.examples.TracePrinter;
import dev.prompt4j.provider.OfflineModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecompositionExamplesTest {
  private final Env env = Env.offline(DecompositionExamples.SCRIPT);

  @Test
  void theThreeAnalysesRunTogetherThenTheSummaryUsesThemAll() {
    Response<String> summary = DecompositionExamples.parallelGroups(env);

    assertTrue(summary.value().startsWith("EV charging is growing fast"));
    assertEquals(4, env.requests().size());
    assertEquals("ReportWriter.executiveSummary", env.requests().get(3).method());
    List<Response<?>> group = summary.calls();
    assertEquals(3, group.size());
    for (Response<?> call : group) {
      assertEquals(2, TracePrinter.overlapping(call, List.of(summary)).size(), call.method() + " overlapped the two others");
    }
    String user = env.requests().get(3).userText();
    assertTrue(user.contains("Market: The EV charging market is growing"), user);
    assertTrue(user.contains("Competition: Tesla, ChargePoint and Ionity lead"), user);
  }

  @Test
  void anInvalidVerdictIsReAskedThenTheStepFallsBackToAStrongerModel() {
    ChainState state = DecompositionExamples.productPage(env);

    assertEquals(List.of("keywords", "headline", "description", "cta", "tone"), List.copyOf(state.outputs().keySet()));
    assertEquals("ON_BRAND", state.outputs().get("tone"));
    assertEquals("used fallback gpt-4o after 3 invalid answer(s)", state.errors().get("tone"));
    List<OfflineModel.Request> tone = env.requests("ProductPage.checkTone");
    assertEquals(4, tone.size());
    // The scripted client keeps its own model until the override names one: then the request carries it.
    assertEquals(java.util.Arrays.asList(null, null, null, "gpt-4o"), tone.stream().map(r -> r.parameters().modelName()).toList());
    assertTrue(tone.get(1).text().contains("Your answer is not a valid ToneVerdict"), "re-asked with the error");
    assertTrue(env.requests("ProductPage.writeDescription").get(0).userText()
        .startsWith("Write a two-sentence product description under the headline \"TrailLite 2: the ultralight two-person backpacking tent\"."));
  }
}
