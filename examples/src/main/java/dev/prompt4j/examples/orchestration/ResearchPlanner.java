package dev.prompt4j.examples.orchestration;

import dev.prompt4j.Call;
import dev.prompt4j.Description;
import dev.prompt4j.Prompt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Centralized orchestration (seed 001): a planner breaks a research task into steps for executors
 * that each have one job; the orchestrator (plain Java, {@link OrchestrationExamples#orchestrate})
 * runs them in order, passes results along, and combines them.
 */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface ResearchPlanner {

  enum Executor { SEARCH, SUMMARIZE, EXTRACT_FACTS }

  record PlanStep(
      @NotNull Executor executor,
      @Description("What the executor must do, in one sentence") @NotBlank String instruction) {}

  record ResearchPlan(@Size(min = 2, max = 5) List<@Valid PlanStep> steps) {}

  @Prompt("""
      SYSTEM:
      You plan research tasks for three executors: SEARCH finds sources on the web,
      SUMMARIZE condenses what earlier steps found, EXTRACT_FACTS lists checkable facts with numbers.
      Plan two to five steps, in order.

      USER:
      {task}
      """)
  ResearchPlan plan(String task);

  @Prompt("Write a web search query (five to eight words) for this instruction: {instruction}")
  String searchQuery(String instruction);

  @Prompt("""
      {instruction}

      Material:
      {material:list}
      """)
  String summarize(String instruction, List<String> material);

  @Prompt("""
      {instruction}
      Answer with one fact per line, each with its number and unit.

      Material:
      {material:list}
      """)
  String extractFacts(String instruction, List<String> material);

  @Prompt("""
      SYSTEM:
      You write the final answer of a research task from the results of its steps. Be concise.

      USER:
      Task: {task}

      Step results:
      {results:list}
      """)
  String combine(String task, List<String> results);
}
