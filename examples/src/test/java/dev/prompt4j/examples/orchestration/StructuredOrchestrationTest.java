package dev.prompt4j.examples.orchestration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.examples.Env;
import dev.prompt4j.test.Prompt4jTest;
import dev.prompt4j.test.PromptCall;
import dev.prompt4j.test.PromptCalls;
import dev.prompt4j.test.PromptTestKit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Prompt4jTest(script = OrchestrationExamples.SCRIPT, latencyMillis = 40)
class StructuredOrchestrationTest {
  private Env env;
  private PromptCalls calls;

  @BeforeEach
  void onTheKitsRuntime(PromptTestKit kit) {
    env = Env.on(kit.runtime());
    calls = kit.calls();
  }

  @Test
  void bookIsAValidatedRecord() {
    assertEquals(new BookExtractor.Book("Pride and Prejudice", "Jane Austen"), OrchestrationExamples.extractBook(env));
    assertTrue(calls.all().get(0).text().contains("Extract the book from this text: Pride and Prejudice by Jane Austen"));
  }

  @Test
  void theOrchestratorRunsEachPlannedStepOnItsExecutorThenCombines() {
    OrchestrationExamples.Orchestrated run = OrchestrationExamples.orchestrate(env);

    assertEquals(List.of(ResearchPlanner.Executor.SEARCH, ResearchPlanner.Executor.EXTRACT_FACTS, ResearchPlanner.Executor.SUMMARIZE),
        run.plan().steps().stream().map(ResearchPlanner.PlanStep::executor).toList());
    assertEquals(List.of("ResearchPlanner.plan", "ResearchPlanner.searchQuery", "ResearchPlanner.extractFacts", "ResearchPlanner.summarize",
        "ResearchPlanner.combine"), calls.all().stream().map(PromptCall::method).toList());
    assertEquals("1. SEARCH: searched \"heat pumps cold climate performance sales\": 3 page(s)", run.stepResults().get(0));
    String facts = calls.of("ResearchPlanner.extractFacts").get(0).userText();
    assertTrue(facts.contains("Modern cold-climate heat pumps keep working down to about -25 C"), "the search results are the material: " + facts);
    String combine = calls.of("ResearchPlanner.combine").get(0).userText();
    assertTrue(combine.contains("2. EXTRACT_FACTS: Cold-climate heat pumps operate down to about -25 C."), combine);
    assertTrue(run.answer().startsWith("Heat pumps work well in cold climates"));
  }
}
