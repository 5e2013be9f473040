package dev.prompt4j.flink;

import dev.prompt4j.Prompt4j;
import java.io.Serializable;

/**
 * Completes the {@link Prompt4j.Builder} each subtask builds its runtime with, after the
 * configuration is set: clients, an executor, a class loader. Runs in {@code open()} on the task
 * manager, so it is serializable and creates what it adds there.
 *
 * <pre>{@code
 * RuntimeSetup setup = builder -> builder.client("openai", "gpt-4o-mini", new MyChatModel());
 * }</pre>
 */
@FunctionalInterface
public interface RuntimeSetup extends Serializable {
  /**
   * @param builder the subtask's builder
   */
  void configure(Prompt4j.Builder builder);
}
