package dev.prompt4j.internal.call;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.prompt4j.ToolCallRecord;
import java.util.List;

/**
 * Thrown through the attempt loop when the model asked for a tool that needs approval: the call stops
 * before the tool runs, and the pipeline answers with a pending response holding {@link #state()}.
 */
public final class ToolsPaused extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient State state;

  ToolsPaused(State state) {
    super("waiting for approval", null, false, false);
    this.state = state;
  }

  /**
   * What a resumed call needs.
   *
   * @param conversation the messages sent, the waiting turn last
   * @param waiting the model turn whose calls wait
   * @param toolCalls the tool calls made before
   * @param turns model turns so far
   * @param target the model that asked
   */
  public record State(List<ChatMessage> conversation, AiMessage waiting, List<ToolCallRecord> toolCalls, int turns, Target target) {
    /** Copies the lists. */
    public State {
      conversation = List.copyOf(conversation);
      toolCalls = List.copyOf(toolCalls);
    }
  }

  /**
   * The paused call.
   *
   * @return its state
   */
  public State state() {
    return state;
  }
}
