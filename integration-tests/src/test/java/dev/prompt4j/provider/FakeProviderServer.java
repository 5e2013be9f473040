package dev.prompt4j.provider;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local stand-in for the providers' HTTP APIs, on 127.0.0.1 and a free port: OpenAI chat completions
 * (also Ollama's {@code /v1}), Anthropic messages and Gemini generateContent, told apart by path. It
 * records every request and answers from a queue of scripted replies, or with a success in the
 * request's format when the queue is empty.
 */
final class FakeProviderServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A request as received; header names in lower case. */
  record Recorded(String method, String path, String query, Map<String, String> headers, String body) {
    JsonNode json() {
      try {
        return JSON.readTree(body);
      } catch (IOException e) {
        throw new AssertionError("request body is not JSON: " + body, e);
      }
    }

    String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }
  }

  /** A scripted answer: a success with {@code text} in the request's format, or a raw status and body. */
  record Reply(int status, String text, String rawBody, Map<String, String> headers, long delayMillis) {
    static Reply ok(String text) {
      return new Reply(200, text, null, Map.of(), 0);
    }

    static Reply raw(int status, String body) {
      return new Reply(status, null, body, Map.of(), 0);
    }

    Reply header(String name, String value) {
      Map<String, String> h = new HashMap<>(headers);
      h.put(name, value);
      return new Reply(status, text, rawBody, h, delayMillis);
    }

    Reply delayed(long millis) {
      return new Reply(status, text, rawBody, headers, millis);
    }
  }

  private final HttpServer server;
  private final ExecutorService threads = Executors.newFixedThreadPool(4);
  private final ConcurrentLinkedQueue<Reply> replies = new ConcurrentLinkedQueue<>();
  private final List<Recorded> requests = new CopyOnWriteArrayList<>();
  private volatile String defaultText = "pong";

  private FakeProviderServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
    server.createContext("/", this::handle);
    server.setExecutor(threads);
    server.start();
  }

  static FakeProviderServer start() throws IOException {
    return new FakeProviderServer();
  }

  /** {@code http://127.0.0.1:<port>}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  FakeProviderServer enqueue(Reply... scripted) {
    replies.addAll(List.of(scripted));
    return this;
  }

  FakeProviderServer defaultText(String text) {
    this.defaultText = text;
    return this;
  }

  void clearRequests() {
    requests.clear();
  }

  List<Recorded> requests() {
    return new ArrayList<>(requests);
  }

  /** A base URL where nothing listens: the port was free a moment ago and is closed again. */
  static String deadBaseUrl() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
      return "http://127.0.0.1:" + socket.getLocalPort();
    }
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      Map<String, String> headers = new HashMap<>();
      exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(",", values)));
      String path = exchange.getRequestURI().getPath();
      requests.add(new Recorded(exchange.getRequestMethod(), path, exchange.getRequestURI().getQuery(), Map.copyOf(headers), body));
      Reply reply = replies.poll();
      if (reply == null) {
        reply = Reply.ok(defaultText);
      }
      if (reply.delayMillis() > 0) {
        try {
          Thread.sleep(reply.delayMillis()); // a slow server, for the client's time-out
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
      String answer = reply.rawBody() != null ? reply.rawBody() : success(path, body, reply.text());
      byte[] bytes = answer.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      reply.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
      exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(bytes);
        }
      }
    } catch (IOException e) {
      // The client gave up (a time-out test): nothing to answer.
    }
  }

  private static String success(String path, String requestBody, String text) throws IOException {
    JsonNode request = requestBody.isBlank() ? JSON.createObjectNode() : JSON.readTree(requestBody);
    ObjectNode out = JSON.createObjectNode();
    if (path.endsWith("/chat/completions")) {
      out.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1756362927L)
          .put("model", request.path("model").asText("unknown"));
      ObjectNode choice = out.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("message").put("role", "assistant").put("content", text);
      choice.putNull("logprobs");
      choice.put("finish_reason", "stop");
      out.putObject("usage").put("prompt_tokens", 14).put("completion_tokens", 7).put("total_tokens", 21);
    } else if (path.endsWith("/messages")) {
      out.put("id", "msg_1").put("type", "message").put("role", "assistant").put("model", request.path("model").asText("unknown"));
      out.putArray("content").addObject().put("type", "text").put("text", text);
      out.put("stop_reason", "end_turn").putNull("stop_sequence");
      out.putObject("usage").put("input_tokens", 10).put("output_tokens", 5);
    } else if (path.endsWith(":generateContent")) {
      ObjectNode candidate = out.putArray("candidates").addObject();
      ObjectNode content = candidate.putObject("content");
      content.put("role", "model");
      content.putArray("parts").addObject().put("text", text);
      candidate.put("finishReason", "STOP").put("index", 0);
      out.putObject("usageMetadata").put("promptTokenCount", 10).put("candidatesTokenCount", 5).put("totalTokenCount", 15);
      out.put("modelVersion", path.replaceAll(".*/models/([^:]+):generateContent", "$1"));
    } else {
      out.putObject("error").put("message", "no such endpoint " + path);
    }
    return JSON.writeValueAsString(out);
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }
}
