package dev.prompt4j.benchmarks;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** A loopback OpenAI chat-completions endpoint that streams a fixed answer as server-sent events. */
public final class FakeOpenAiStreamServer implements AutoCloseable {
  static final String[] PIECES = {"A ", "fixed ", "streamed ", "answer."};
  private static final byte[] EVENTS = events();

  private final HttpServer server;
  private final ExecutorService handlers = Executors.newFixedThreadPool(4);

  public FakeOpenAiStreamServer() throws IOException {
    // Without TCP_NODELAY the JDK server's small writes wait for delayed ACKs (about 40 ms a request).
    System.setProperty("sun.net.httpserver.nodelay", "true");
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 4096);
    server.setExecutor(handlers);
    server.createContext("/v1/chat/completions", exchange -> {
      try (exchange) {
        exchange.getRequestBody().readAllBytes();
        exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
        exchange.sendResponseHeaders(200, EVENTS.length);
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(EVENTS);
        }
      }
    });
    server.start();
  }

  private static byte[] events() {
    StringBuilder sse = new StringBuilder();
    for (String p : PIECES) {
      sse.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
          + "\"delta\":{\"content\":\"").append(p).append("\"},\"finish_reason\":null}]}\n\n");
    }
    sse.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[{\"index\":0,"
        + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
    sse.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"gpt-4o-mini\",\"choices\":[],"
        + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":4,\"total_tokens\":16}}\n\n");
    sse.append("data: [DONE]\n\n");
    return sse.toString().getBytes(StandardCharsets.UTF_8);
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  @Override
  public void close() {
    server.stop(0);
    handlers.shutdownNow();
  }
}
