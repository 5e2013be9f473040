package dev.prompt4j.internal;

/**
 * The code of one computed field, as generated: a call of the interface's default method with its
 * arguments. It may throw what the default method declares.
 */
@FunctionalInterface
public interface FieldComputation<T> {
  T compute() throws Exception;
}
