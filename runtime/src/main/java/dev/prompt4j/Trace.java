package dev.prompt4j;

import java.util.List;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * Collects the prompt calls made by plain Java code: a loop, a router, an orchestrator. Calls made in
 * computed fields are already nested in their prompt's {@link Response}; this is for the code around.
 *
 * <pre>{@code
 * Trace.Captured<String> run = Trace.capture(() -> refine(summary, 3));
 * run.calls().forEach(c -> System.out.println(c.method() + " " + c.latency()));
 * }</pre>
 */
public final class Trace {
  private Trace() {}

  /**
   * Runs {@code work} and returns its result with every prompt call it made on this thread (and in
   * the computed fields of those calls, nested). Captures nest: an enclosing capture, or the computed
   * field this runs in, sees the same calls.
   *
   * @param work the code that calls prompt methods
   * @param <T> what it returns
   * @return its result with the calls it made
   */
  public static <T> Captured<T> capture(Supplier<T> work) {
    return Prompt4j.engine().capture(work);
  }

  /**
   * An executor that runs each task where the submitting thread's calls are traced: under the
   * computed field, or into the capture, it was submitted from. Use it for your own fan-out;
   * Prompt4j's async methods and computed fields need nothing.
   *
   * <pre>{@code
   * Executor traced = Trace.propagating(myPool);
   * CompletableFuture<String> a = CompletableFuture.supplyAsync(() -> prompts.summarize(partA), traced);
   * }</pre>
   *
   * @param executor the executor that runs the tasks
   * @return an executor that traces each task where it was submitted
   */
  public static Executor propagating(Executor executor) {
    return Prompt4j.engine().propagating(executor);
  }

  /**
   * The result of {@link #capture}.
   *
   * @param value what the work returned
   * @param calls the top-level prompt calls it made, in the order they finished
   */
  public record Captured<T>(T value, List<Response<?>> calls) {
    /**
     * Token usage of every call, nested ones included.
     *
     * @return the sum
     */
    public Usage totalUsage() {
      Usage total = Usage.ZERO;
      for (Response<?> call : calls) {
        total = total.plus(call.totalUsage());
      }
      return total;
    }
  }
}
