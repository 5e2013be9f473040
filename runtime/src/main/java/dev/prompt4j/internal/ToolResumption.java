package dev.prompt4j.internal;

import dev.prompt4j.internal.call.ToolsPaused;
import java.util.List;
import java.util.Map;

/**
 * A paused call going on in a generated instance (generated-code ABI): the generated {@link
 * GeneratedPrompts#prompt4jResume} makes the method's tools, taking those the method receives as
 * parameters from {@link #tool}, and calls {@link PromptContext#resume}.
 */
public final class ToolResumption {
  private final ToolsPaused.State state;
  private final Map<String, Boolean> decisions;
  private final List<Object> tools;

  ToolResumption(ToolsPaused.State state, Map<String, Boolean> decisions, List<Object> tools) {
    this.state = state;
    this.decisions = Map.copyOf(decisions);
    this.tools = List.copyOf(tools);
  }

  ToolsPaused.State state() {
    return state;
  }

  Map<String, Boolean> decisions() {
    return decisions;
  }

  /**
   * The tool object of {@code type} given to {@code Prompt4j.restore}, for a method that received it
   * as its parameter {@code parameter}.
   *
   * @param type the tool class
   * @param parameter the parameter's name, for the message
   * @param <X> the tool class
   * @return the object
   * @throws IllegalArgumentException when none was given
   */
  public <X> X tool(Class<X> type, String parameter) {
    for (Object t : tools) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    throw new IllegalArgumentException("the paused method received its " + type.getSimpleName() + " tools as parameter '" + parameter
        + "'; pass that object to Prompt4j.restore(instance, state, tools...)");
  }
}
