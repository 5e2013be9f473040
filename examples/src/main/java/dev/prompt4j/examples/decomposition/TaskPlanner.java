package dev.prompt4j.examples.decomposition;

import dev.prompt4j.Call;
import dev.prompt4j.Description;
import dev.prompt4j.Prompt;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * Task decomposition (seed 003): the model plans the steps as a validated record. A plan that breaks
 * a constraint (too few steps, a step name that is not snake_case, a blank field) is re-asked with
 * the exact errors.
 */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface TaskPlanner {

  record Step(
      @Description("short snake_case name") @NotBlank @Pattern(regexp = "[a-z][a-z0-9_]*") String name,
      @Description("what this step needs") @NotBlank String inputDescription,
      @Description("what this step produces") @NotBlank String outputFormat,
      @Description("how to verify the output") @NotBlank String validationCriteria) {}

  record Plan(@Size(min = 3, max = 8) List<@Valid Step> steps) {}

  @Prompt("""
      Break this request into sequential steps. For each step, specify a step name, what it needs,
      what it produces and how to verify its output.

      Request: {request}
      """)
  Plan decompose(String request);
}
