package dev.prompt4j.flink.example;

import dev.prompt4j.flink.AsyncPrompt;
import dev.prompt4j.flink.Prompt4jFlink;
import dev.prompt4j.flink.PromptStreams;
import dev.prompt4j.flink.RateLimit;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.serialization.SimpleStringEncoder;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.connector.file.sink.FileSink;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.connector.file.src.reader.TextLineInputFormat;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.util.ParameterTool;

/**
 * Triages support tickets from a CSV file into a results file and a dead-letter file.
 *
 * <pre>
 * flink run -c dev.prompt4j.flink.example.TicketTriageJob prompt4j-flink-job.jar \
 *     --tickets 10000 --out /data/triage --live --prompt4j.model gpt-4o-mini --rpm 500
 * </pre>
 *
 * <p>Arguments: {@code --tickets N} (generate N tickets into {@code <out>/tickets.csv} first; 0 to
 * read an existing {@code --input} file), {@code --input FILE} (a CSV of {@code id,text}), {@code --out
 * DIR}, {@code --rpm} (requests per minute for the whole job), {@code --live} (call the provider the
 * configuration names; without it a scripted in-process model answers, no key and no network), and any
 * {@code --prompt4j.*} key, passed to every subtask as a job parameter.
 */
public final class TicketTriageJob {
  private TicketTriageJob() {}

  /** A ticket from the CSV. */
  public record Ticket(long id, String text) implements Serializable {
    static Ticket parse(String line) {
      int comma = line.indexOf(',');
      return new Ticket(Long.parseLong(line.substring(0, comma).trim()), line.substring(comma + 1).trim());
    }
  }

  public static void main(String[] args) throws Exception {
    ParameterTool params = ParameterTool.fromArgs(args);
    String out = params.get("out", "target/flink-example"); // a Flink path: local, hdfs://, s3://
    int count = params.getInt("tickets", 1_000);
    String input = count > 0 ? generate(Path.of(out, "tickets.csv"), count).toAbsolutePath().toString() : params.getRequired("input");
    boolean live = params.has("live");

    StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
    env.getConfig().setGlobalJobParameters(params); // --prompt4j.* keys reach every subtask
    env.enableCheckpointing(2_000);                 // the FileSink commits on checkpoints: exactly-once files

    DataStream<Ticket> tickets = env
        .fromSource(FileSource.forRecordStreamFormat(new TextLineInputFormat(), new org.apache.flink.core.fs.Path(input)).build(),
            WatermarkStrategy.noWatermarks(), "tickets")
        .filter(line -> !line.isBlank() && !line.startsWith("id,"))
        .map(Ticket::parse)
        .returns(TypeInformation.of(Ticket.class));

    AsyncPrompt<SupportTickets, Ticket, SupportTickets.Triage> triage = Prompt4jFlink
        .asyncResponse(SupportTickets.class, (SupportTickets prompt, Ticket ticket) -> prompt.triage(ticket.text()))
        .rateLimit(RateLimit.of("openai", "gpt-4o-mini").requestsPerMinute(params.getLong("rpm", 60_000)).concurrency(8, 64));
    if (!live) {
      triage = triage.setup(builder -> builder.client("openai", new ScriptedTriageModel()));
    }
    PromptStreams<Ticket, SupportTickets.Triage> triaged = Prompt4jFlink.unorderedWait(tickets, triage, Duration.ofMinutes(2), 64);

    triaged.results()
        .map(t -> t.category() + "," + t.urgency() + "," + t.summary()).returns(Types.STRING)
        .sinkTo(FileSink.forRowFormat(new org.apache.flink.core.fs.Path(out, "results"), new SimpleStringEncoder<String>()).build())
        .name("results");
    triaged.deadLetters()
        .map(d -> d.input().id() + "," + d.reason() + "," + d.attempts().size() + " attempt(s)," + d.message().replace('\n', ' '))
        .returns(Types.STRING)
        .sinkTo(FileSink.forRowFormat(new org.apache.flink.core.fs.Path(out, "dead-letters"), new SimpleStringEncoder<String>()).build())
        .name("dead letters");

    long started = System.nanoTime();
    env.execute("prompt4j: triage " + input);
    if (count > 0) { // generated here, so the output is local too
      System.out.printf("%s: %d tickets in %d ms; %d results in %s, %d dead letters in %s%n", live ? "LIVE" : "OFFLINE (scripted model)",
          count, (System.nanoTime() - started) / 1_000_000, lines(Path.of(out, "results")), Path.of(out, "results"),
          lines(Path.of(out, "dead-letters")), Path.of(out, "dead-letters"));
    }
  }

  private static final String[] TEXTS = {
      "The invoice for March was charged twice", "The app crashes when I open settings", "I cannot login since the password reset",
      "Checkout is down for all users", "Where can I change my delivery address?", "Error 500 on export", "gibberish ###"};

  static Path generate(Path file, int count) throws IOException {
    Files.createDirectories(file.getParent());
    List<String> lines = new ArrayList<>(count + 1);
    lines.add("id,text");
    for (int i = 0; i < count; i++) {
      // One ticket in 250 is unreadable: it ends in the dead-letter file with its attempts.
      lines.add(i + "," + (i % 250 == 249 ? TEXTS[6] : TEXTS[i % 6]));
    }
    Files.write(file, lines);
    return file;
  }

  private static long lines(Path dir) throws IOException {
    if (!Files.isDirectory(dir)) return 0;
    try (Stream<Path> files = Files.walk(dir)) {
      return files.filter(Files::isRegularFile).filter(f -> !f.getFileName().toString().startsWith(".")).mapToLong(f -> {
        try (Stream<String> l = Files.lines(f)) {
          return l.count();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }).sum();
    }
  }
}
