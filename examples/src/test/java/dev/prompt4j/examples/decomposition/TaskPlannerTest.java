package dev.prompt4j.examples.decomposition;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.examples.Env;
import java.util.List;
import org.junit.jupiter.api.Test;

class TaskPlannerTest {
  private final Env env = Env.offline(DecompositionExamples.SCRIPT);

  @Test
  void anInvalidPlanIsReAskedWithItsErrors() {
    TaskPlanner.Plan plan = DecompositionExamples.decompose(env);

    assertEquals(List.of("extract_keywords", "write_headline", "write_description", "write_cta", "validate_tone"),
        plan.steps().stream().map(TaskPlanner.Step::name).toList());
    assertEquals(2, env.requests().size());
    String reask = env.requests().get(1).text();
    assertTrue(reask.contains("Your answer is not a valid Plan"), reask);
    assertTrue(reask.contains("steps"), reask);
  }
}
