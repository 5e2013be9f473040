package dev.prompt4j.internal.call;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.ToolExecutionResultMessage;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.prompt4j.Attempt;
import dev.prompt4j.PendingToolCall;
import dev.prompt4j.ToolCallRecord;
import dev.prompt4j.ToolLimitException;
import dev.prompt4j.Usage;
import dev.prompt4j.internal.output.OutputParseException;
import dev.prompt4j.internal.stream.StreamSink;
import dev.prompt4j.internal.tools.ToolSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Sends one request with tools and runs the calls the model asks for until it answers:
 *
 * <pre>
 * send with the tool specifications          (RetryingSender: retries as for any request)
 * while the answer asks for tools
 *   limits: round trips, calls in all, calls per tool      -> fail, or ask once more without tools
 *   a tool that needs approval                            -> pause (ToolsPaused)
 *   run the calls, concurrently on the executor           arguments parsed and validated first
 *   send the results back                                 an unknown tool, invalid arguments or an
 *                                                         exception is the call's result (or fails)
 * </pre>
 *
 * A streaming call's turns stream like any request (the sink is bound on the sending thread); each
 * call the model asks for and each result is also an event of the stream.
 */
final class ToolLoop {
  private final RetryingSender sender;

  ToolLoop(RetryingSender sender) {
    this.sender = sender;
  }

  ChatResponse send(ToolRun run, CallPlan<?> plan, Target target, List<ChatMessage> conversation, ResponseFormat format,
      List<Attempt> failed, long firstStart, String reason, String detail, CallObserver observer) {
    List<ChatMessage> messages = new ArrayList<>(conversation);
    long start = firstStart;
    String why = reason;
    AiMessage waiting = run.takeWaiting();
    if (waiting != null) {
      // Resuming after approval: the waiting turn's calls run now (declined ones are answered as such).
      messages.addAll(execute(run, plan, waiting, run.turns(), observer));
      why = "tool results";
      start = System.nanoTime();
    }
    while (true) {
      int turn = run.nextTurn();
      ChatResponse response = sender.send(plan, target, messages, format, failed, start, why, detail, observer, run.specifications());
      AiMessage ai = response.aiMessage();
      if (ai == null || !ai.hasToolExecutionRequests()) {
        run.conversation(messages);
        return response;
      }
      ai = withIds(ai, turn);
      run.turnUsage(AttemptLoop.usage(response.tokenUsage()));
      messages.add(ai);
      List<ToolExecutionRequest> requests = ai.toolExecutionRequests();
      String limit = turn > run.limits().maxRoundTrips()
          ? "the model still asked for tools after " + run.limits().maxRoundTrips() + " round trips (prompt4j.max-tool-round-trips)"
          : !run.admit(requests)
              ? "the model asked for " + requests.size() + " more tool call(s), over the limit of " + run.limits().maxCalls()
                  + " in all (prompt4j.max-tool-calls) or " + run.limits().maxCallsPerTool() + " per tool (prompt4j.max-calls-per-tool)"
              : null;
      if (limit != null) {
        if (!run.limits().answerAtLimit()) {
          throw new ToolLimitException(plan.qualifiedName() + ": " + limit + "; raise the limit, or set prompt4j.on-tool-limit=answer"
              + " to get the model's answer without more tools", run.toolCalls());
        }
        // Every request needs a result before the model may answer; then one more turn, without tools.
        for (ToolExecutionRequest r : requests) {
          messages.add(ToolExecutionResultMessage.from(r, "Not run: " + limit + ". Answer now with what you have."));
        }
        ChatResponse last = sender.send(plan, target, messages, format, failed, System.nanoTime(), "tool limit", limit, observer, null);
        run.conversation(messages);
        return last;
      }
      List<PendingToolCall> pending = requests.stream().filter(r -> needsApproval(run, r))
          .map(r -> new PendingToolCall(r.id(), r.name(), r.arguments())).toList();
      if (!pending.isEmpty()) {
        Usage spent = run.drainTurnUsage().stream().reduce(Usage.ZERO, Usage::plus);
        throw new ToolsPaused(new ToolsPaused.State(messages, run.toolCalls(), turn, pending, target.provider(), target.model(), spent,
            Math.max(0, plan.targets().indexOf(target))));
      }
      messages.addAll(execute(run, plan, ai, turn, observer));
      stopIfCancelled(plan);
      why = "tool results";
      start = System.nanoTime();
    }
  }

  /**
   * A call cancelled while its tools ran (a cancelled stream or future, a call time limit: the thread
   * was interrupted, or the stream says so) sends no further turn.
   */
  private static void stopIfCancelled(CallPlan<?> plan) {
    StreamSink sink = StreamSink.current();
    if (Thread.currentThread().isInterrupted() || (sink != null && sink.isCancelled())) {
      throw new CancellationException(plan.qualifiedName() + " was cancelled while its tools ran");
    }
  }

  /**
   * {@code ai} with an id on each call: Gemini sends none (it matches results by name), but records,
   * approvals and decisions name calls by id.
   */
  static AiMessage withIds(AiMessage ai, int turn) {
    List<ToolExecutionRequest> requests = ai.toolExecutionRequests();
    if (requests.stream().allMatch(r -> r.id() != null && !r.id().isEmpty())) {
      return ai;
    }
    List<ToolExecutionRequest> named = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      ToolExecutionRequest r = requests.get(i);
      named.add(r.id() != null && !r.id().isEmpty() ? r : r.toBuilder().id("call-" + turn + "-" + (i + 1)).build());
    }
    return ai.toBuilder().toolExecutionRequests(named).build();
  }

  private static boolean needsApproval(ToolRun run, ToolExecutionRequest request) {
    ToolSpec spec = run.tools().spec(request.name());
    return spec != null && spec.approvalRequired() && run.decision(request.id()) == null;
  }

  /** Runs the calls of one turn, concurrently when there are several; the results in request order. */
  private static List<ChatMessage> execute(ToolRun run, CallPlan<?> plan, AiMessage turn, int number, CallObserver observer) {
    List<ToolExecutionRequest> requests = turn.toolExecutionRequests();
    List<ToolCallRecord> done = new ArrayList<>();
    StreamSink sink = StreamSink.current(); // a streaming call: each call and result is an event
    if (sink != null) {
      requests.forEach(r -> sink.toolCall(number, r.id(), r.name(), r.arguments()));
    }
    if (requests.size() == 1) {
      done.add(call(run, requests.get(0), number, observer, sink));
    } else {
      // FutureTasks, not CompletableFutures: cancelling them interrupts the tools, and get() is interruptible.
      List<FutureTask<ToolCallRecord>> running = new ArrayList<>();
      for (ToolExecutionRequest r : requests.subList(1, requests.size())) {
        FutureTask<ToolCallRecord> task = new FutureTask<>(() -> call(run, r, number, observer, sink));
        running.add(task);
        run.executor().execute(task);
      }
      try {
        // The calling thread runs the first call itself rather than wait idle: one hand-off fewer per turn.
        done.add(call(run, requests.get(0), number, observer, sink));
        for (FutureTask<ToolCallRecord> f : running) {
          done.add(f.get());
        }
      } catch (InterruptedException e) {
        running.forEach(f -> f.cancel(true)); // the call was cancelled: so are its tools
        Thread.currentThread().interrupt();
        throw new CancellationException(plan.qualifiedName() + " was cancelled while its tools ran");
      } catch (ExecutionException e) {
        running.forEach(f -> f.cancel(true));
        throw e.getCause() instanceof RuntimeException re ? re : new CompletionException(e.getCause());
      } catch (RuntimeException e) { // the call run here failed or was cancelled: so are the others
        running.forEach(f -> f.cancel(true));
        throw e;
      }
    }
    List<ChatMessage> results = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      ToolCallRecord record = done.get(i);
      run.record(record);
      if (record.error() != null && run.limits().failOnError()) {
        throw new ToolLimitException(plan.qualifiedName() + ": tool call " + record.name() + " failed: " + record.error()
            + " (prompt4j.on-tool-error=fail)", run.toolCalls());
      }
      results.add(ToolExecutionResultMessage.from(requests.get(i), record.result()));
    }
    return results;
  }

  private static ToolCallRecord call(ToolRun run, ToolExecutionRequest request, int turn, CallObserver observer, StreamSink sink) {
    long start = System.nanoTime();
    String name = request.name();
    ToolSpec spec = run.tools().spec(name);
    observer.toolStarted(turn, request.id(), name, spec == null ? null : spec.description(), request.arguments());
    String result;
    String error = null;
    Throwable failure = null;
    if (spec == null) {
      error = "unknown tool";
      result = "Error: there is no tool named '" + name + "'; the tools are " + String.join(", ", run.tools().names());
    } else if (Boolean.FALSE.equals(run.decision(request.id()))) {
      error = "declined";
      result = "Not run: declined by the user. Do not call " + name + " again with these arguments.";
    } else {
      try {
        result = run.tools().call(name, request.arguments());
      } catch (InterruptedException interrupted) {
        Thread.currentThread().interrupt(); // cancelled while the tool ran: no result to send back
        CancellationException cancelled = new CancellationException("tool call " + name + " was interrupted");
        throw ended(observer, turn, request, cancelled, start);
      } catch (Error e) {
        throw ended(observer, turn, request, e, start); // fails the call, not sent back to the model
      } catch (OutputParseException invalid) {
        error = "invalid arguments: " + String.join("; ", invalid.errors());
        result = "Error: the arguments of " + name + " are not valid: " + String.join("; ", invalid.errors()) + ". Call it again with valid arguments.";
        failure = invalid;
      } catch (Exception e) {
        if (e instanceof InterruptedException) {
          Thread.currentThread().interrupt(); // a time limit or cancellation: keep it for what follows the tool
        }
        error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        result = "Error: " + name + " failed: " + error;
        failure = e;
      }
    }
    long nanos = System.nanoTime() - start;
    ToolCallRecord record = new ToolCallRecord(turn, request.id(), name, request.arguments(), result, error, Duration.ofNanos(nanos));
    observer.toolFinished(record, failure != null ? failure : error == null ? null : new IllegalArgumentException(error));
    if (sink != null) {
      sink.toolResult(record);
    }
    return record;
  }

  /**
   * {@code thrown}, once listeners heard that the tool call ended with it: a tool that fails the call
   * (an {@code Error}, an interruption) still ends its {@code toolStarted}, on its own thread.
   */
  private static <T extends Throwable> T ended(CallObserver observer, int turn, ToolExecutionRequest request, T thrown, long start) {
    String error = thrown.getClass().getSimpleName() + (thrown.getMessage() == null ? "" : ": " + thrown.getMessage());
    observer.toolFinished(new ToolCallRecord(turn, request.id(), request.name(), request.arguments(), null, error,
        Duration.ofNanos(System.nanoTime() - start)), thrown);
    return thrown;
  }
}
