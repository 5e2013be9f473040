package dev.prompt4j.examples.decomposition;

import dev.prompt4j.OutputException;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import dev.prompt4j.examples.Env;
import dev.prompt4j.examples.Example;
import java.util.List;
import java.util.stream.Collectors;

/** The chains of seed 003, "Prompt Chaining: Decomposition, Parallel Execution, State Management". */
public final class DecompositionExamples {
  /** The offline script of these examples. */
  public static final String SCRIPT = "offline/decomposition.json";

  /** The stronger model a failed step falls back to. */
  public static final String FALLBACK_MODEL = "gpt-4o";

  static final String BRIEF = """
      TrailLite 2 is an ultralight two-person tent for backpackers: 1.1 kg, sets up in three minutes,
      waterproof to 3000 mm, recycled ripstop fabric, two doors and two vestibules.""";

  private DecompositionExamples() {}

  public static List<Example> all() {
    return List.of(
        new Example("003", "Task decomposition into a validated plan (an invalid plan is re-asked)", SCRIPT, env -> {
          TaskPlanner.Plan plan = decompose(env);
          return plan.steps().stream().map(s -> s.name() + ": " + s.inputDescription() + " -> " + s.outputFormat() + " (check: " + s.validationCriteria() + ")")
              .collect(Collectors.joining("\n"));
        }),
        new Example("003", "Parallel groups: market, financial and competitive analyses at once, then a summary", SCRIPT,
            DecompositionExamples::parallelGroups),
        new Example("003", "Sequential state and recovery: re-ask an invalid answer, then fall back to a stronger model", SCRIPT,
            env -> {
              ChainState state = productPage(env);
              return state.outputs().entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("\n"))
                  + "\nerrors: " + state.errors();
            }));
  }

  public static TaskPlanner.Plan decompose(Env env) {
    return env.create(TaskPlanner.class).decompose("Write a product page for the TrailLite 2 tent.");
  }

  /** One call: the three fields run together, then the summary prompt. */
  public static Response<String> parallelGroups(Env env) {
    return env.create(ReportWriter.class).executiveSummary("electric vehicle charging");
  }

  /**
   * The product page, step by step, each output kept in the state. An answer of the tone check that
   * names no verdict is re-asked with the parse error, up to three answers in all (the default of
   * {@code prompt4j.max-attempts}); when there is still no valid answer, the step is retried once on {@link #FALLBACK_MODEL} through a method override, and
   * the state records that the fallback was used.
   */
  public static ChainState productPage(Env env) {
    ProductPage page = env.create(ProductPage.class);
    ChainState state = new ChainState().input("brief", BRIEF);
    state.setOutput("keywords", page.extractKeywords(state.get("brief")));
    state.setOutput("headline", page.writeHeadline(state.get("keywords")));
    state.setOutput("description", page.writeDescription(state.get("keywords"), state.get("headline")));
    state.setOutput("cta", page.writeCallToAction(state.get("description")));
    ChainState.Snapshot beforeReview = state.snapshot();

    String draft = state.get("headline") + "\n" + state.get("description") + "\n" + state.get("cta");
    ProductPage.ToneVerdict verdict;
    try {
      verdict = page.checkTone(draft);
    } catch (OutputException e) {
      state.restore(beforeReview);
      ProductPage stronger = Prompt4j.override(page).method("checkTone").model(FALLBACK_MODEL).build();
      verdict = stronger.checkTone(draft);
      state.setError("tone", "used fallback " + FALLBACK_MODEL + " after " + e.attempts().size() + " invalid answer(s)");
    }
    state.setOutput("tone", verdict.name());
    return state;
  }
}
