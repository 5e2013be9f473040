package dev.prompt4j.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal OpenAI-compatible chat-completions server on 127.0.0.1 that answers every request after a
 * fixed delay. The delay is a scheduled task, not a sleeping thread, so a thousand waiting requests
 * need no thousand threads here. {@code GET /stats} returns the number of chat requests received and
 * answered, the connections they came on, how many asked for an HTTP/2 upgrade, and this JVM's CPU time.
 * {@code GET /hold} keeps every answer from then on until {@code GET /release}, so a burst can be held
 * in flight while the client's heap is measured. It stops by itself after {@code lifetimeSeconds}, or
 * when its standard input closes.
 *
 * <p>Run alone: {@code FakeOpenAiServer <delayMillis> <lifetimeSeconds>}; prints {@code PORT <n>}.
 */
public final class FakeOpenAiServer implements AutoCloseable {
  static final byte[] ANSWER = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1700000000,"
      + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"A fixed answer.\"},"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}")
      .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newFixedThreadPool(4);
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong upgrades = new AtomicLong();
  private final AtomicLong requestBytes = new AtomicLong();
  private final java.util.Set<java.net.InetSocketAddress> connections = java.util.concurrent.ConcurrentHashMap.newKeySet();
  private final java.util.List<HttpExchange> held = new java.util.ArrayList<>(); // guarded by itself
  private volatile boolean holding;

  public FakeOpenAiServer(long delayMillis) throws IOException {
    // Headers and body go out in two writes: without TCP_NODELAY, Nagle's algorithm holds the body until
    // the client's delayed ACK, adding about 40 ms to every answer. Read once, when the server classes load.
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    server.setExecutor(handlers);
    server.createContext("/v1/chat/completions", exchange -> {
      requestBytes.addAndGet(exchange.getRequestBody().readAllBytes().length);
      received.incrementAndGet();
      connections.add(exchange.getRemoteAddress());
      if (exchange.getRequestHeaders().containsKey("Upgrade")) {
        upgrades.incrementAndGet();
      }
      if (holding) {
        synchronized (held) {
          if (holding) {
            held.add(exchange);
            return;
          }
        }
      }
      if (delayMillis <= 0) {
        answer(exchange);
      } else {
        timer.schedule(() -> answer(exchange), delayMillis, TimeUnit.MILLISECONDS);
      }
    });
    server.createContext("/stats", exchange -> {
      reply(exchange, "{\"answered\":" + answered.get() + ",\"failures\":" + failures.get() + ",\"received\":" + received.get()
          + ",\"connections\":" + connections.size() + ",\"upgrades\":" + upgrades.get() + ",\"requestBytes\":" + requestBytes.get()
          + ",\"cpuNanos\":" + cpuNanos() + "}");
    });
    server.createContext("/hold", exchange -> {
      holding = true;
      reply(exchange, "{}");
    });
    server.createContext("/release", exchange -> {
      List<HttpExchange> waiting;
      synchronized (held) {
        holding = false;
        waiting = new java.util.ArrayList<>(held);
        held.clear();
      }
      for (HttpExchange e : waiting) {
        timer.execute(() -> answer(e));
      }
      reply(exchange, "{\"released\":" + waiting.size() + "}");
    });
    server.start();
  }

  private void answer(HttpExchange exchange) {
    try (exchange) {
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, ANSWER.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(ANSWER);
      }
      answered.incrementAndGet();
    } catch (IOException | RuntimeException e) {
      failures.incrementAndGet();
    }
  }

  private static void reply(HttpExchange exchange, String json) throws IOException {
    byte[] body = json.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(200, body.length);
    try (OutputStream out = exchange.getResponseBody()) {
      out.write(body);
    }
  }

  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    timer.shutdownNow();
    handlers.shutdownNow();
  }

  public static void main(String[] args) throws Exception {
    long delay = args.length > 0 ? Long.parseLong(args[0]) : 100;
    long lifetime = args.length > 1 ? Long.parseLong(args[1]) : 600;
    FakeOpenAiServer server = new FakeOpenAiServer(delay);
    System.out.println("PORT " + server.port());
    System.out.flush();
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // wait for the parent to close our input
        }
      } catch (IOException e) {
        // parent gone
      }
      System.exit(0);
    });
    watchdog.setDaemon(true);
    watchdog.start();
    Thread.sleep(TimeUnit.SECONDS.toMillis(lifetime));
    System.exit(0);
  }

  /** CPU time this server's JVM has used, for telling a CPU-bound burst from a waiting one. */
  static long cpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
  }

  /** {@code GET path} on the server at {@code port} (for {@code /hold} and {@code /release}); the body. */
  static String get(int port, String path) throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + path)).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
  }

  /** The server's counters: {@code received}, {@code answered}, {@code connections}, {@code upgrades}, {@code cpuNanos}... */
  static java.util.Map<String, Long> stats(int port) throws Exception {
    java.util.Map<String, Long> values = new java.util.LinkedHashMap<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\w+)\":(\\d+)").matcher(get(port, "/stats"));
    while (m.find()) {
      values.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return values;
  }
}
