package dev.prompt4j.observe;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.PromptCall;
import dev.prompt4j.PromptListener;
import dev.prompt4j.Response;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.Test;

/** Listeners see every step of a chain, on the threads that do the work, and can never break a call. */
class ListenersTest {

  /** Answers by the user text: {@code Classify ...} gets EMERGING, anything else a fixed sentence. */
  static ChatModel answering(Function<String, String> reply) {
    return new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        String text = ((UserMessage) request.messages().get(request.messages().size() - 1)).singleText();
        return ChatResponse.builder().id("resp-" + text.length()).modelName("gpt-4o-mini-2024-07-18")
            .aiMessage(AiMessage.from(reply.apply(text))).tokenUsage(new TokenUsage(10, 5)).finishReason(FinishReason.STOP).build();
      }
    };
  }

  static final ChatModel CHAIN_MODEL = answering(text -> text.startsWith("Classify") ? "EMERGING" : "An analysis.");

  /** Writes one line per event, with the thread; {@code calls} keeps every handle. */
  static final class Recorder implements PromptListener {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final List<PromptCall> calls = Collections.synchronizedList(new ArrayList<>());
    final List<AttemptStart> attempts = Collections.synchronizedList(new ArrayList<>());
    final List<AttemptEnd> ends = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void callStarted(PromptCall call) {
      calls.add(call);
      events.add("callStarted " + call.method() + (call.parent() == null ? "" : " in " + call.parent().method() + "." + call.field()));
    }

    @Override
    public void attemptStarted(PromptCall call, AttemptStart attempt) {
      attempts.add(attempt);
      events.add("attemptStarted " + call.method() + " #" + attempt.number() + " " + attempt.reason() + " " + attempt.provider());
    }

    @Override
    public void attemptFinished(PromptCall call, AttemptStart attempt, AttemptEnd end) {
      ends.add(end);
      events.add("attemptFinished " + call.method() + " #" + attempt.number() + (end.failure() == null ? " ok" : " failed"));
    }

    @Override
    public void fallbackTaken(PromptCall call, Fallback fallback) {
      events.add("fallbackTaken " + call.method() + " -> " + fallback.toProvider() + ":" + fallback.toModel() + " #" + fallback.index());
    }

    @Override
    public void fieldStarted(PromptCall call, String field) {
      events.add("fieldStarted " + call.method() + "." + field + " on " + Thread.currentThread().getName());
    }

    @Override
    public void fieldFinished(PromptCall call, String field, Duration duration, Throwable failure) {
      events.add("fieldFinished " + call.method() + "." + field + " on " + Thread.currentThread().getName());
    }

    @Override
    public void callFinished(PromptCall call, Response<?> response, Throwable failure) {
      events.add("callFinished " + call.method() + (response != null ? " ok" : " " + failure.getClass().getSimpleName()));
    }

    List<String> starting(String prefix) {
      synchronized (events) {
        return events.stream().filter(e -> e.startsWith(prefix)).toList();
      }
    }
  }

  private static ObservedChain chain(ChatModel openai, ChatModel anthropic, PromptListener... listeners) {
    Prompt4j.Builder builder = Prompt4j.builder().properties(Map.of()).classLoader(ListenersTest.class.getClassLoader())
        .client("openai", openai).client("anthropic", anthropic);
    for (PromptListener listener : listeners) {
      builder.listener(listener);
    }
    return builder.build().create(ObservedChain.class);
  }

  @Test
  void aChainReportsEachCallFieldAndAttemptWithNestedCallsUnderTheirField() {
    Recorder recorder = new Recorder();
    Response<String> response = chain(CHAIN_MODEL, CHAIN_MODEL, recorder).analyze("AI");

    assertEquals("An analysis.", response.value());
    List<String> events = List.copyOf(recorder.events);
    assertEquals("callStarted ObservedChain.analyze", events.get(0));
    assertEquals("callFinished ObservedChain.analyze ok", events.get(events.size() - 1));
    assertEquals(List.of("callStarted ObservedChain.classify in ObservedChain.analyze.first",
            "callStarted ObservedChain.classify in ObservedChain.analyze.second"),
        recorder.starting("callStarted ObservedChain.classify").stream().sorted().toList());
    assertEquals(3, recorder.starting("attemptStarted").size(), events.toString());
    assertEquals(3, recorder.starting("callFinished").size());
    // A nested call finishes inside its field; the field's events run on the thread that computed it.
    for (String field : List.of("first", "second")) {
      int started = indexOf(events, "fieldStarted ObservedChain.analyze." + field);
      int nested = indexOf(events, "callStarted ObservedChain.classify in ObservedChain.analyze." + field);
      int finished = indexOf(events, "fieldFinished ObservedChain.analyze." + field);
      assertTrue(started < nested && nested < finished, events.toString());
      assertEquals(events.get(started).substring(events.get(started).indexOf(" on ")), events.get(finished).substring(events.get(finished).indexOf(" on ")));
    }
    PromptCall analyze = recorder.calls.stream().filter(c -> c.methodName().equals("analyze")).findFirst().orElseThrow();
    recorder.calls.stream().filter(c -> c.methodName().equals("classify")).forEach(c -> assertSame(analyze, c.parent()));
    assertEquals(response.promptVersion(), analyze.promptVersion());

    PromptListener.AttemptStart first = recorder.attempts.get(0);
    PromptListener.AttemptEnd end = recorder.ends.get(0);
    assertAll(
        () -> assertEquals("first", first.reason()),
        () -> assertNull(first.detail()),
        () -> assertEquals(0, first.fallbackIndex()),
        () -> assertEquals("text", first.outputType(), "an enum is read from text; records ask for json"),
        () -> assertNull(first.serverAddress(), "a client given by code: its endpoint is unknown"),
        () -> assertEquals("gpt-4o-mini-2024-07-18", end.responseModel()),
        () -> assertEquals("STOP", end.finishReason()),
        () -> assertEquals(15, end.usage().totalTokens()),
        () -> assertEquals("$0.0000045", end.cost().toString(), "10 input tokens at $0.15 and 5 output at $0.60 per million"));
  }

  private static int indexOf(List<String> events, String prefix) {
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError(prefix + " not in " + events);
  }

  @Test
  void reasksAndFallbacksSayWhyTheyWereSent() {
    AtomicInteger asked = new AtomicInteger();
    ChatModel vague = answering(text -> asked.incrementAndGet() == 1 ? "MAYBE" : "DECLINING");
    ChatModel down = new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        throw new IllegalStateException("the model is gone");
      }
    };
    Recorder recorder = new Recorder();
    assertEquals(ObservedChain.Trend.DECLINING, chain(vague, CHAIN_MODEL, recorder).classify("x"));
    assertEquals(List.of("attemptStarted ObservedChain.classify #1 first openai", "attemptStarted ObservedChain.classify #2 re-ask openai"),
        recorder.starting("attemptStarted"));
    assertTrue(recorder.attempts.get(1).detail().contains("MAYBE"), recorder.attempts.get(1).detail());

    Recorder fallback = new Recorder();
    assertEquals(ObservedChain.Trend.EMERGING, chain(down, CHAIN_MODEL, fallback).classify("x"));
    assertEquals(List.of("attemptStarted ObservedChain.classify #1 first openai", "attemptFinished ObservedChain.classify #1 failed",
            "fallbackTaken ObservedChain.classify -> anthropic:claude-haiku-4-5 #1",
            "attemptStarted ObservedChain.classify #2 fallback anthropic", "attemptFinished ObservedChain.classify #2 ok"),
        fallback.events.subList(1, 6));
    assertTrue(fallback.attempts.get(1).detail().contains("the model is gone"), fallback.attempts.get(1).detail());
    assertEquals(1, fallback.attempts.get(1).fallbackIndex());
  }

  @Test
  void aFailedCallEndsWithItsException() {
    ChatModel down = answering(text -> {
      throw new IllegalStateException("down");
    });
    Recorder recorder = new Recorder();
    assertThrows(Prompt4jException.class, () -> chain(down, down, recorder).analyze("AI"));
    // The failing field stops the call at once; its sibling's nested call, cancelled, may report after it.
    assertEquals(List.of("callFinished ObservedChain.analyze ChainException"), recorder.starting("callFinished ObservedChain.analyze"));
    assertEquals(List.of("callStarted ObservedChain.analyze"), recorder.starting("callStarted ObservedChain.analyze"));
  }

  @Test
  void aThrowingListenerIsLoggedOnceAndTheCallAndOtherListenersGoOn() {
    PromptListener broken = new PromptListener() {
      @Override
      public void attemptStarted(PromptCall call, AttemptStart attempt) {
        throw new IllegalStateException("listener bug");
      }

      @Override
      public void callFinished(PromptCall call, Response<?> response, Throwable failure) {
        throw new IllegalStateException("listener bug");
      }
    };
    Recorder recorder = new Recorder();
    List<LogRecord> logged = Collections.synchronizedList(new ArrayList<>());
    Logger jul = Logger.getLogger("dev.prompt4j.internal.Listeners"); // the runtime logs through System.Logger, JUL here
    Handler handler = new Handler() {
      @Override
      public void publish(LogRecord record) {
        logged.add(record);
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
    jul.addHandler(handler);
    try {
      ObservedChain chain = chain(CHAIN_MODEL, CHAIN_MODEL, broken, recorder);
      assertEquals("An analysis.", chain.analyze("AI").value());
      assertEquals("An analysis.", chain.analyze("ML").value());
    } finally {
      jul.removeHandler(handler);
    }
    assertEquals(6, recorder.starting("callFinished").size(), "the listener after the broken one saw every call");
    assertEquals(1, logged.size(), "logged once, not once per failure");
    assertTrue(logged.get(0).getMessage().contains("threw from"), logged.get(0).getMessage());
  }

  /** Made by name from {@code prompt4j.listeners}. */
  public static final class Counting implements PromptListener {
    static final AtomicInteger CALLS = new AtomicInteger();

    @Override
    public void callFinished(PromptCall call, Response<?> response, Throwable failure) {
      CALLS.incrementAndGet();
    }
  }

  @Test
  void configurationNamesListenersByClass() {
    int before = Counting.CALLS.get();
    Prompt4j.builder().classLoader(getClass().getClassLoader())
        .properties(Map.of("prompt4j.listeners", Counting.class.getName())).client("openai", CHAIN_MODEL).build()
        .create(ObservedChain.class).classify("x");
    assertEquals(before + 1, Counting.CALLS.get());

    Prompt4jException wrong = assertThrows(Prompt4jException.class, () -> Prompt4j.builder().classLoader(getClass().getClassLoader())
        .properties(Map.of("prompt4j.listeners", "com.example.NoSuchListener")).build());
    assertTrue(wrong.getMessage().contains("prompt4j.listeners (properties given to Prompt4j.builder()) names com.example.NoSuchListener"),
        wrong.getMessage());
  }
}
