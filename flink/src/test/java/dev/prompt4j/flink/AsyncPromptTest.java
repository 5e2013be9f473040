package dev.prompt4j.flink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.CloseableIterator;
import org.apache.flink.util.ParameterTool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The DataStream API on a MiniCluster against the loopback fake: every element answered or dead-lettered, once. */
class AsyncPromptTest {
  @RegisterExtension
  static final MiniClusterExtension CLUSTER = new MiniClusterExtension(
      new MiniClusterResourceConfiguration.Builder().setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).build());

  static List<Ticket> tickets(int n) {
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      tickets.add(ticket(i));
    }
    return tickets;
  }

  /** Ticket 7 is poisoned, every hundredth from 3 re-asked once, even ones are billing. */
  static Ticket ticket(long i) {
    String text = i == 7 ? "poison: the answer is never valid"
        : i % 100 == 3 ? "reask: the first answer is invalid"
        : i % 2 == 0 ? "invoice " + i + " charged twice" : "app " + i + " crashes on start";
    return new Ticket(i, text);
  }

  /** Runs the split streams as lines {@code OK <ticket> <answer id> <category> <urgency>} and {@code DL <ticket> ...}. */
  static List<String> run(StreamExecutionEnvironment env, PromptStreams<Ticket, TicketTriage.Triage> out) throws Exception {
    DataStream<String> ok = out.results().map(t -> "OK " + t.id() + " " + t.category() + " " + t.urgency()).returns(Types.STRING);
    DataStream<String> dead = out.deadLetters()
        .map(d -> "DL " + d.input().id() + " " + d.reason() + " " + d.attempts().size() + " " + d.errorType() + " "
            + (d.attempts().isEmpty() ? "-" : d.attempts().get(0).rawText()))
        .returns(Types.STRING);
    List<String> lines = new ArrayList<>();
    try (CloseableIterator<String> it = ok.union(dead).executeAndCollect()) {
      it.forEachRemaining(lines::add);
    }
    return lines;
  }

  @Test
  void twoThousandTicketsEachAnsweredOrDeadLetteredExactlyOnceWithTheirOwnAnswer() throws Exception {
    try (FakeOpenAi server = new FakeOpenAi(2)) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      env.getConfig().setGlobalJobParameters(ParameterTool.fromMap(server.properties())); // prompt4j.* from the job parameters
      AsyncPrompt<TicketTriage, Ticket, TicketTriage.Triage> triage =
          Prompt4jFlink.asyncResponse(TicketTriage.class, (t, ticket) -> t.classifyAsync(ticket.id(), ticket.text()));

      List<String> lines = run(env, Prompt4jFlink.unorderedWait(env.fromData(tickets(2_000)), triage, Duration.ofSeconds(60), 50));

      Map<Long, List<String>> byTicket = new HashMap<>();
      for (String line : lines) {
        byTicket.computeIfAbsent(Long.parseLong(line.split(" ")[1]), k -> new ArrayList<>()).add(line);
      }
      assertEquals(2_000, byTicket.size(), "every ticket came out");
      byTicket.forEach((id, out) -> assertEquals(1, out.size(), "ticket " + id + " came out once: " + out));
      assertEquals(1, lines.stream().filter(l -> l.startsWith("DL")).count(), "only the poisoned ticket failed");

      // The fake echoes the id it read in the request: an answer under another ticket's id would be cross-talk.
      for (String line : lines) {
        if (line.startsWith("OK")) {
          String[] f = line.split(" ");
          long id = Long.parseLong(f[1]);
          assertEquals(id % 2 == 0 ? "BILLING" : "TECHNICAL", f[2], line);
          assertEquals(1 + id % 5, Long.parseLong(f[3]), line);
        }
      }
      // Re-asked: one invalid answer, then a valid one.
      for (long id = 3; id < 2_000; id += 100) {
        assertEquals(2, server.requests(id), "ticket " + id + " was asked again after its invalid answer");
        assertTrue(byTicket.get(id).get(0).startsWith("OK"), byTicket.get(id).toString());
      }
      // Poisoned: a dead letter with each attempt's raw answer.
      String poisoned = byTicket.get(7L).get(0);
      assertEquals("DL 7 FAILED 3 dev.prompt4j.OutputException {\"id\":7,\"category\":\"TECHNICAL\",\"urgency\":9}", poisoned);
      assertEquals(3, server.requests(7));
      assertEquals(2_000 + 20 + 2, server.totalRequests(), "one request per ticket, plus the re-asks");
    }
  }

  @Test
  void theServerNeverSeesMoreThanTheJobLimitInAnyWindow() throws Exception {
    try (FakeOpenAi server = new FakeOpenAi(2)) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      // 40 requests per 2 s for the job (a minute scaled down): 20 per subtask.
      RateLimit limit = RateLimit.of("openai", "gpt-test").requestsPerMinute(40).per(Duration.ofSeconds(2));
      AsyncPrompt<TicketTriage, Ticket, TicketTriage.Triage> triage = Prompt4jFlink
          .asyncResponse(TicketTriage.class, (TicketTriage t, Ticket ticket) -> t.classifyAsync(ticket.id(), ticket.text()))
          .properties(server.properties())
          .rateLimit(limit);
      List<Ticket> input = tickets(120).stream().filter(t -> t.id() != 7 && t.id() % 100 != 3).toList();

      List<String> lines = run(env, Prompt4jFlink.unorderedWait(env.fromData(input), triage, Duration.ofSeconds(60), 50));

      assertEquals(input.size(), lines.stream().filter(l -> l.startsWith("OK")).count(), lines.toString());
      // As the server counts, on arrival: the limiter counts each request until a window after it ended.
      assertTrue(server.maxAcceptedInAnyWindow(2_000) <= 40, "at most 40 in any window, saw " + server.maxAcceptedInAnyWindow(2_000));
      assertTrue(server.maxAcceptedInAnyWindow(2_000) > 30, "the limit is used, not starved: " + server.maxAcceptedInAnyWindow(2_000));
    }
  }

  @Test
  void tooManyRequestsWithRetryAfterSlowTheJobWithoutFailingIt() throws Exception {
    try (FakeOpenAi server = new FakeOpenAi(20).limit(10, 1_000, 1)) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(2);
      Map<String, String> properties = new HashMap<>(server.properties());
      properties.put("prompt4j.providers.openai.max-retries", "0"); // every 429 reaches the limiter
      AsyncPrompt<TicketTriage, Ticket, TicketTriage.Triage> triage = Prompt4jFlink
          .asyncResponse(TicketTriage.class, (TicketTriage t, Ticket ticket) -> t.classifyAsync(ticket.id(), ticket.text()))
          .properties(properties)
          .rateLimit(RateLimit.of("openai", "gpt-test").concurrency(16, 32)); // no rate: AIMD alone
      List<Ticket> input = tickets(60).stream().filter(t -> t.id() != 7 && t.id() % 100 != 3).toList();

      List<String> lines = run(env, Prompt4jFlink.unorderedWait(env.fromData(input), triage, Duration.ofSeconds(60), 30));

      assertEquals(input.size(), lines.stream().filter(l -> l.startsWith("OK")).count(), "no dead letter: " + lines);
      assertTrue(server.throttled() > 0, "the server did answer 429");
      assertEquals(input.size(), server.acceptedCount(), "each ticket answered once");
    }
  }

  @Test
  void flinksTimeOutMakesADeadLetterNotAJobFailure() throws Exception {
    try (FakeOpenAi server = new FakeOpenAi(3_000)) {
      StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
      env.setParallelism(1);
      AsyncPrompt<TicketTriage, Ticket, TicketTriage.Triage> triage = Prompt4jFlink
          .asyncResponse(TicketTriage.class, (TicketTriage t, Ticket ticket) -> t.classifyAsync(ticket.id(), ticket.text()))
          .properties(server.properties());

      List<String> lines = run(env, Prompt4jFlink.unorderedWait(env.fromData(tickets(4)), triage, Duration.ofMillis(300), 10));

      assertEquals(List.of("DL 0 TIMED_OUT 0 java.util.concurrent.TimeoutException -", "DL 1 TIMED_OUT 0 java.util.concurrent.TimeoutException -",
          "DL 2 TIMED_OUT 0 java.util.concurrent.TimeoutException -", "DL 3 TIMED_OUT 0 java.util.concurrent.TimeoutException -"),
          lines.stream().sorted().toList());
    }
  }
}
