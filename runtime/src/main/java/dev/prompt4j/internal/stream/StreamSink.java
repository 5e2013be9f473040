package dev.prompt4j.internal.stream;

/**
 * Where a streamed request delivers its chunks: the attempt loop's sender finds it with {@link
 * #current()} on the thread that sends a streaming call's requests (bound after the call's computed
 * fields are resolved, so calls made by the fields never see it).
 */
public interface StreamSink {
  /**
   * The sink of the call being sent on this thread, or {@code null} when the call does not stream.
   *
   * @return the sink, or {@code null}
   */
  static StreamSink current() {
    return Binding.CURRENT.get();
  }

  /**
   * A request is about to be sent; after delivered chunks this emits {@code Restarted}.
   *
   * @param attempt the request's number within the call, from 1
   * @param why why it is sent again (the errors re-asked, the failure retried), or {@code null}
   */
  void attemptStarting(int attempt, String why);

  /**
   * A piece of the answer.
   *
   * @param text the piece
   */
  void text(String text);

  /**
   * A piece of reasoning, kept apart from the answer.
   *
   * @param text the piece
   */
  void reasoning(String text);

  /**
   * The model asked for a tool call (a streaming method with tools): the current attempt's chunks
   * belong to the turn that asked, so the request that sends the results back restarts nothing.
   *
   * @param turn the model turn, from 1
   * @param id the call's id
   * @param name the tool's name
   * @param arguments the arguments (JSON)
   */
  default void toolCall(int turn, String id, String name, String arguments) {}

  /**
   * A tool call finished; called on the thread that ran it.
   *
   * @param call its record
   */
  default void toolResult(dev.prompt4j.ToolCallRecord call) {}

  /**
   * Registers what closes the HTTP stream of the current request; run at once when already cancelled.
   *
   * @param closer closes the stream
   */
  void onCancel(Runnable closer);

  /**
   * Whether the consumer cancelled.
   *
   * @return whether the stream was cancelled
   */
  boolean isCancelled();

  /**
   * Whether a chunk of the current attempt reached the queue.
   *
   * @return whether the current attempt delivered a chunk
   */
  boolean deliveredThisAttempt();

  /**
   * From the start of the call to its first chunk, or {@code null} when none arrived.
   *
   * @return the time to the first chunk
   */
  java.time.Duration timeToFirstChunk();

  /**
   * The chunks delivered, over every attempt.
   *
   * @return the chunk count
   */
  int chunkCount();

  /** Binds sinks to threads. */
  final class Binding {
    static final ThreadLocal<StreamSink> CURRENT = new ThreadLocal<>();

    private Binding() {}

    /**
     * Binds {@code sink} to this thread until {@link #clear()}.
     *
     * @param sink the sink
     */
    public static void bind(StreamSink sink) {
      CURRENT.set(sink);
    }

    /** Unbinds this thread's sink. */
    public static void clear() {
      CURRENT.remove();
    }
  }
}
