package dev.prompt4j.internal.stream;

import java.util.Set;

/**
 * Which components of a streamed record answer are {@code @StreamDone} and which {@code
 * @StreamRequired} (generated-code ABI: the processor writes them). A path names record components
 * from the answer's root, joined by {@code .}, with {@code []} for the elements of a list: {@code
 * steps}, {@code steps[].name}.
 *
 * @param done components shown only once complete
 * @param required components without which their record is not shown
 */
public record StreamRules(Set<String> done, Set<String> required) {
  /** No rules: everything shows as it arrives. */
  public static final StreamRules NONE = new StreamRules(Set.of(), Set.of());

  /**
   * @param done components shown only once complete
   * @param required components without which their record is not shown
   */
  public StreamRules {
    done = Set.copyOf(done);
    required = Set.copyOf(required);
  }

  /**
   * Rules with these {@code @StreamDone} paths.
   *
   * @param paths the paths
   * @return the rules
   */
  public static StreamRules done(String... paths) {
    return new StreamRules(Set.of(paths), Set.of());
  }

  /**
   * These rules with these {@code @StreamRequired} paths added.
   *
   * @param paths the paths
   * @return the rules
   */
  public StreamRules required(String... paths) {
    java.util.Set<String> all = new java.util.HashSet<>(required);
    all.addAll(Set.of(paths));
    return new StreamRules(done, all);
  }
}
