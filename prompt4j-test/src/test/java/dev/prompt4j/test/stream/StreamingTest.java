package dev.prompt4j.test.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.chat.response.StreamingHandle;
import dev.langchain4j.model.output.FinishReason;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptCall;
import dev.prompt4j.PromptListener;
import dev.prompt4j.PromptStream;
import dev.prompt4j.Response;
import dev.prompt4j.StreamEvent;
import dev.prompt4j.provider.ProviderHttpException;
import dev.prompt4j.test.OfflineModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Streaming through the whole call path: generated methods, the attempt loop, the offline model's chunks. */
class StreamingTest {
  private static final Map<String, String> FAST_RETRIES = Map.of("prompt4j.retry.initial-delay", "1ms", "prompt4j.retry.max-delay", "1ms");

  private static Writer writer(ChatModel model, PromptListener... listeners) {
    Prompt4j.Builder builder = Prompt4j.builder().properties(FAST_RETRIES).client("offline", model);
    for (PromptListener l : listeners) {
      builder.listener(l);
    }
    return builder.build().create(Writer.class);
  }

  @Test
  void textArrivesInChunksThenTheResponseCountsThem() {
    String reply = "Autumn moon — 月 rises 😀 over the bay";
    Writer writer = writer(OfflineModel.replying(reply).withStreaming(3, Duration.ZERO));
    PromptStream<String> stream = writer.haiku("autumn");
    List<String> chunks = new ArrayList<>();
    stream.forEach(chunks::add);

    assertEquals(reply, String.join("", chunks));
    assertEquals((reply.codePointCount(0, reply.length()) + 2) / 3, chunks.size());
    Response<String> response = stream.result();
    assertEquals(reply, response.value());
    assertEquals(chunks.size(), response.chunkCount());
    assertNotNull(response.timeToFirstChunk());
    assertTrue(response.toJson().contains("\"chunks\" : " + chunks.size()), response.toJson());
    assertTrue(response.toJson().contains("timeToFirstChunkMillis"));
    assertThrows(IllegalStateException.class, stream::text, "a stream is read once");
  }

  @Test
  void anInvalidFinalAnswerIsReAskedWithARestartedEventAndPartialsFollowTheNewAttempt() {
    OfflineModel model = OfflineModel.builder()
        .when("Writer.moodOf").reply("gloomy")
        .when("Writer.outline").replies("{\"title\":\"A\",\"chapters\":0}", "{\"title\":\"Dawn\",\"chapters\":3}")
        .build()
        .withStreaming(4, Duration.ZERO);
    PromptStream<Writer.Story> stream = writer(model).outline("sea");
    List<StreamEvent> events = stream.events().collect(Collectors.toList());

    int restart = indexOf(events, StreamEvent.Restarted.class);
    assertTrue(restart > 0, "restarted after the first attempt's chunks: " + events);
    StreamEvent.Restarted restarted = (StreamEvent.Restarted) events.get(restart);
    assertEquals(2, restarted.attempt());
    assertTrue(restarted.errors().get(0).contains("chapters"), restarted.errors().toString());
    List<Map<String, Object>> partials = events.subList(restart, events.size()).stream()
        .filter(e -> e instanceof StreamEvent.Partial).map(e -> ((StreamEvent.Partial) e).value()).toList();
    // {"ti|tle"|:"Da|wn",|"cha|pter|s":3|}: the object opens, the title completes, the number only at the brace.
    assertEquals(List.of(Map.of(), Map.of("title", "Dawn"), Map.of("title", "Dawn", "chapters", 3)), partials);
    String secondText = events.subList(restart, events.size()).stream()
        .filter(e -> e instanceof StreamEvent.Text).map(e -> ((StreamEvent.Text) e).text()).collect(Collectors.joining());
    assertEquals("{\"title\":\"Dawn\",\"chapters\":3}", secondText);
    assertTrue(events.get(events.size() - 1) instanceof StreamEvent.Completed);
    assertEquals(new Writer.Story("Dawn", 3), stream.result().value());
    assertTrue(model.requests("Writer.outline").get(0).userText().contains("gloomy"), "the computed field ran first");
  }

  @Test
  void streamDoneAndStreamRequiredShapeThePartialsOfTheGeneratedCall() {
    String answer = "{\"goal\":\"ship\",\"risks\":[\"late\",\"bugs\"],\"steps\":[{\"detail\":\"d1\",\"name\":\"one\"}]}";
    Writer writer = writer(OfflineModel.replying(answer).withStreaming(2, Duration.ZERO));
    PromptStream<Writer.Plan> stream = writer.plan("launch");
    List<Map<String, Object>> partials = stream.events().filter(e -> e instanceof StreamEvent.Partial)
        .map(e -> ((StreamEvent.Partial) e).value()).toList();

    assertEquals(List.of(
        Map.of(),
        Map.of("goal", "ship"),
        Map.of("goal", "ship", "risks", List.of("late", "bugs")),
        Map.of("goal", "ship", "risks", List.of("late", "bugs"), "steps", List.of()),
        Map.of("goal", "ship", "risks", List.of("late", "bugs"), "steps", List.of(Map.of("detail", "d1", "name", "one")))), partials);
    assertEquals(new Writer.Plan("ship", List.of("late", "bugs"), List.of(new Writer.Step("one", "d1"))), stream.result().value());
  }

  @Test
  void aPublisherHonoursDemandAndAStreamBlocks() throws Exception {
    Writer writer = writer(OfflineModel.replying("one two three four").withStreaming(5, Duration.ofMillis(1)));
    List<String> received = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    writer.tell("x").subscribe(new Flow.Subscriber<>() {
      private Flow.Subscription subscription;

      @Override public void onSubscribe(Flow.Subscription s) { subscription = s; s.request(1); }
      @Override public void onNext(String item) { received.add(item); subscription.request(1); }
      @Override public void onError(Throwable t) { done.completeExceptionally(t); }
      @Override public void onComplete() { done.complete(null); }
    });
    done.get(10, TimeUnit.SECONDS);
    assertEquals(List.of("one t", "wo th", "ree f", "our"), received);

    assertEquals("one two three four", writer.facts("y").collect(Collectors.joining()));
  }

  @Test
  void cancellingStopsTheChunksAndTheResult() throws Exception {
    Writer writer = writer(OfflineModel.replying("x".repeat(500)).withStreaming(1, Duration.ofMillis(5)));
    PromptStream<String> stream = writer.haiku("long");
    Iterator<String> chunks = stream.iterator();
    assertEquals("x", chunks.next());
    stream.cancel();
    assertTrue(stream.isCancelled());
    assertThrows(CancellationException.class, stream::result);
    int seen = 1;
    try {
      while (chunks.hasNext() && seen < 500) {
        chunks.next();
        seen++;
      }
    } catch (CancellationException expected) {
      // the queue was drained, then the cancel ends it
    }
    assertTrue(seen < 500, "chunks stop after a cancel, got " + seen);
  }

  /** Fails with a 429 before any chunk, then fails mid-stream after two chunks, then streams the answer. */
  static final class FlakyModel implements ChatModel, StreamingChatModel {
    final List<String> outcomes = new CopyOnWriteArrayList<>();

    @Override
    public ChatResponse doChat(ChatRequest request) {
      throw new UnsupportedOperationException("streams only");
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
      StreamingHandle handle = new StreamingHandle() {
        @Override public void cancel() {}
        @Override public boolean isCancelled() { return false; }
      };
      switch (outcomes.size()) {
        case 0 -> {
          outcomes.add("429");
          handler.onError(new ProviderHttpException(429, "{\"error\":{\"message\":\"slow down\"}}", Duration.ZERO));
        }
        case 1 -> {
          outcomes.add("cut");
          handler.onPartialResponse(new PartialResponse("Hel"), new PartialResponseContext(handle));
          handler.onPartialResponse(new PartialResponse("l"), new PartialResponseContext(handle));
          handler.onError(new java.io.UncheckedIOException("stream cut", new java.io.IOException("stream cut")));
        }
        default -> {
          outcomes.add("ok");
          handler.onPartialResponse(new PartialResponse("Hello"), new PartialResponseContext(handle));
          handler.onPartialResponse(new PartialResponse(" there"), new PartialResponseContext(handle));
          handler.onCompleteResponse(ChatResponse.builder().aiMessage(AiMessage.from("Hello there")).finishReason(FinishReason.STOP).build());
        }
      }
    }

    @Override public java.util.Set<dev.langchain4j.model.chat.Capability> supportedCapabilities() { return ChatModel.super.supportedCapabilities(); }
    @Override public dev.langchain4j.model.chat.request.ChatRequestParameters defaultRequestParameters() { return ChatModel.super.defaultRequestParameters(); }
    @Override public List<dev.langchain4j.model.chat.listener.ChatModelListener> listeners() { return ChatModel.super.listeners(); }
    @Override public dev.langchain4j.model.ModelProvider provider() { return ChatModel.super.provider(); }
  }

  @Test
  void aRetryBeforeTheFirstChunkIsInvisibleAndOneAfterItRestartsTheStream() {
    FlakyModel model = new FlakyModel();
    List<String> seen = new CopyOnWriteArrayList<>();
    PromptListener listener = new PromptListener() {
      @Override
      public void streamFirstChunk(PromptCall call, AttemptStart attempt, Duration timeToFirstChunk) {
        seen.add("first chunk of attempt " + attempt.number() + (attempt.streaming() ? " (streaming)" : ""));
      }

      @Override
      public void streamCompleted(PromptCall call, AttemptStart attempt) {
        seen.add("completed attempt " + attempt.number());
      }
    };
    PromptStream<String> stream = writer(model, listener).haiku("x");
    List<StreamEvent> events = stream.events().collect(Collectors.toList());

    assertEquals(List.of("429", "cut", "ok"), model.outcomes);
    assertEquals(List.of(new StreamEvent.Text("Hel"), new StreamEvent.Text("l"),
        new StreamEvent.Restarted(3, List.of(((StreamEvent.Restarted) events.get(2)).errors().get(0))),
        new StreamEvent.Text("Hello"), new StreamEvent.Text(" there")), events.subList(0, 5));
    assertTrue(((StreamEvent.Restarted) events.get(2)).errors().get(0).contains("stream cut"), events.toString());
    Response<String> response = stream.result();
    assertEquals("Hello there", response.value());
    assertEquals(2, response.failedAttempts().size());
    assertEquals(List.of("first chunk of attempt 2 (streaming)", "first chunk of attempt 3 (streaming)", "completed attempt 3"), seen);
    assertFalse(events.stream().anyMatch(e -> e instanceof StreamEvent.Reasoning));
  }

  private static int indexOf(List<StreamEvent> events, Class<?> kind) {
    for (int i = 0; i < events.size(); i++) {
      if (kind.isInstance(events.get(i))) {
        return i;
      }
    }
    return -1;
  }
}
