package dev.prompt4j.examples.tools;

import dev.prompt4j.PendingToolCall;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import dev.prompt4j.ToolDecisions;
import dev.prompt4j.ToolCallRecord;
import dev.prompt4j.examples.Env;
import dev.prompt4j.examples.Example;
import java.util.List;
import java.util.stream.Collectors;

/** Tools (issue 12): an agent with two tools, and a tool call that waits for a person's approval. */
public final class ToolsExamples {
  /** The offline script of these examples. */
  public static final String SCRIPT = "offline/tools.json";

  private ToolsExamples() {}

  public static List<Example> all() {
    return List.of(
        new Example("tools", "Agent with two tools: forecast and currency, called in parallel, results fed back", SCRIPT, ToolsExamples::travel),
        new Example("tools", "Approval: the refund waits for a person; the pending state goes through JSON and resumes", SCRIPT,
            ToolsExamples::refund));
  }

  /**
   * An answer and the tool calls that led to it.
   *
   * @param answer the model's final answer
   * @param toolCalls the tool calls, in order
   */
  public record Answer(String answer, List<ToolCallRecord> toolCalls) {
    @Override
    public String toString() {
      return toolCalls.stream().map(c -> "tool (turn " + c.turn() + ") " + c.name() + c.arguments() + " -> " + c.result())
          .collect(Collectors.joining("\n", "", "\n")) + "Answer: " + answer;
    }
  }

  /** Asks the travel agent a question only its tools can answer. */
  public static Answer travel(Env env) {
    Response<String> r = env.create(TravelAgent.class).advise("Lisbon", 3, 200, "USD");
    return new Answer(r.value(), r.toolCalls());
  }

  /**
   * What the refund desk did.
   *
   * @param waited the calls that waited for approval
   * @param stateBytes the size of the pending state stored in between
   * @param answer the answer after approval
   */
  public record Refund(List<PendingToolCall> waited, int stateBytes, Answer answer) {
    @Override
    public String toString() {
      return "Waited for approval: " + waited.stream().map(c -> c.name() + c.arguments()).toList()
          + "\nPending state stored as JSON (" + stateBytes + " bytes), restored on a fresh instance, approved\n" + answer;
    }
  }

  /** Handles a complaint: pauses before the refund, stores the state, restores it on a new instance and approves. */
  public static Refund refund(Env env) {
    Response<String> paused = env.create(RefundDesk.class).handle("Order A-1042: the sole of my new trail shoes tore on the first walk.");
    if (!paused.isPending()) {
      return new Refund(List.of(), 0, new Answer(paused.value(), paused.toolCalls()));
    }
    String state = paused.pendingState(); // a web app would store this and show the pending calls to a person
    Response<String> restored = Prompt4j.restore(env.create(RefundDesk.class), state);
    Response<String> done = restored.resume(ToolDecisions.approveAll(restored.pending()));
    return new Refund(paused.pending(), state.length(), new Answer(done.value(), done.toolCalls()));
  }
}
