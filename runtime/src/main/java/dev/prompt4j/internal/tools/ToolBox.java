package dev.prompt4j.internal.tools;

import java.util.List;

/**
 * The tools of one object: what the processor generates as {@code Prompt4jTools_<Class>} for a class
 * with {@code @Tool} methods (generated-code ABI). {@link #call} parses and validates the arguments,
 * calls the method directly (no reflection) and writes its result as text.
 */
public interface ToolBox {
  /**
   * The tools, in declaration order.
   *
   * @return the specifications
   */
  List<ToolSpec> specs();

  /**
   * Runs one tool.
   *
   * @param name a name from {@link #specs()}
   * @param arguments the arguments object as JSON
   * @return the result for the model
   * @throws dev.prompt4j.internal.output.OutputParseException when the arguments do not fit the schema or its constraints
   * @throws Exception what the tool threw
   */
  String call(String name, String arguments) throws Exception;
}
