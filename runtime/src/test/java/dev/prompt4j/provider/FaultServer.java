package dev.prompt4j.provider;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A provider stand-in on a raw socket (127.0.0.1, free port), for what {@link com.sun.net.httpserver.HttpServer}
 * cannot do: stall after the headers or mid-body, reset the connection, stream a body of any length
 * generated on the fly, send bytes that are not UTF-8. One request per connection ({@code Connection:
 * close}). Successes are answered in the wire format the path asks for (OpenAI, Anthropic, Gemini).
 */
final class FaultServer implements AutoCloseable {
  static final ObjectMapper JSON = new ObjectMapper();

  /** A request as received; header names in lower case. */
  record Request(String path, Map<String, String> headers, String body) {}

  /** What the server does with one request. */
  @FunctionalInterface
  interface Fault {
    void answer(Request request, Socket socket, OutputStream out, FaultServer server) throws IOException;
  }

  private final ServerSocket socket;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "fault-server");
    t.setDaemon(true);
    return t;
  });
  private final ConcurrentLinkedQueue<Fault> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();
  private final CountDownLatch closed = new CountDownLatch(1);
  /** Body bytes the last streamed answer got onto the wire before the client hung up. */
  final AtomicLong streamed = new AtomicLong();
  private volatile Function<Request, Fault> fallback = r -> ok("pong");

  FaultServer() throws IOException {
    socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    threads.execute(this::acceptLoop);
  }

  String baseUrl() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  FaultServer enqueue(Fault... faults) {
    script.addAll(List.of(faults));
    return this;
  }

  /** Answers with {@code chooser} when the script is empty. */
  FaultServer otherwise(Function<Request, Fault> chooser) {
    this.fallback = chooser;
    return this;
  }

  List<Request> requests() {
    return new ArrayList<>(requests);
  }

  private void acceptLoop() {
    while (!socket.isClosed()) {
      try {
        Socket connection = socket.accept();
        threads.execute(() -> serve(connection));
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void serve(Socket connection) {
    try (connection) {
      connection.setSoTimeout(30_000);
      Request request = read(connection.getInputStream());
      if (request == null) {
        return;
      }
      requests.add(request);
      Fault fault = script.poll();
      (fault == null ? fallback.apply(request) : fault).answer(request, connection, connection.getOutputStream(), this);
    } catch (IOException e) {
      // the client hung up: what these tests provoke
    }
  }

  private static Request read(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    while (matched < 4) {
      int b = in.read();
      if (b < 0) {
        return null;
      }
      head.write(b);
      matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
      if (head.size() > 64 * 1024) {
        throw new IOException("request head too long");
      }
    }
    String[] lines = head.toString(StandardCharsets.ISO_8859_1).split("\r\n");
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      int colon = lines[i].indexOf(':');
      if (colon > 0) {
        headers.put(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).strip());
      }
    }
    int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
    byte[] body = in.readNBytes(length);
    String target = lines[0].split(" ")[1];
    int query = target.indexOf('?');
    return new Request(query < 0 ? target : target.substring(0, query), headers, new String(body, StandardCharsets.UTF_8));
  }

  /** Waits until the server closes, at most {@code seconds}: a stalled answer's "forever". */
  void stall(int seconds) {
    try {
      closed.await(seconds, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // ---- faults ----

  static byte[] head(int status, String contentType, long length, Map<String, String> extra) {
    StringBuilder h = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(status < 300 ? "OK" : "Error").append("\r\n");
    h.append("Content-Type: ").append(contentType).append("\r\nConnection: close\r\n");
    if (length >= 0) {
      h.append("Content-Length: ").append(length).append("\r\n");
    } else {
      h.append("Transfer-Encoding: chunked\r\n");
    }
    extra.forEach((k, v) -> h.append(k).append(": ").append(v).append("\r\n"));
    return h.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
  }

  /** A complete answer with this status, body and headers. */
  static Fault status(int status, String contentType, byte[] body, Map<String, String> headers) {
    return (request, socket, out, server) -> {
      out.write(head(status, contentType, body.length, headers));
      out.write(body);
      out.flush();
    };
  }

  static Fault status(int status, String body) {
    return status(status, "application/json", body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** A success in the request's wire format with {@code text} as the answer. */
  static Fault ok(String text) {
    return (request, socket, out, server) -> status(200, success(request, text)).answer(request, socket, out, server);
  }

  /** Headers (announcing a whole success), then {@code fraction} of the body, then nothing until the client gives up. */
  static Fault stall(double fraction) {
    return (request, socket, out, server) -> {
      byte[] body = success(request, "a stalled answer").getBytes(StandardCharsets.UTF_8);
      out.write(head(200, "application/json", body.length, Map.of()));
      out.write(body, 0, (int) (body.length * fraction));
      out.flush();
      server.stall(60);
    };
  }

  /** Headers and {@code fraction} of the body, then a TCP reset ({@code fraction < 0}: reset before any byte). */
  static Fault reset(double fraction) {
    return (request, socket, out, server) -> {
      if (fraction >= 0) {
        byte[] body = success(request, "a cut answer").getBytes(StandardCharsets.UTF_8);
        out.write(head(200, "application/json", body.length, Map.of()));
        out.write(body, 0, (int) (body.length * fraction));
        out.flush();
      }
      socket.setSoLinger(true, 0);
      socket.close();
    };
  }

  /**
   * A success whose body is {@code total} bytes generated while sending (an endless JSON string of
   * {@code x}), announced with its length or chunked; counts what got onto the wire in {@link #streamed}.
   */
  static Fault huge(long total, boolean declareLength) {
    return (request, socket, out, server) -> {
      server.streamed.set(0);
      byte[] chunk = new byte[64 * 1024];
      java.util.Arrays.fill(chunk, (byte) 'x');
      out.write(head(200, "application/json", declareLength ? total : -1, Map.of()));
      long sent = 0;
      while (sent < total) {
        int n = (int) Math.min(chunk.length, total - sent);
        if (!declareLength) {
          out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
        }
        out.write(chunk, 0, n);
        if (!declareLength) {
          out.write("\r\n".getBytes(StandardCharsets.ISO_8859_1));
        }
        sent += n;
        server.streamed.set(sent);
      }
      if (!declareLength) {
        out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
      }
      out.flush();
    };
  }

  /** A success body in the wire format of {@code request}'s path. */
  static String success(Request request, String text) throws IOException {
    String model = request.body().isBlank() ? "unknown" : JSON.readTree(request.body()).path("model").asText("unknown");
    ObjectNode out = JSON.createObjectNode();
    if (request.path().endsWith("/chat/completions")) {
      out.put("id", "chatcmpl-1").put("object", "chat.completion").put("created", 1756362927L).put("model", model);
      ObjectNode choice = out.putArray("choices").addObject();
      choice.put("index", 0);
      choice.putObject("message").put("role", "assistant").put("content", text);
      choice.put("finish_reason", "stop");
      out.putObject("usage").put("prompt_tokens", 14).put("completion_tokens", 7).put("total_tokens", 21);
    } else if (request.path().endsWith("/messages")) {
      out.put("id", "msg_1").put("type", "message").put("role", "assistant").put("model", model);
      out.putArray("content").addObject().put("type", "text").put("text", text);
      out.put("stop_reason", "end_turn").putNull("stop_sequence");
      out.putObject("usage").put("input_tokens", 10).put("output_tokens", 5);
    } else {
      ObjectNode candidate = out.putArray("candidates").addObject();
      candidate.putObject("content").put("role", "model").putArray("parts").addObject().put("text", text);
      candidate.put("finishReason", "STOP").put("index", 0);
      out.putObject("usageMetadata").put("promptTokenCount", 10).put("candidatesTokenCount", 5).put("totalTokenCount", 15);
    }
    return JSON.writeValueAsString(out);
  }

  @Override
  public void close() {
    closed.countDown();
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
    threads.shutdownNow();
  }
}
