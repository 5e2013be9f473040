package dev.prompt4j.chain;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process model with a fixed latency. It answers {@code [prompt]} unless a behaviour is scripted
 * for the prompt's first words, and records every request with its start and end ({@link
 * System#nanoTime}), its thread and whether it was interrupted. Like a well-behaved client, an
 * interrupted request fails and leaves the thread's interrupt flag set.
 */
final class ScriptedModel implements ChatModel {
  /** One request as the model saw it. */
  record Request(String prompt, long start, long end, String thread, boolean interrupted) {
    boolean overlaps(Request other) {
      return start < other.end && other.start < end;
    }
  }

  /** What the model does for a prompt: may block (interruptibly) or throw. */
  @FunctionalInterface
  interface Behaviour {
    String answer(String prompt) throws Exception;
  }

  /**
   * Answers {@code [prompt]} once {@code parties} requests wait here at the same time: requests that
   * do not run in parallel break the barrier (after a 10 s guard) instead of passing a time threshold.
   */
  static Behaviour together(java.util.concurrent.CyclicBarrier parties) {
    return prompt -> {
      parties.await(10, java.util.concurrent.TimeUnit.SECONDS);
      return "[" + prompt + "]";
    };
  }

  private final Duration latency;
  private final Map<String, Behaviour> behaviours = new LinkedHashMap<>();
  final List<Request> requests = new CopyOnWriteArrayList<>();

  ScriptedModel(Duration latency) {
    this.latency = latency;
  }

  /** Scripts what happens for prompts starting with {@code prefix}. */
  synchronized ScriptedModel on(String prefix, Behaviour behaviour) {
    behaviours.put(prefix, behaviour);
    return this;
  }

  private synchronized Behaviour behaviour(String prompt) {
    for (Map.Entry<String, Behaviour> entry : behaviours.entrySet()) {
      if (prompt.startsWith(entry.getKey())) {
        return entry.getValue();
      }
    }
    return p -> "[" + p + "]";
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    long start = System.nanoTime();
    String prompt = prompt(request.messages());
    boolean interrupted = false;
    try {
      Thread.sleep(latency.toMillis());
      String text = behaviour(prompt).answer(prompt);
      return ChatResponse.builder().aiMessage(AiMessage.from(text)).tokenUsage(new TokenUsage(3, 2)).build();
    } catch (InterruptedException e) {
      interrupted = true;
      Thread.currentThread().interrupt();
      throw new IllegalStateException("request interrupted: " + prompt, e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    } finally {
      Request done = new Request(prompt, start, System.nanoTime(), Thread.currentThread().getName(), interrupted);
      synchronized (this) {
        requests.add(done);
        notifyAll();
      }
    }
  }

  private static String prompt(List<ChatMessage> messages) {
    return ((UserMessage) messages.get(messages.size() - 1)).singleText();
  }

  /** The finished request whose prompt starts with {@code prefix}, waiting for it to finish if need be. */
  synchronized Request awaitRequest(String prefix) throws InterruptedException {
    while (true) {
      for (Request request : requests) {
        if (request.prompt().startsWith(prefix)) {
          return request;
        }
      }
      wait();
    }
  }

  /** {@link #awaitRequest} for a request known to have finished. */
  Request awaitRequestUnchecked(String prefix) {
    try {
      return awaitRequest(prefix);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The finished requests whose prompts start with {@code prefix}. */
  List<Request> requests(String prefix) {
    List<Request> found = new ArrayList<>();
    for (Request request : requests) {
      if (request.prompt().startsWith(prefix)) {
        found.add(request);
      }
    }
    return found;
  }

  /** The prompts of the finished requests. */
  List<String> prompts() {
    return requests.stream().map(Request::prompt).toList();
  }
}
