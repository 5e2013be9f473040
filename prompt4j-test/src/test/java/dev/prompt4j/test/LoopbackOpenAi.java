package dev.prompt4j.test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * OpenAI chat completions on 127.0.0.1 and a free port, enough for the real langchain4j client: a
 * classify prompt is answered {@code BILLING}; anything else is echoed back with the request's
 * {@code Authorization} header, as a careless proxy might, so a test can prove the key never reaches
 * a recording.
 */
final class LoopbackOpenAi implements AutoCloseable {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** A request as received. */
  record Received(String authorization, JsonNode body) {}

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(2);
  private final List<Received> received = new CopyOnWriteArrayList<>();

  LoopbackOpenAi() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
    server.createContext("/v1/chat/completions", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  /** The base URL as a user configures it, with {@code /v1}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  List<Received> received() {
    return List.copyOf(received);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      JsonNode body = JSON.readTree(exchange.getRequestBody().readAllBytes());
      String authorization = exchange.getRequestHeaders().getFirst("Authorization");
      received.add(new Received(authorization, body));
      JsonNode messages = body.path("messages");
      String last = messages.get(messages.size() - 1).path("content").asText();
      String all = messages.toString();
      String answer = all.contains("BILLING or TECHNICAL") ? "BILLING" : "Echo: " + last + " (auth " + authorization + ")";
      ObjectNode reply = JSON.createObjectNode();
      reply.put("id", "chatcmpl-" + received.size());
      reply.put("object", "chat.completion");
      reply.put("created", 1_756_362_927L);
      reply.put("model", body.path("model").asText());
      ObjectNode choice = reply.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("message").put("role", "assistant").put("content", answer);
      choice.putNull("logprobs");
      choice.put("finish_reason", "stop");
      reply.putObject("usage").put("prompt_tokens", 12).put("completion_tokens", 3).put("total_tokens", 15);
      byte[] bytes = JSON.writeValueAsBytes(reply);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
