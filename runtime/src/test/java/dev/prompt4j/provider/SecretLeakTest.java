package dev.prompt4j.provider;

import static dev.prompt4j.provider.LoopbackModels.KEY;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.internal.call.RetryPolicy;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every provider, every failure this test can drive: the key, and so the {@code Authorization}, {@code
 * x-api-key} and {@code x-goog-api-key} values built from it, never appear in an exception's message,
 * its causes, its stack trace, the retry policy's description, the client's or the settings' {@code
 * toString}, or anything logged through SLF4J or JUL while it happened.
 */
class SecretLeakTest {
  /** A key with a line break: the header cannot be sent, and the message must not quote it. */
  private static final String BROKEN_KEY = KEY + "\r\nX-Injected: 1";

  private FaultServer server;

  @BeforeEach
  void start() throws Exception {
    server = new FaultServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  static Stream<Arguments> failures() {
    List<String> paths = List.of("401", "429", "500", "malformed body", "stall", "cap exceeded", "connection refused", "bad header value");
    List<Arguments> all = new ArrayList<>();
    for (String provider : LoopbackModels.HTTP_PROVIDERS) {
      for (String path : paths) {
        all.add(Arguments.of(provider, path));
      }
    }
    return all.stream();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("failures")
  void theKeyIsInNoMessageCauseStackTraceOrLog(String provider, String path) throws Exception {
    String root = server.baseUrl();
    String key = KEY;
    Map<String, String> options = Map.of();
    switch (path) {
      case "401" -> server.enqueue(FaultServer.status(401, "{\"error\":{\"message\":\"Incorrect API key provided\",\"code\":\"invalid_api_key\"}}"));
      case "429" -> server.enqueue(FaultServer.status(429, "application/json", "{\"error\":{\"message\":\"slow down\"}}".getBytes(), Map.of("Retry-After", "1")));
      case "500" -> server.enqueue(FaultServer.status(500, "{\"error\":{\"message\":\"oops\"}}"));
      case "malformed body" -> server.enqueue(FaultServer.status(200, "{\"id\": \"x\", \"choices\": ["));
      case "stall" -> server.enqueue(FaultServer.stall(0.5));
      case "cap exceeded" -> {
        server.enqueue(FaultServer.huge(1_000_000, false));
        options = Map.of("max-response-bytes", "64KiB");
      }
      case "connection refused" -> root = deadRoot();
      case "bad header value" -> key = BROKEN_KEY;
      default -> throw new IllegalArgumentException(path);
    }
    String base = root;
    String configured = key;
    Map<String, String> opts = options;
    List<Throwable> thrown = new ArrayList<>();
    List<String> logged = CapturedLogs.capture(() -> {
      org.slf4j.LoggerFactory.getLogger(SecretLeakTest.class).debug("probe {}", path); // proves the capture works
      try {
        ChatModel model = LoopbackModels.model(provider, base, configured, Duration.ofMillis(600), opts);
        thrown.add(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> assertThrows(RuntimeException.class, () -> LoopbackModels.ask(model))));
        thrown.get(0).addSuppressed(new Exception("client: " + model));
      } catch (RuntimeException buildFailure) {
        thrown.add(buildFailure); // the provider refused the key before building a client
      }
    });
    Throwable e = thrown.get(0);
    String everything = stackTrace(e) + "\n" + causeMessages(e) + "\n" + RetryPolicy.classify(e) + "\n" + String.join("\n", logged)
        + "\n" + new ProviderSettings(provider, configured, base, null, null, opts);

    assertAll(
        () -> org.junit.jupiter.api.Assertions.assertTrue(logged.get(0).endsWith("probe " + path), logged.toString()),
        () -> assertFalse(everything.contains(KEY), "the key leaked:\n" + everything),
        () -> assertFalse(everything.contains("Bearer "), "an Authorization value leaked:\n" + everything),
        () -> assertFalse(everything.contains("X-Injected"), "the broken header leaked:\n" + everything));
  }

  private static String deadRoot() throws Exception {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  private static String causeMessages(Throwable e) {
    StringBuilder all = new StringBuilder();
    for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
      all.append(t).append(" | ").append(t.getMessage()).append(" | ").append(t.getLocalizedMessage()).append('\n');
    }
    return all.toString();
  }

  private static String stackTrace(Throwable e) {
    StringWriter out = new StringWriter();
    e.printStackTrace(new PrintWriter(out));
    return out.toString();
  }
}
