package dev.prompt4j.internal.call;

import dev.prompt4j.Attempt;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.ProviderException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The exception of a call no target answered: what was asked, how often, and what each model last said. */
final class ProviderFailures {
  private ProviderFailures() {}

  static ProviderException of(CallPlan<?> plan, List<Attempt> failed, RuntimeException last) {
    List<Target> targets = plan.targets();
    if (last instanceof Prompt4jException p && targets.size() == 1 && !(last instanceof ProviderException)) {
      // Configuration problems (no key, unknown provider) say it best themselves.
      return new ProviderException(plan.qualifiedName() + ": " + p.getMessage(), plan.methodName(),
          targets.get(0).provider(), targets.get(0).model(), 0, null, failed, last);
    }
    Target target = targets.get(targets.size() - 1);
    RetryPolicy.Failure failure = last == null ? null : RetryPolicy.classify(last);
    String what = targets.size() == 1 ? target.toString() : "any of " + targets;
    StringBuilder earlier = new StringBuilder();
    if (targets.size() > 1) {
      // What each earlier model last said, so an invalid answer before an unreachable fallback is not hidden.
      Map<String, String> lastError = new LinkedHashMap<>();
      for (Attempt attempt : failed) {
        String name = attempt.provider() + ":" + attempt.model();
        if (!name.equals(target.toString()) && !attempt.errors().isEmpty()) {
          lastError.put(name, (attempt.rawText() != null ? "invalid answer: " : "") + attempt.errors().get(attempt.errors().size() - 1));
        }
      }
      lastError.forEach((name, error) -> earlier.append("; before, ").append(name).append(": ").append(error));
    }
    return new ProviderException(
        plan.qualifiedName() + ": no answer from " + what + " after " + failed.size() + " attempt(s); last failure ("
            + target + "): " + (failure == null ? "none" : failure.description()) + earlier,
        plan.methodName(), target.provider(), target.model(), failure == null ? 0 : failure.statusCode(),
        failure == null ? null : failure.body(), failed, last);
  }
}
