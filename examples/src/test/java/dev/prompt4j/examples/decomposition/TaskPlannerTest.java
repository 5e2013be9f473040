package dev.prompt4j.examples.decomposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.examples.Env;
import dev.prompt4j.test.Prompt4jTest;
import dev.prompt4j.test.PromptCalls;
import dev.prompt4j.test.PromptTestKit;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@Prompt4jTest(script = DecompositionExamples.SCRIPT, latencyMillis = 40)
class TaskPlannerTest {
  private Env env;
  private PromptCalls calls;

  @BeforeEach
  void onTheKitsRuntime(PromptTestKit kit) {
    env = Env.on(kit.runtime());
    calls = kit.calls();
  }

  @Test
  void anInvalidPlanIsReAskedWithItsErrors() {
    TaskPlanner.Plan plan = DecompositionExamples.decompose(env);

    assertEquals(List.of("extract_keywords", "write_headline", "write_description", "write_cta", "validate_tone"),
        plan.steps().stream().map(TaskPlanner.Step::name).toList());
    assertEquals(2, calls.all().size());
    String reask = calls.all().get(1).text();
    assertTrue(reask.contains("Your answer is not a valid Plan"), reask);
    assertTrue(reask.contains("steps"), reask);
  }
}
