package dev.prompt4j.provider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A loopback (127.0.0.1) server that streams server-sent events in each provider's wire format, cut
 * into pieces of a few bytes written one by one (so pieces end inside UTF-8 characters, JSON tokens
 * and events), and that can stop before the final event, stall, answer 429, or watch for the client
 * to close the connection. One request per connection.
 */
final class SseServer implements AutoCloseable {
  /** What to do with the next request. */
  enum Mode { COMPLETE, CUT, STALL, RATE_LIMITED }

  private final ServerSocket socket;
  private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "sse-server");
    t.setDaemon(true);
    return t;
  });
  private final List<Mode> script = new CopyOnWriteArrayList<>();
  final List<String> paths = new CopyOnWriteArrayList<>();
  final List<String> bodies = new CopyOnWriteArrayList<>();
  /** Completes when a client closes the connection while the server still streams. */
  final CompletableFuture<Long> clientClosedAfterBytes = new CompletableFuture<>();
  private final String provider;
  private final List<String> pieces;
  private final int split;

  SseServer(String provider, List<String> pieces, int split, Mode... modes) throws IOException {
    this.provider = provider;
    this.pieces = pieces;
    this.split = split;
    script.addAll(List.of(modes));
    socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
    threads.execute(this::accept);
  }

  String root() {
    return "http://127.0.0.1:" + socket.getLocalPort();
  }

  private void accept() {
    while (!socket.isClosed()) {
      try {
        Socket s = socket.accept();
        threads.execute(() -> serve(s));
      } catch (IOException e) {
        return;
      }
    }
  }

  private void serve(Socket s) {
    try (s) {
      InputStream in = s.getInputStream();
      String head = readHead(in);
      int length = 0;
      for (String line : head.split("\r\n")) {
        if (line.toLowerCase().startsWith("content-length:")) length = Integer.parseInt(line.substring(15).strip());
      }
      bodies.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
      paths.add(head.split(" ")[1]);
      Mode mode = script.isEmpty() ? Mode.COMPLETE : script.remove(0);
      OutputStream out = s.getOutputStream();
      if (mode == Mode.RATE_LIMITED) {
        byte[] body = "{\"error\":{\"message\":\"slow down\",\"type\":\"rate_limit_error\",\"code\":429}}".getBytes(StandardCharsets.UTF_8);
        out.write(("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 0\r\nContent-Type: application/json\r\nContent-Length: " + body.length
            + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        out.write(body);
        out.flush();
        return;
      }
      out.write("HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nConnection: close\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      byte[] all = events(mode).getBytes(StandardCharsets.UTF_8);
      long sent = 0;
      for (int i = 0; i < all.length; i += split) {
        int n = Math.min(split, all.length - i);
        try {
          out.write(all, i, n);
          out.flush();
        } catch (IOException closedByClient) {
          clientClosedAfterBytes.complete(sent);
          return;
        }
        sent += n;
        Thread.sleep(1); // separate reads on the client
      }
      if (mode == Mode.STALL) {
        // Keep the connection open and silent; watch for the client to close it (bounded).
        s.setSoTimeout(10_000);
        if (in.read() < 0) clientClosedAfterBytes.complete(sent);
      }
    } catch (IOException | InterruptedException e) {
      // the test reads what it needs from the client side
    }
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      head.write(b);
      byte[] h = head.toByteArray();
      int n = h.length;
      if (n >= 4 && h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r' && h[n - 1] == '\n') break;
    }
    return head.toString(StandardCharsets.US_ASCII);
  }

  /** The provider's events for the pieces; a cut or stalled stream stops before its final event. */
  String events(Mode mode) {
    boolean complete = mode == Mode.COMPLETE;
    StringBuilder sse = new StringBuilder();
    switch (provider) {
      case "anthropic" -> {
        sse.append("event: message_start\ndata: {\"type\":\"message_start\",\"message\":{\"id\":\"msg_1\",\"type\":\"message\",\"role\":\"assistant\","
            + "\"model\":\"claude-haiku-4-5\",\"content\":[],\"stop_reason\":null,\"usage\":{\"input_tokens\":11,\"output_tokens\":1}}}\n\n");
        sse.append("event: content_block_start\ndata: {\"type\":\"content_block_start\",\"index\":0,\"content_block\":{\"type\":\"text\",\"text\":\"\"}}\n\n");
        for (String p : pieces) {
          sse.append("event: content_block_delta\ndata: {\"type\":\"content_block_delta\",\"index\":0,\"delta\":{\"type\":\"text_delta\",\"text\":")
              .append(quote(p)).append("}}\n\n");
        }
        if (complete) {
          sse.append("event: content_block_stop\ndata: {\"type\":\"content_block_stop\",\"index\":0}\n\n");
          sse.append("event: message_delta\ndata: {\"type\":\"message_delta\",\"delta\":{\"stop_reason\":\"end_turn\",\"stop_sequence\":null},"
              + "\"usage\":{\"output_tokens\":7}}\n\n");
          sse.append("event: message_stop\ndata: {\"type\":\"message_stop\"}\n\n");
        }
      }
      case "gemini" -> {
        for (int i = 0; i < pieces.size(); i++) {
          boolean last = i == pieces.size() - 1 && complete;
          sse.append("data: {\"candidates\":[{\"content\":{\"role\":\"model\",\"parts\":[{\"text\":").append(quote(pieces.get(i))).append("}]},")
              .append(last ? "\"finishReason\":\"STOP\"," : "").append("\"index\":0}]")
              .append(last ? ",\"usageMetadata\":{\"promptTokenCount\":11,\"candidatesTokenCount\":7,\"totalTokenCount\":18}" : "")
              .append(",\"modelVersion\":\"gemini-2.0-flash\"}\r\n\r\n");
        }
      }
      default -> {
        for (String p : pieces) {
          sse.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
              + "\"delta\":{\"content\":").append(quote(p)).append("},\"finish_reason\":null}]}\n\n");
        }
        if (complete) {
          sse.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[{\"index\":0,"
              + "\"delta\":{},\"finish_reason\":\"stop\"}]}\n\n");
          sse.append("data: {\"id\":\"c1\",\"object\":\"chat.completion.chunk\",\"created\":1,\"model\":\"m\",\"choices\":[],"
              + "\"usage\":{\"prompt_tokens\":11,\"completion_tokens\":7,\"total_tokens\":18}}\n\n");
          sse.append("data: [DONE]\n\n");
        }
      }
    }
    return sse.toString();
  }

  private static String quote(String s) {
    return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  @Override
  public void close() throws IOException {
    socket.close();
    threads.shutdownNow();
  }

  static List<String> list(String... s) {
    return new ArrayList<>(List.of(s));
  }
}
