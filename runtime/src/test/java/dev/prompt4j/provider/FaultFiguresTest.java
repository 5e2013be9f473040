package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.internal.call.RetryPolicy;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each transport fault against the real provider clients over loopback, sent through the retry
 * policy's classification and retry decision, then 1,000 calls with faults at random in 20% of the
 * answers. Every call ends exactly once: answered with its own answer, or failed with a typed
 * exception. Writes {@code target/reliability.md}. Waits between retries are recorded, not slept.
 */
class FaultFiguresTest {
  private static final Pattern TOKEN = Pattern.compile("call-(\\d+)");
  private static final int MAX_RETRIES = 2;

  private FaultServer server;
  private final List<Duration> waits = new ArrayList<>();
  private final RetryPolicy policy = new RetryPolicy(Duration.ofMillis(500), Duration.ofSeconds(20), waits::add, new Random(7)::nextDouble);

  /** How one call ended. */
  record Outcome(String answer, RuntimeException failure, int attempts, List<String> retried) {}

  @BeforeEach
  void start() throws Exception {
    server = new FaultServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /** The answer to a request names the call it answers, so a mixed-up or doubled answer shows. */
  private static FaultServer.Fault echo() {
    return (request, socket, out, server) -> {
      Matcher m = TOKEN.matcher(request.body());
      FaultServer.ok("answer to " + (m.find() ? m.group() : "?")).answer(request, socket, out, server);
    };
  }

  /** The retry loop the runtime runs, with the policy's own classification and decision. */
  private int transportFailures;

  private Outcome call(ChatModel model, String token) {
    List<String> retried = new ArrayList<>();
    for (int retry = 0; ; retry++) {
      try {
        return new Outcome(LoopbackModels.ask(model, "Hello from " + token), null, retry + 1, retried);
      } catch (RuntimeException e) {
        RetryPolicy.Failure failure = RetryPolicy.classify(e);
        if (failure.statusCode() == 0) {
          transportFailures++; // no HTTP answer: a time-out or a reset may have ended it before the server read it
        }
        Duration wait = failure.retriable() && retry < MAX_RETRIES ? policy.delay(failure, retry) : null;
        if (wait == null) {
          return new Outcome(null, e, retry + 1, retried);
        }
        waits.add(wait);
        retried.add(failure.description());
      }
    }
  }

  private static final byte[] HTML = "<html><head><title>502 Bad Gateway</title></head><body><h1>Bad Gateway</h1></body></html>"
      .getBytes(StandardCharsets.UTF_8);

  record Scenario(String name, String provider, FaultServer.Fault fault, boolean retriable) {}

  static List<Scenario> scenarios() {
    String error = "{\"error\":{\"message\":\"try later\"}}";
    return List.of(
        new Scenario("429 with Retry-After: 2", "openai",
            FaultServer.status(429, "application/json", error.getBytes(StandardCharsets.UTF_8), Map.of("Retry-After", "2")), true),
        new Scenario("429 without Retry-After", "openai", FaultServer.status(429, error), true),
        new Scenario("500", "openai", FaultServer.status(500, error), true),
        new Scenario("502", "gemini", FaultServer.status(502, error), true),
        new Scenario("503", "openai", FaultServer.status(503, error), true),
        new Scenario("529 overloaded", "anthropic",
            FaultServer.status(529, "{\"type\":\"error\",\"error\":{\"type\":\"overloaded_error\",\"message\":\"Overloaded\"}}"), true),
        new Scenario("reset before headers", "openai", FaultServer.reset(-1), true),
        new Scenario("reset mid-body", "anthropic", FaultServer.reset(0.5), true),
        new Scenario("stalled body", "gemini", FaultServer.stall(0.5), true),
        new Scenario("malformed JSON (200)", "openai", FaultServer.status(200, "{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":"), false),
        new Scenario("empty body (200)", "anthropic", FaultServer.status(200, ""), false),
        new Scenario("HTML error page (502)", "openai", FaultServer.status(502, "text/html", HTML, Map.of()), true),
        new Scenario("HTML page (200)", "gemini", FaultServer.status(200, "text/html", HTML, Map.of()), false));
  }

  @Test
  void everyFaultIsRetriedOrFailedAsClassifiedAndNoCallIsLostOrAnsweredTwice() throws Exception {
    StringBuilder report = new StringBuilder("# Reliability figures\n\nWritten by `FaultFiguresTest` (`mvn verify`): real langchain4j clients,"
        + " loopback servers, Prompt4j's `RetryPolicy` (max-retries " + MAX_RETRIES + ", waits recorded, not slept).\n\n"
        + "## One fault, then a good answer\n\n| fault | provider | requests | outcome | first failure as classified | wait |\n|---|---|---|---|---|---|\n");
    int call = 0;
    for (Scenario s : scenarios()) {
      // A short time-out only where the fault is a stall: elsewhere a loaded machine must not turn a slow answer
      // into an extra attempt the count below would not expect.
      Duration timeout = s.name().startsWith("stalled") ? Duration.ofMillis(400) : Duration.ofSeconds(10);
      ChatModel model = LoopbackModels.model(s.provider(), server.baseUrl(), timeout, Map.of());
      int before = server.requests().size();
      waits.clear();
      server.enqueue(s.fault());
      if (s.retriable()) {
        server.enqueue(echo());
      }
      String token = "call-" + call++;

      Outcome o = call(model, token);

      int requests = server.requests().size() - before;
      assertEquals(o.attempts(), requests, s.name() + ": every attempt is one request");
      if (s.retriable()) {
        assertEquals("answer to " + token, o.answer(), s.name());
        assertEquals(2, o.attempts(), s.name());
      } else {
        assertEquals(null, o.answer(), s.name() + " " + o.retried());
        assertEquals(1, o.attempts(), s.name() + " is not retried");
        assertTrue(o.failure() instanceof ProviderResponseException, s.name() + ": " + o.failure());
      }
      String first = s.retriable() ? o.retried().get(0) : RetryPolicy.classify(o.failure()).description();
      report.append("| ").append(s.name()).append(" | ").append(s.provider()).append(" | ").append(requests).append(" | ")
          .append(o.answer() != null ? "retried, answered" : "failed: " + o.failure().getClass().getSimpleName())
          .append(" | ").append(cell(first)).append(" | ").append(waits.isEmpty() ? "-" : waits.get(0).toMillis() + " ms").append(" |\n");
    }
    assertEquals(Duration.ofSeconds(2), firstWaitOf429WithRetryAfter());

    report.append(randomFaults());
    report.append(corpusShares());
    Path out = Path.of(System.getProperty("basedir", "."), "target", "reliability.md");
    Files.createDirectories(out.getParent());
    Files.writeString(out, report.toString());
  }

  private Duration firstWaitOf429WithRetryAfter() {
    waits.clear();
    server.enqueue(scenarios().get(0).fault(), echo());
    call(LoopbackModels.model("openai", server.baseUrl(), Duration.ofMillis(400), Map.of()), "call-x");
    return waits.get(0);
  }

  /** 1,000 calls, a fault at random (seeded) in 20% of the answers. */
  private String randomFaults() {
    Random random = new Random(2024);
    List<Scenario> faults = scenarios();
    Map<String, Integer> injected = new TreeMap<>();
    server.otherwise(request -> {
      if (random.nextDouble() >= 0.2) {
        return echo();
      }
      Scenario s = faults.get(random.nextInt(faults.size()));
      injected.merge(s.name(), 1, Integer::sum);
      return s.fault();
    });
    Map<String, ChatModel> models = new TreeMap<>();
    for (String p : List.of("openai", "anthropic", "gemini")) {
      models.put(p, LoopbackModels.model(p, server.baseUrl(), Duration.ofMillis(250), Map.of()));
    }
    int before = server.requests().size();
    transportFailures = 0;
    int answered = 0;
    int attempts = 0;
    int retries = 0;
    Map<String, Integer> failures = new TreeMap<>();
    for (int i = 0; i < 1000; i++) {
      String token = "call-" + (10_000 + i);
      Outcome o = call(models.get(List.of("openai", "anthropic", "gemini").get(i % 3)), token);
      attempts += o.attempts();
      retries += o.retried().size();
      if (o.answer() != null) {
        assertEquals("answer to " + token, o.answer(), "a call got another call's answer");
        answered++;
      } else {
        failures.merge(o.failure().getClass().getSimpleName(), 1, Integer::sum);
      }
    }
    int failed = failures.values().stream().mapToInt(Integer::intValue).sum();
    assertEquals(1000, answered + failed, "every call ends exactly once");
    // Every attempt is one request: none the calls did not make, and none lost. The only attempts the server may not
    // have seen are those that ended without an HTTP answer (on a loaded machine a 250 ms time-out can end one before
    // the server reads it); an attempt that got an answer and is missing would be a lost request.
    int seen = server.requests().size() - before;
    assertTrue(seen <= attempts, "the server saw " + seen + " requests for " + attempts + " attempts");
    assertTrue(attempts - seen <= transportFailures, (attempts - seen) + " attempts missing at the server, but only "
        + transportFailures + " ended without an HTTP answer");
    StringBuilder r = new StringBuilder("\n## 1,000 calls, faults in 20% of answers (seed 2024)\n\n| figure | value |\n|---|---|\n");
    r.append("| calls | 1000 |\n| answered | ").append(answered).append(" |\n| failed (typed) | ").append(failed).append(" |\n");
    r.append("| requests sent | ").append(attempts).append(" |\n| retries | ").append(retries).append(" |\n");
    failures.forEach((type, n) -> r.append("| failed with ").append(type).append(" | ").append(n).append(" |\n"));
    r.append("\nFaults injected: ").append(injected).append("\n");
    return r.toString();
  }

  /** The shares of the malformed-answer corpus, counted from its case lists. */
  private static String corpusShares() throws Exception {
    Class<?> corpus = Class.forName("dev.prompt4j.output.MalformedAnswerCorpusTest");
    long tolerated = count(corpus, "tolerated");
    long reasked = count(corpus, "repairedByReask");
    long failed = count(corpus, "neverRepaired");
    long all = tolerated + reasked + failed;
    return "\n## Malformed answer corpus (" + all + " cases)\n\n| outcome | cases | share |\n|---|---|---|\n"
        + row("repaired without a re-ask", tolerated, all) + row("repaired by a re-ask", reasked, all)
        + row("failed, every attempt kept", failed, all);
  }

  private static long count(Class<?> corpus, String source) throws Exception {
    Method m = corpus.getDeclaredMethod(source);
    m.setAccessible(true);
    return ((Stream<?>) m.invoke(null)).count();
  }

  private static String row(String name, long n, long all) {
    return "| " + name + " | " + n + " | " + Math.round(100.0 * n / all) + "% |\n";
  }

  private static String cell(String text) {
    String t = text.replace("|", "/").replaceAll("\\s+", " ");
    return t.length() > 110 ? t.substring(0, 110) + "..." : t;
  }
}
