package dev.prompt4j.benchmarks;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A minimal OpenAI-compatible chat-completions server on 127.0.0.1 that answers every request after a
 * fixed delay. The delay is a scheduled task, not a sleeping thread, so a thousand waiting requests
 * need no thousand threads here. {@code GET /stats} returns the number of chat requests answered. It
 * stops by itself after {@code lifetimeSeconds}, or when its standard input closes.
 *
 * <p>Run alone: {@code FakeOpenAiServer <delayMillis> <lifetimeSeconds>}; prints {@code PORT <n>}.
 */
public final class FakeOpenAiServer implements AutoCloseable {
  private static final byte[] ANSWER = ("{\"id\":\"chatcmpl-bench\",\"object\":\"chat.completion\",\"created\":1700000000,"
      + "\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"A fixed answer.\"},"
      + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":3,\"total_tokens\":15}}")
      .getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newFixedThreadPool(4);
  private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2);
  private final AtomicLong answered = new AtomicLong();
  private final AtomicLong failures = new AtomicLong();

  public FakeOpenAiServer(long delayMillis) throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    server.setExecutor(handlers);
    server.createContext("/v1/chat/completions", exchange -> {
      exchange.getRequestBody().readAllBytes();
      timer.schedule(() -> answer(exchange), delayMillis, TimeUnit.MILLISECONDS);
    });
    server.createContext("/stats", exchange -> {
      byte[] body = ("{\"answered\":" + answered.get() + ",\"failures\":" + failures.get() + ",\"cpuNanos\":" + cpuNanos() + "}").getBytes(StandardCharsets.UTF_8);
      exchange.sendResponseHeaders(200, body.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
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
}
