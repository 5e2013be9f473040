package dev.prompt4j.examples.decomposition;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The state a chain accumulates (seed 003): inputs, the output of each step, errors, and when each
 * step completed; snapshots let a chain resume from the last good state.
 */
public final class ChainState {
  private final Map<String, String> inputs = new LinkedHashMap<>();
  private final Map<String, String> outputs = new LinkedHashMap<>();
  private final Map<String, String> errors = new LinkedHashMap<>();
  private final Map<String, Instant> completedAt = new LinkedHashMap<>();

  /** An immutable copy of the outputs and errors. */
  public record Snapshot(Map<String, String> outputs, Map<String, String> errors) {
    public Snapshot {
      outputs = Map.copyOf(outputs);
      errors = Map.copyOf(errors);
    }
  }

  public ChainState input(String name, String value) {
    inputs.put(name, value);
    return this;
  }

  public void setOutput(String step, String value) {
    outputs.put(step, value);
    completedAt.put(step, Instant.now());
  }

  public void setError(String step, String error) {
    errors.put(step, error);
  }

  /** An output, else an input, else {@code null}. */
  public String get(String key) {
    return outputs.containsKey(key) ? outputs.get(key) : inputs.get(key);
  }

  /** The outputs, in the order the steps completed. */
  public Map<String, String> outputs() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(outputs));
  }

  public Map<String, String> errors() {
    return Collections.unmodifiableMap(new LinkedHashMap<>(errors));
  }

  public Snapshot snapshot() {
    return new Snapshot(outputs, errors);
  }

  /** Puts back what {@code snapshot} held (outputs and errors added since are kept). */
  public void restore(Snapshot snapshot) {
    outputs.putAll(snapshot.outputs());
    errors.putAll(snapshot.errors());
  }
}
