package dev.prompt4j.flink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * OpenAI chat completions on 127.0.0.1, answering ticket triage: it reads {@code ticket <id>} from the
 * request and echoes the id in its answer, so a mixed-up answer shows. A ticket whose text says {@code
 * reask} gets an invalid urgency the first time, one that says {@code poison} every time. Fixed
 * latency; optionally a limit per window, beyond which it answers 429 with {@code Retry-After}.
 */
final class FakeOpenAi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern TICKET = Pattern.compile("ticket (\\d+)");

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fake-openai");
    t.setDaemon(true);
    return t;
  });
  private final long latencyMillis;
  private final List<Long> accepted = new ArrayList<>(); // arrival times (ns) of requests answered 200
  private final Map<Long, AtomicInteger> requestsPerTicket = new ConcurrentHashMap<>();
  private final AtomicInteger throttled = new AtomicInteger();
  private volatile int limit;           // 0: none
  private volatile long limitWindowNanos;
  private volatile int retryAfterSeconds = 1;

  FakeOpenAi(long latencyMillis) throws IOException {
    this.latencyMillis = latencyMillis;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 256);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** Answers 429 to a request that would make more than {@code requests} in the trailing {@code windowMillis}. */
  FakeOpenAi limit(int requests, long windowMillis, int retryAfter) {
    this.limit = requests;
    this.limitWindowNanos = windowMillis * 1_000_000;
    this.retryAfterSeconds = retryAfter;
    return this;
  }

  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  Map<String, String> properties() {
    return Map.of("prompt4j.providers.openai.base-url", baseUrl(), "prompt4j.providers.openai.api-key", "test-key");
  }

  int requests(long ticket) {
    AtomicInteger n = requestsPerTicket.get(ticket);
    return n == null ? 0 : n.get();
  }

  int totalRequests() {
    return requestsPerTicket.values().stream().mapToInt(AtomicInteger::get).sum();
  }

  int throttled() {
    return throttled.get();
  }

  /** The most requests answered 200 in any window of {@code windowMillis}. */
  synchronized int maxAcceptedInAnyWindow(long windowMillis) {
    long window = windowMillis * 1_000_000;
    int max = 0;
    for (int i = 0, j = 0; i < accepted.size(); i++) {
      while (j < accepted.size() && accepted.get(j) - accepted.get(i) < window) j++;
      max = Math.max(max, j - i);
    }
    return max;
  }

  /** First to last accepted request, in nanoseconds. */
  synchronized long acceptedSpanNanos() {
    return accepted.size() < 2 ? 0 : accepted.get(accepted.size() - 1) - accepted.get(0);
  }

  synchronized int acceptedCount() {
    return accepted.size();
  }

  private synchronized boolean admit(long now) {
    if (limit > 0) {
      int inWindow = 0;
      for (int i = accepted.size() - 1; i >= 0 && now - accepted.get(i) < limitWindowNanos; i--) inWindow++;
      if (inWindow >= limit) {
        return false;
      }
    }
    accepted.add(now);
    return true;
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      long now = System.nanoTime();
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      JsonNode request = JSON.readTree(body);
      String firstUser = "";
      for (JsonNode m : request.path("messages")) {
        if (m.path("role").asText().equals("user")) {
          firstUser = m.path("content").asText();
          break;
        }
      }
      Matcher matcher = TICKET.matcher(firstUser);
      long id = matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
      if (!admit(now)) {
        throttled.incrementAndGet();
        exchange.getResponseHeaders().set("Retry-After", Integer.toString(retryAfterSeconds));
        send(exchange, 429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\",\"code\":\"rate_limit_exceeded\"}}");
        return;
      }
      int attempt = requestsPerTicket.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
      if (latencyMillis > 0) Thread.sleep(latencyMillis);
      boolean invalid = firstUser.contains("poison") || (firstUser.contains("reask") && attempt == 1);
      String category = firstUser.contains("invoice") ? "BILLING" : "TECHNICAL";
      String answer = "{\"id\":" + id + ",\"category\":\"" + category + "\",\"urgency\":" + (invalid ? 9 : 1 + id % 5) + "}";
      send(exchange, 200, completion(request.path("model").asText(), answer));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (IOException e) {
      // the client went away
    }
  }

  private static String completion(String model, String content) throws IOException {
    ObjectNode out = JSON.createObjectNode();
    out.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1756362927L).put("model", model);
    ObjectNode choice = out.putArray("choices").addObject();
    choice.put("index", 0);
    choice.putObject("message").put("role", "assistant").put("content", content);
    choice.put("finish_reason", "stop");
    out.putObject("usage").put("prompt_tokens", 40).put("completion_tokens", 10).put("total_tokens", 50);
    return JSON.writeValueAsString(out);
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    exchange.sendResponseHeaders(status, bytes.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
