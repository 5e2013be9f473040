package dev.prompt4j.benchmarks;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptStream;
import dev.prompt4j.internal.stream.PartialJson;
import dev.prompt4j.internal.stream.Partials;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Benchmark 7: streaming. Three groups, each with its baseline in the same run:
 *
 * <ul>
 *   <li>time to the first chunk over a loopback SSE server: Prompt4j's {@code PromptStream} (openai
 *       provider, Prompt4j's HTTP client) against hand-written langchain4j {@code OpenAiStreamingChatModel}
 *       (its own JDK client) asking the same server; each operation waits for the first chunk and then
 *       for the end (four short chunks, sent at once);
 *   <li>partial parsing of a 50 KB record answer delivered in 5,000 chunks ({@link PartialJson}, one
 *       feed per chunk) against one Jackson parse of the whole answer, with the naive way beside it
 *       (re-parsing the text so far at every chunk, quadratic);
 *   <li>the same with a snapshot at every change (what a stream of a record answer emits): as maps
 *       and lists, and converted to the generated partial type {@code StreamingPrompts_ReviewPartial};
 *   <li>bytes allocated per chunk through a {@code PromptStream}: a model that streams 1,000 chunks
 *       at once (read {@code gc.alloc.rate.norm} / 1,000).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class StreamingBenchmark {
  static final int CHUNKS = 5_000;
  static final int CHUNKS_PER_STREAM = 1_000;
  private static final JsonFactory JSON = new JsonFactory();
  private static final ObjectMapper MAPPER = new ObjectMapper();

  FakeOpenAiStreamServer server;
  StreamingPrompts prompt4j;
  StreamingChatModel handWritten;
  String answer;
  List<String> chunks;
  StreamingPrompts allocation;

  @Setup
  public void setup() throws IOException {
    server = new FakeOpenAiStreamServer();
    prompt4j = Prompt4j.builder().classLoader(StreamingPrompts.class.getClassLoader())
        .properties(Map.of("prompt4j.providers.openai.base-url", server.baseUrl(), "prompt4j.providers.openai.api-key", "sk-bench"))
        .build().create(StreamingPrompts.class);
    handWritten = OpenAiStreamingChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-bench").modelName("gpt-4o-mini").build();
    answer = record50k();
    chunks = split(answer, CHUNKS);
    allocation = Prompt4j.builder().classLoader(StreamingPrompts.class.getClassLoader()).properties(Map.of())
        .client("openai", new ChunkingModel(CHUNKS_PER_STREAM)).build().create(StreamingPrompts.class);
    if (!"A fixed streamed answer.".equals(prompt4jFirstChunkThenEnd()) || !"A fixed streamed answer.".equals(handWrittenFirstChunkThenEnd())) {
      throw new IllegalStateException("the two clients do not read the same stream");
    }
    if (!MAPPER.readTree(answer).equals(MAPPER.valueToTree(partialIncremental()))
        || !MAPPER.readTree(answer).equals(MAPPER.valueToTree(partialMapSnapshots()))) {
      throw new IllegalStateException("the incremental parse differs from the whole parse");
    }
    StreamingPrompts_ReviewPartial typed = partialTypedSnapshots();
    if (typed.items().size() != 400 || !Integer.valueOf(400).equals(typed.total()) || !"item number 399".equals(typed.items().get(399).name())) {
      throw new IllegalStateException("the typed partial differs from the answer: " + typed.items().size() + " items");
    }
  }

  @TearDown
  public void tearDown() {
    server.close();
  }

  /** About 50 KB: a record with a list of 400 records of five fields. */
  static String record50k() {
    StringBuilder json = new StringBuilder("{\"title\":\"Quarterly review\",\"items\":[");
    for (int i = 0; i < 400; i++) {
      if (i > 0) json.append(',');
      json.append("{\"id\":").append(i).append(",\"name\":\"item number ").append(i)
          .append("\",\"note\":\"a short note about the item, long enough to matter\",\"score\":").append(i * 0.25)
          .append(",\"ok\":").append(i % 2 == 0).append('}');
    }
    return json.append("],\"total\":400}").toString();
  }

  static List<String> split(String text, int parts) {
    List<String> out = new ArrayList<>(parts);
    int size = Math.max(1, text.length() / parts);
    for (int at = 0; at < text.length(); at += size) {
      out.add(text.substring(at, Math.min(text.length(), at + size)));
    }
    return out;
  }

  // ---- time to first chunk (and the end of a four-chunk stream)

  @Benchmark
  public String prompt4jFirstChunkThenEnd() {
    PromptStream<String> stream = prompt4j.tell("x");
    Iterator<String> text = stream.iterator();
    StringBuilder all = new StringBuilder(text.next());
    text.forEachRemaining(all::append);
    return all.toString();
  }

  @Benchmark
  public String handWrittenFirstChunkThenEnd() {
    CompletableFuture<String> first = new CompletableFuture<>();
    CompletableFuture<ChatResponse> done = new CompletableFuture<>();
    handWritten.chat(ChatRequest.builder().messages(UserMessage.from("Tell me about x.")).build(), new StreamingChatResponseHandler() {
      @Override public void onPartialResponse(String partial) { first.complete(partial); }
      @Override public void onCompleteResponse(ChatResponse response) { done.complete(response); }
      @Override public void onError(Throwable error) { done.completeExceptionally(error); first.completeExceptionally(error); }
    });
    first.join();
    return done.join().aiMessage().text();
  }

  // ---- partial parsing, 50 KB in 5,000 chunks

  @Benchmark
  public JsonNode partialBaselineOneParse() throws IOException {
    return MAPPER.readTree(answer);
  }

  @Benchmark
  public Map<String, Object> partialIncremental() {
    PartialJson parser = new PartialJson();
    for (String chunk : chunks) {
      parser.feed(chunk);
    }
    return parser.snapshot();
  }

  /**
   * What a stream of a record answer does per chunk: feed it, and when the answer so far changed
   * take the snapshot (maps and lists) the {@code StreamEvent.Partial} carries.
   */
  @Benchmark
  public Map<String, Object> partialMapSnapshots() {
    PartialJson parser = new PartialJson();
    Map<String, Object> last = Map.of();
    for (String chunk : chunks) {
      if (parser.feed(chunk)) {
        last = parser.snapshot();
      }
    }
    return last;
  }

  /** As {@link #partialMapSnapshots()}, with each snapshot also converted to the generated partial type (the typed path). */
  @Benchmark
  public StreamingPrompts_ReviewPartial partialTypedSnapshots() {
    PartialJson parser = new PartialJson();
    Partials partials = new Partials(parser);
    StreamingPrompts_ReviewPartial last = null;
    for (String chunk : chunks) {
      if (parser.feed(chunk)) {
        last = partials.record(parser.snapshot(), StreamingPrompts_ReviewPartial::of);
      }
    }
    return last;
  }

  /** The naive way: parse the text so far at every chunk (tokens until the text runs out). */
  @Benchmark
  public long partialNaiveReparse() throws IOException {
    StringBuilder soFar = new StringBuilder(answer.length());
    long tokens = 0;
    for (String chunk : chunks) {
      soFar.append(chunk);
      try (JsonParser parser = JSON.createParser(soFar.toString())) {
        while (parser.nextToken() != null) {
          tokens++;
        }
      } catch (com.fasterxml.jackson.core.JsonParseException incomplete) {
        // the prefix ends mid-document: what was read so far is the partial
      }
    }
    return tokens;
  }

  // ---- bytes per chunk

  @Benchmark
  public int streamThousandChunks() {
    PromptStream<String> stream = allocation.tell("x");
    int n = 0;
    for (String ignored : stream) {
      n++;
    }
    return n;
  }

  /** Streams {@code chunks} one-character chunks at once, on the calling thread. */
  static final class ChunkingModel implements ChatModel, StreamingChatModel {
    private final int chunks;
    private final ChatResponse whole;

    ChunkingModel(int chunks) {
      this.chunks = chunks;
      this.whole = ChatResponse.builder().aiMessage(dev.langchain4j.data.message.AiMessage.from("x".repeat(chunks)))
          .finishReason(dev.langchain4j.model.output.FinishReason.STOP).build();
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
      return whole;
    }

    @Override
    public void doChat(ChatRequest request, StreamingChatResponseHandler handler) {
      PartialResponseContext context = new PartialResponseContext(new dev.langchain4j.model.chat.response.StreamingHandle() {
        @Override public void cancel() {}
        @Override public boolean isCancelled() { return false; }
      });
      PartialResponse x = new PartialResponse("x");
      for (int i = 0; i < chunks; i++) {
        handler.onPartialResponse(x, context);
      }
      handler.onCompleteResponse(whole);
    }

    @Override public java.util.Set<dev.langchain4j.model.chat.Capability> supportedCapabilities() { return ChatModel.super.supportedCapabilities(); }
    @Override public dev.langchain4j.model.chat.request.ChatRequestParameters defaultRequestParameters() { return ChatModel.super.defaultRequestParameters(); }
    @Override public List<dev.langchain4j.model.chat.listener.ChatModelListener> listeners() { return ChatModel.super.listeners(); }
    @Override public dev.langchain4j.model.ModelProvider provider() { return ChatModel.super.provider(); }
  }
}
