package dev.prompt4j.processor.tools;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * A class or interface with {@code @Tool} methods, as the generated dispatcher needs it.
 *
 * @param element the class
 * @param tools its tools, in declaration order
 */
public record ToolClass(TypeElement element, List<ToolMethod> tools) {
  /** Copies the list. */
  public ToolClass {
    tools = List.copyOf(tools);
  }

  /**
   * One tool.
   *
   * @param element the method
   * @param name the name the model calls it by
   * @param description what it does
   * @param schema the arguments object's JSON Schema
   * @param approvalRequired whether each call waits for approval
   * @param strict whether strict mode
   * @param parameters the method's parameters
   */
  public record ToolMethod(ExecutableElement element, String name, String description, String schema, boolean approvalRequired,
      boolean strict, List<? extends VariableElement> parameters) {}
}
