package dev.prompt4j.flink;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.AsyncDataStream;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.async.ResultFuture;
import org.apache.flink.streaming.api.functions.async.RichAsyncFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;

/**
 * Throughput of the async prompt on a local Flink environment against the loopback fake (100 ms per
 * answer), at parallelism 1, 2 and 4, next to a hand-written {@code RichAsyncFunction} over
 * langchain4j's OpenAI client; then under a rate limit. Records per second are counted by the server,
 * first to last request, so job start-up is left out. Writes {@code target/flink-benchmarks.md}.
 *
 * <p>Run: {@code mvn -B -q -pl flink -am -DskipTests -Pflink-benchmarks package}. Not a test: figures
 * are reported, not asserted.
 */
public final class FlinkThroughput {
  private static final int CAPACITY = 50;

  public static void main(String[] args) throws Exception {
    int perSubtask = args.length > 0 ? Integer.parseInt(args[0]) : 1_000;
    List<String> table = new ArrayList<>();
    table.add("| parallelism | Prompt4j rec/s | per subtask | langchain4j baseline rec/s | per subtask | Prompt4j / baseline |");
    table.add("|---|---|---|---|---|---|");
    run(1, 200, true); // warm-up, not reported
    run(1, 200, false);
    for (int p : new int[] {1, 2, 4}) {
      double prompt4j = run(p, perSubtask * p, true);
      double baseline = run(p, perSubtask * p, false);
      table.add(String.format("| %d | %.0f | %.0f | %.0f | %.0f | %.2f |", p, prompt4j, prompt4j / p, baseline, baseline / p, prompt4j / baseline));
    }
    table.add("");
    table.add(String.format("Ideal per subtask: capacity %d / 100 ms = %d rec/s. Machine: %d cores.", CAPACITY, CAPACITY * 10,
        Runtime.getRuntime().availableProcessors()));
    table.add("");
    table.add(limited(2, 300, Duration.ofSeconds(10), 1_500));
    Path out = Path.of("target/flink-benchmarks.md");
    Files.createDirectories(out.getParent());
    Files.write(out, table);
    table.forEach(System.out::println);
  }

  private static List<Ticket> tickets(int n) {
    List<Ticket> tickets = new ArrayList<>(n);
    for (int i = 0; i < n; i++) tickets.add(new Ticket(i, (i % 2 == 0 ? "invoice " : "app ") + i));
    return tickets;
  }

  private static double run(int parallelism, int n, boolean prompt4j) throws Exception {
    try (FakeOpenAi server = new FakeOpenAi(100)) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(parallelism);
      DataStream<Ticket> input = env.fromData(tickets(n)).rebalance();
      if (prompt4j) {
        AsyncPrompt<TicketTriage, Ticket, TicketTriage.Triage> fn = Prompt4jFlink
            .asyncResponse(TicketTriage.class, (TicketTriage t, Ticket ticket) -> t.classifyAsync(ticket.id(), ticket.text()))
            .properties(server.properties())
            .rateLimit(RateLimit.of("openai", "gpt-test").concurrency(CAPACITY, CAPACITY));
        PromptStreams<Ticket, TicketTriage.Triage> out = Prompt4jFlink.unorderedWait(input, fn, Duration.ofSeconds(60), CAPACITY);
        out.results().map(Object::toString).returns(Types.STRING).sinkTo(new DiscardingSink<>());
      } else {
        AsyncDataStream.unorderedWait(input, new Langchain4jBaseline(server.baseUrl()), 60, TimeUnit.SECONDS, CAPACITY)
            .returns(TicketTriage.Triage.class)
            .sinkTo(new DiscardingSink<>());
      }
      env.execute();
      if (server.acceptedCount() != n) throw new IllegalStateException("expected " + n + " requests, saw " + server.acceptedCount());
      return n / (server.acceptedSpanNanos() / 1e9);
    }
  }

  /** A limit of {@code limit} requests per {@code window} for the job; reports the rate held and the dead letters. */
  private static String limited(int parallelism, int limit, Duration window, int n) throws Exception {
    try (FakeOpenAi server = new FakeOpenAi(100)) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(parallelism);
      AsyncPrompt<TicketTriage, Ticket, TicketTriage.Triage> fn = Prompt4jFlink
          .asyncResponse(TicketTriage.class, (TicketTriage t, Ticket ticket) -> t.classifyAsync(ticket.id(), ticket.text()))
          .properties(server.properties())
          .rateLimit(RateLimit.of("openai", "gpt-test").requestsPerMinute(limit).per(window).concurrency(CAPACITY, CAPACITY));
      PromptStreams<Ticket, TicketTriage.Triage> out = Prompt4jFlink.unorderedWait(env.fromData(tickets(n)).rebalance(), fn, Duration.ofMinutes(5), CAPACITY);
      out.results().map(Object::toString).returns(Types.STRING).sinkTo(new DiscardingSink<>());
      List<String> dead = Collections.synchronizedList(new ArrayList<>());
      out.deadLetters().map(Object::toString).returns(Types.STRING).executeAndCollect().forEachRemaining(dead::add);
      double allowed = limit / (double) window.toSeconds();
      // A sliding log lets a window's allowance go at once: the first window's burst is free, and the rate held is
      // what came after it, over the time from the first request to the last.
      double held = (server.acceptedCount() - limit) / (server.acceptedSpanNanos() / 1e9);
      return String.format("Rate limit %d requests per %d s (%.0f/s allowed), parallelism %d, %d records: %.1f rec/s held after the first"
          + " window = %.0f%% of the allowed rate, max %d in any window, %d dead letters.", limit, window.toSeconds(), allowed, parallelism, n, held,
          100 * held / allowed, server.maxAcceptedInAnyWindow(window.toMillis()), dead.size());
    }
  }

  /** What a user writes by hand: langchain4j's blocking client on a thread pool, Jackson for the record. */
  static final class Langchain4jBaseline extends RichAsyncFunction<Ticket, TicketTriage.Triage> {
    private final String baseUrl;
    private transient ChatModel model;
    private transient ExecutorService executor;
    private transient ObjectMapper json;

    Langchain4jBaseline(String baseUrl) {
      this.baseUrl = baseUrl;
    }

    @Override
    public void open(OpenContext context) {
      model = OpenAiChatModel.builder().baseUrl(baseUrl).apiKey("test-key").modelName("gpt-test").build();
      executor = Executors.newCachedThreadPool();
      json = new ObjectMapper();
    }

    @Override
    public void close() {
      executor.shutdownNow();
    }

    @Override
    public void asyncInvoke(Ticket ticket, ResultFuture<TicketTriage.Triage> result) {
      CompletableFuture.supplyAsync(() -> model.chat("Triage ticket " + ticket.id() + ": " + ticket.text()), executor)
          .thenApply(text -> {
            try {
              return json.readValue(text, TicketTriage.Triage.class);
            } catch (Exception e) {
              throw new IllegalStateException(e);
            }
          })
          .whenComplete((triage, error) -> {
            if (error != null) result.completeExceptionally(error);
            else result.complete(List.of(triage));
          });
    }
  }
}
