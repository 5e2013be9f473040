package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.PromptCall;
import dev.prompt4j.PromptListener;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers, per prompt method, what its latest call ran with: provider and model after every
 * override, and the prompt version. The actuator endpoint shows it; the health indicator checks the
 * providers seen.
 */
public final class PromptCallRecorder implements PromptListener {
  /**
   * The latest call of one method.
   *
   * @param provider the provider after overrides
   * @param model the model after overrides
   * @param promptVersion the prompt version id (template and effective configuration)
   * @param at when it started
   */
  public record LatestCall(String provider, String model, String promptVersion, Instant at) {}

  private final Map<String, LatestCall> latest = new ConcurrentHashMap<>();

  /** Made by the actuator auto-configuration. */
  public PromptCallRecorder() {}

  @Override
  public void callStarted(PromptCall call) {
    latest.put(call.method(), new LatestCall(call.provider(), call.model(), call.promptVersion(), Instant.now()));
  }

  /**
   * The latest call of each method, by {@code Interface.method}.
   *
   * @return a snapshot
   */
  public Map<String, LatestCall> latest() {
    return Map.copyOf(latest);
  }
}
