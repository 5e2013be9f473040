package dev.prompt4j.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task failure after a checkpoint: the exactly-once FileSink holds every ticket once, and the model
 * calls made again (at-least-once) are counted.
 */
class FailoverTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(2).setNumberSlotsPerTaskManager(1).build());

  static final AtomicBoolean CHECKPOINTED = new AtomicBoolean();
  static final AtomicBoolean FAILED = new AtomicBoolean();
  static final AtomicInteger SEEN_AFTER_CHECKPOINT = new AtomicInteger();

  /** Passes lines through; throws once, some records after the first completed checkpoint. */
  static final class FailOnceAfterCheckpoint extends RichMapFunction<String, String> implements CheckpointListener {
    @Override
    public String map(String line) {
      if (CHECKPOINTED.get() && SEEN_AFTER_CHECKPOINT.incrementAndGet() == 20 && FAILED.compareAndSet(false, true)) {
        throw new IllegalStateException("injected failure after a checkpoint");
      }
      return line;
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
      CHECKPOINTED.set(true);
    }
  }

  @Test
  void aFailureAfterACheckpointNeitherLosesNorDuplicatesResults(@TempDir Path dir) throws Exception {
    int n = 600;
    try (FakeOpenAi server = new FakeOpenAi(25)) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(restartingConfiguration());
      env.setParallelism(2);
      env.enableCheckpointing(200);
      triagePipeline(env, server, dir, n, new FailOnceAfterCheckpoint());
      env.execute("failover");

      assertTrue(FAILED.get(), "the failure was injected");
      int repeated = assertEveryTicketOnce(dir, n, server);
      System.out.printf("failover: %d tickets, %d model requests, %d repeated by the restart (at-least-once calls)%n",
          n, server.totalRequests(), repeated);
    }
  }

  /** Restarts a failed job up to 3 times, 100 ms apart. */
  static Configuration restartingConfiguration() {
    Configuration config = new Configuration();
    config.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
    config.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
    return config;
  }

  /**
   * {@code n} paced tickets through {@code Prompt4jFlink} against {@code server}; results go through {@code
   * beforeSink} into an exactly-once FileSink under {@code dir/results}, dead letters under {@code dir/dead-letters}.
   */
  static void triagePipeline(StreamExecutionEnvironment env, FakeOpenAi server, Path dir, int n,
      MapFunction<String, String> beforeSink) {
    AsyncPrompt<TicketTriage, Ticket, TicketTriage.Triage> triage = Prompt4jFlink
        .asyncResponse(TicketTriage.class, (TicketTriage t, Ticket ticket) -> t.classifyAsync(ticket.id(), ticket.text()))
        .properties(server.properties());
    // A paced source, so checkpoints fall between records rather than after all of them.
    DataGeneratorSource<Ticket> source = new DataGeneratorSource<>(
        i -> AsyncPromptTest.ticket(i == 7 ? n : i), n, RateLimiterStrategy.perSecond(300), TypeInformation.of(Ticket.class));
    DataStream<Ticket> tickets = env.fromSource(source, WatermarkStrategy.noWatermarks(), "tickets");
    PromptStreams<Ticket, TicketTriage.Triage> out = Prompt4jFlink.unorderedWait(tickets, triage, Duration.ofSeconds(60), 4);

    out.results().map(t -> "OK " + t.id() + " " + t.category()).returns(Types.STRING)
        .map(beforeSink)
        .sinkTo(FileSink.forRowFormat(new org.apache.flink.core.fs.Path(dir.resolve("results").toUri()), new SimpleStringEncoder<String>()).build());
    out.deadLetters().map(d -> "DL " + d.input().id() + " " + d.reason()).returns(Types.STRING)
        .sinkTo(FileSink.forRowFormat(new org.apache.flink.core.fs.Path(dir.resolve("dead-letters").toUri()), new SimpleStringEncoder<String>()).build());
  }

  /** Asserts the committed output holds each of the {@code n} tickets once; returns the model calls a restart repeated. */
  static int assertEveryTicketOnce(Path dir, int n, FakeOpenAi server) throws IOException {
    Map<Long, Integer> seen = new HashMap<>();
    for (String line : committedLines(dir)) {
      seen.merge(Long.parseLong(line.split(" ")[1]), 1, Integer::sum);
    }
    assertEquals(n, seen.size(), "no ticket lost");
    seen.forEach((id, count) -> assertEquals(1, count, "ticket " + id + " written once"));
    int repeated = server.totalRequests() - n - (n / 100); // minus the planned re-asks
    assertTrue(repeated >= 0, "at least one request per ticket and per planned re-ask");
    return repeated;
  }

  /** Lines of the finished part files (in-progress and pending files are hidden, starting with a dot). */
  private static List<String> committedLines(Path dir) throws IOException {
    List<String> lines = new ArrayList<>();
    try (Stream<Path> files = Files.walk(dir)) {
      for (Path f : files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).toList()) {
        lines.addAll(Files.readAllLines(f));
      }
    }
    return lines;
  }
}
