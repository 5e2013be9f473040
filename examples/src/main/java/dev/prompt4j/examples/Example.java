package dev.prompt4j.examples;

import java.util.function.Function;

/**
 * One runnable example: a chain from a seed document.
 *
 * @param seed the seed document it comes from ({@code 000} .. {@code 004}), or the feature it shows ({@code tools})
 * @param name what it shows
 * @param script the offline script it runs on without a key, a class-path resource
 * @param body runs the chain and returns its answer
 */
public record Example(String seed, String name, String script, Function<Env, ?> body) {
  /** Runs the chain in {@code env}. */
  public Object run(Env env) {
    return body.apply(env);
  }
}
