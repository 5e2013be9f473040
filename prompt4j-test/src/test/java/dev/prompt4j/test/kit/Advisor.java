package dev.prompt4j.test.kit;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;

/** Two independent steps feeding a third, and a validated record: what stubs and call assertions are for. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface Advisor {
  record Plan(@NotEmpty @Size(max = 3) List<String> steps) {}

  @Prompt("Name a business leader known in {industry}. Respond only with the name.")
  String identifyLeader(String industry);

  @Prompt("List emerging B2B trends in {industry}.")
  String identifyTrends(String industry);

  @Prompt("""
      SYSTEM:
      Pretend that you are {leader}.

      USER:
      Given these trends in {industry}:
      {trends}
      Recommend one strategic move.""")
  Response<String> recommend(String industry);

  @Prompt("Plan the launch of {product} in at most three steps.")
  Plan plan(String product);

  @ComputedField
  default String leader(String industry) {
    return identifyLeader(industry);
  }

  @ComputedField
  default String trends(String industry) {
    return identifyTrends(industry);
  }
}
