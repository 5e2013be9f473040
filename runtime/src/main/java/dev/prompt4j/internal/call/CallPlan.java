package dev.prompt4j.internal.call;

import dev.prompt4j.CallParameters;
import dev.prompt4j.internal.output.OutputMode;
import dev.prompt4j.internal.output.OutputType;
import java.util.List;

/**
 * What the attempt loop needs to send one prompt call, worked out once per method and runtime by the
 * call resolver.
 *
 * @param qualifiedName {@code Interface.method}, for messages
 * @param methodName the method name, for exceptions
 * @param output how to read the answer
 * @param targets the model, then its fallbacks
 * @param parameters call parameters after every override
 * @param maxAttempts answers accepted, counting the first
 * @param configuredMode the output mode configuration chose, or {@code null} to decide per client
 * @param <T> the value type
 */
public record CallPlan<T>(String qualifiedName, String methodName, OutputType<T> output, List<Target> targets,
    CallParameters parameters, int maxAttempts, OutputMode configuredMode) {
  /** Copies the targets. */
  public CallPlan {
    targets = List.copyOf(targets);
  }
}
