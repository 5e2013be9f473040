package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.ChatModel;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Over {@code https://} Prompt4j's HTTP client does not offer HTTP/2 in the TLS handshake (ALPN), against a
 * loopback TLS server whose self-signed certificate {@code keytool} makes for the test; the client trusts
 * it through the default {@link SSLContext}, restored afterwards.
 */
class HttpsProtocolTest {
  private static final String PASSWORD = "loopback";
  private static final String ANSWER = "{\"id\":\"c1\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"gpt-4o-mini\","
      + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"over tls\"},\"finish_reason\":\"stop\"}],"
      + "\"usage\":{\"prompt_tokens\":1,\"completion_tokens\":2,\"total_tokens\":3}}";

  @Test
  void httpsRequestsDoNotOfferHttp2InTheHandshake(@TempDir Path dir) throws Exception {
    Path keystore = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", "loopback", "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD).redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(keytool.waitFor(60, TimeUnit.SECONDS) && keytool.exitValue() == 0, output);
    KeyStore keys = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      keys.load(in, PASSWORD.toCharArray());
    }
    KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
    keyManagers.init(keys, PASSWORD.toCharArray());
    SSLContext serverTls = SSLContext.getInstance("TLS");
    serverTls.init(keyManagers.getKeyManagers(), null, null);
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry("loopback", keys.getCertificate("loopback"));
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext clientTls = SSLContext.getInstance("TLS");
    clientTls.init(null, trust.getTrustManagers(), null);

    List<List<String>> offered = new CopyOnWriteArrayList<>();
    List<String> requestLines = new CopyOnWriteArrayList<>();
    SSLContext previous = SSLContext.getDefault();
    try (SSLServerSocket server = (SSLServerSocket) serverTls.getServerSocketFactory().createServerSocket(0, 10, InetAddress.getLoopbackAddress())) {
      Thread serving = new Thread(() -> serveOne(server, offered, requestLines), "https-loopback");
      serving.setDaemon(true);
      serving.start();
      SSLContext.setDefault(clientTls);
      ChatModel model = LoopbackModels.model("openai", "https://127.0.0.1:" + server.getLocalPort(), Duration.ofSeconds(20), Map.of());
      assertEquals("over tls", assertTimeoutPreemptively(Duration.ofSeconds(30), () -> LoopbackModels.ask(model)));
      serving.join(10_000);
    } finally {
      SSLContext.setDefault(previous);
    }
    // The JDK client offers no ALPN at all for HTTP/1.1; for HTTP/2 (its default) it offers h2 first.
    assertTrue(offered.stream().noneMatch(protocols -> protocols.contains("h2")), "application protocols the client offered: " + offered);
    assertTrue(requestLines.get(0).startsWith("POST /v1/chat/completions HTTP/1.1"), requestLines.toString());
  }

  /** Accepts one connection: records the offered protocols, agrees on HTTP/1.1, answers one request and closes. */
  private static void serveOne(SSLServerSocket server, List<List<String>> offered, List<String> requestLines) {
    try (SSLSocket socket = (SSLSocket) server.accept()) {
      socket.setHandshakeApplicationProtocolSelector((s, protocols) -> {
        offered.add(List.copyOf(protocols));
        return protocols.contains("http/1.1") ? "http/1.1" : null;
      });
      BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
      requestLines.add(in.readLine());
      int length = 0;
      for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
        if (line.regionMatches(true, 0, "content-length:", 0, 15)) {
          length = Integer.parseInt(line.substring(15).strip());
        }
      }
      for (int i = 0; i < length; i++) {
        in.read(); // the request body (ASCII JSON)
      }
      byte[] body = ANSWER.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      out.write(body);
      out.flush();
    } catch (Exception e) {
      requestLines.add("server failed: " + e);
    }
  }
}
