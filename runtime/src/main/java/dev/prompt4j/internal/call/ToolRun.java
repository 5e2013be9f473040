package dev.prompt4j.internal.call;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.prompt4j.ToolCallRecord;
import dev.prompt4j.Usage;
import dev.prompt4j.internal.output.StructuredRequests;
import dev.prompt4j.internal.tools.ToolSet;
import dev.prompt4j.internal.tools.ToolSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * The tool loop state of one prompt call: the tools, the limits, what ran so far, and, when the call
 * resumes after an approval, the turn that waited and the decisions. Made per call by the pipeline;
 * the attempt loop passes it to {@link ToolLoop}.
 */
public final class ToolRun {
  /** No tools: the attempt loop sends single requests. */
  public static final ToolRun NONE = new ToolRun(ToolSet.NONE, Runnable::run, ToolLimits.DEFAULTS);

  private final ToolSet tools;
  private final Executor executor;
  private final ToolLimits limits;
  private final List<ToolSpecification> specifications;
  private final List<ToolCallRecord> records = new ArrayList<>();
  private final Map<String, Integer> callsPerTool = new HashMap<>();
  private final List<Usage> turnUsage = new ArrayList<>();
  private int turns;
  private List<ChatMessage> conversation;
  private AiMessage waiting; // resume: the turn that waited for approval
  private Map<String, Boolean> decisions = Map.of(); // call id -> approved
  private ToolsPaused.State paused; // resume: the state, naming the model that paused

  /**
   * @param tools the tools of the call
   * @param executor where calls of one turn run concurrently
   * @param limits the loop's limits
   */
  public ToolRun(ToolSet tools, Executor executor, ToolLimits limits) {
    this.tools = tools;
    this.executor = executor;
    this.limits = limits;
    List<ToolSpecification> specs = new ArrayList<>();
    for (ToolSpec spec : tools.specs()) {
      specs.add(ToolSpecification.builder().name(spec.name()).description(spec.description())
          .parameters(StructuredRequests.toolParameters(spec.name(), spec.parametersSchema())).build());
    }
    this.specifications = List.copyOf(specs);
  }

  /**
   * A run that goes on after a pause: {@code waiting} is the model turn whose calls waited, the tool
   * calls made before are kept, and {@code decisions} says which call ids are approved.
   *
   * @param tools the tools of the call
   * @param executor where calls run
   * @param limits the limits
   * @param state the paused state
   * @param decisions call id to approved ({@code true}) or declined ({@code false})
   * @return the run
   */
  public static ToolRun resuming(ToolSet tools, Executor executor, ToolLimits limits, ToolsPaused.State state, Map<String, Boolean> decisions) {
    ToolRun run = new ToolRun(tools, executor, limits);
    run.records.addAll(state.toolCalls());
    state.toolCalls().forEach(r -> run.callsPerTool.merge(r.name(), 1, Integer::sum));
    state.waiting().toolExecutionRequests().forEach(r -> run.callsPerTool.merge(r.name(), 1, Integer::sum)); // admitted before the pause
    run.turns = state.turns();
    run.waiting = state.waiting();
    run.decisions = Map.copyOf(decisions);
    run.paused = state;
    return run;
  }

  /**
   * Where among {@code targets} the call starts: for a run that resumes, the model that paused (at its
   * recorded index when the provider and model still match there, else wherever they are, else the main
   * model, when the configuration changed in between); 0 otherwise.
   *
   * @param targets the call's models, the main one first
   * @return the index of the first target to ask
   */
  int firstTarget(List<Target> targets) {
    if (paused == null) {
      return 0;
    }
    int recorded = paused.fallback();
    if (recorded > 0 && recorded < targets.size() && pausedOn(targets.get(recorded))) {
      return recorded;
    }
    for (int i = 0; i < targets.size(); i++) {
      if (pausedOn(targets.get(i))) {
        return i;
      }
    }
    return 0;
  }

  private boolean pausedOn(Target target) {
    return java.util.Objects.equals(target.provider(), paused.provider()) && java.util.Objects.equals(target.model(), paused.model());
  }

  /**
   * Whether the call has tools.
   *
   * @return {@code false} for {@link #NONE}
   */
  public boolean isEmpty() {
    return tools.isEmpty();
  }

  /**
   * Every tool call so far, in order.
   *
   * @return the records
   */
  public synchronized List<ToolCallRecord> toolCalls() {
    return List.copyOf(records);
  }

  ToolSet tools() {
    return tools;
  }

  Executor executor() {
    return executor;
  }

  ToolLimits limits() {
    return limits;
  }

  List<ToolSpecification> specifications() {
    return specifications;
  }

  int nextTurn() {
    return ++turns;
  }

  int turns() {
    return turns;
  }

  synchronized void record(ToolCallRecord record) {
    records.add(record);
  }

  /** Counts a call of {@code tool}; {@code false} when a limit forbids it. */
  synchronized boolean admit(List<ToolExecutionRequest> requests) {
    if (records.size() + requests.size() > limits.maxCalls()) {
      return false;
    }
    Map<String, Integer> after = new HashMap<>(callsPerTool);
    for (ToolExecutionRequest r : requests) {
      if (after.merge(r.name(), 1, Integer::sum) > limits.maxCallsPerTool()) {
        return false;
      }
    }
    callsPerTool.putAll(after);
    return true;
  }

  synchronized void turnUsage(Usage usage) {
    turnUsage.add(usage);
  }

  /** The usage of the turns that asked for tools since the last call, which the attempt loop charges. */
  synchronized List<Usage> drainTurnUsage() {
    List<Usage> drained = List.copyOf(turnUsage);
    turnUsage.clear();
    return drained;
  }

  void conversation(List<ChatMessage> conversation) {
    this.conversation = conversation;
  }

  /** The conversation with every tool turn, once the loop ended; {@code null} before. */
  List<ChatMessage> conversation() {
    return conversation;
  }

  /** The waiting turn to finish first, once: {@code null} when not resuming. */
  AiMessage takeWaiting() {
    AiMessage w = waiting;
    waiting = null;
    return w;
  }

  Boolean decision(String id) {
    return decisions.get(id);
  }
}
