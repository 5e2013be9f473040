package dev.prompt4j.internal.tools;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tools one prompt call may use, by name (generated-code ABI: the generated method passes {@code
 * ToolSet.of(new Prompt4jTools_Weather(new Weather()), ...)}). Names are unique: the processor checks.
 */
public final class ToolSet {
  /** No tools: the call is a single request. */
  public static final ToolSet NONE = new ToolSet(Map.of());

  private final Map<String, Entry> byName;
  private final List<ToolSpec> specs;

  private record Entry(ToolSpec spec, ToolBox box) {}

  private ToolSet(Map<String, Entry> byName) {
    this.byName = byName;
    List<ToolSpec> all = new ArrayList<>();
    byName.values().forEach(e -> all.add(e.spec()));
    this.specs = Collections.unmodifiableList(all);
  }

  /**
   * The tools of {@code boxes}.
   *
   * @param boxes the generated tool boxes
   * @return the set
   * @throws IllegalArgumentException when two tools share a name
   */
  public static ToolSet of(ToolBox... boxes) {
    Map<String, Entry> byName = new LinkedHashMap<>();
    for (ToolBox box : boxes) {
      for (ToolSpec spec : box.specs()) {
        if (byName.putIfAbsent(spec.name(), new Entry(spec, box)) != null) {
          throw new IllegalArgumentException("two tools are named '" + spec.name() + "'; rename one with @Tool(name = ...)");
        }
      }
    }
    return byName.isEmpty() ? NONE : new ToolSet(byName);
  }

  /**
   * Whether there is no tool.
   *
   * @return {@code true} for {@link #NONE}
   */
  public boolean isEmpty() {
    return byName.isEmpty();
  }

  /**
   * Every tool, in order.
   *
   * @return the specifications
   */
  public List<ToolSpec> specs() {
    return specs;
  }

  /**
   * The tool named {@code name}.
   *
   * @param name a name the model sent
   * @return its specification, or {@code null} for no such tool
   */
  public ToolSpec spec(String name) {
    Entry e = byName.get(name);
    return e == null ? null : e.spec();
  }

  /**
   * Runs the tool named {@code name}; see {@link ToolBox#call}.
   *
   * @param name a name of this set
   * @param arguments the arguments as JSON
   * @return the result text
   * @throws Exception as {@link ToolBox#call}
   */
  public String call(String name, String arguments) throws Exception {
    return byName.get(name).box().call(name, arguments);
  }

  /**
   * The names, for messages.
   *
   * @return the tool names in order
   */
  public List<String> names() {
    return List.copyOf(byName.keySet());
  }
}
