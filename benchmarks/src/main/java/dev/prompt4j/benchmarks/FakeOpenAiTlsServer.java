package dev.prompt4j.benchmarks;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.coyote.http2.Http2Protocol;
import org.apache.tomcat.util.net.SSLHostConfig;
import org.apache.tomcat.util.net.SSLHostConfigCertificate;

/**
 * The fake OpenAI server over TLS on 127.0.0.1, for the load run's HTTPS figures: embedded Tomcat with
 * HTTP/1.1 and HTTP/2 offered by ALPN (the JDK's own server speaks no HTTP/2). Its certificate is made
 * at start-up by the JDK's {@code keytool} into a temporary PKCS12 keystore (self-signed, for
 * 127.0.0.1, valid two days); nothing is committed or downloaded. Answers at once with the same body as
 * {@link FakeOpenAiServer}. {@code GET /stats}: chat requests received, the connections they came on,
 * how many came over HTTP/2, the bytes of their bodies and this JVM's CPU time.
 *
 * <p>Run alone: {@code FakeOpenAiTlsServer <lifetimeSeconds>}; prints {@code PORT <n>} and {@code
 * KEYSTORE <path>} (password {@value #PASSWORD}); a client trusts it with {@link #trusting(Path)}.
 */
public final class FakeOpenAiTlsServer implements AutoCloseable {
  static final String PASSWORD = "benchmark";
  private static final String ALIAS = "fake-openai";

  private final Tomcat tomcat;
  private final Path dir;
  private final Path keystore;
  private final AtomicLong received = new AtomicLong();
  private final AtomicLong http2 = new AtomicLong();
  private final AtomicLong requestBytes = new AtomicLong();
  private final Set<String> connections = ConcurrentHashMap.newKeySet();

  public FakeOpenAiTlsServer() throws Exception {
    dir = Files.createTempDirectory("p4j-tls-server");
    keystore = dir.resolve("server.p12");
    Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
        "-genkeypair", "-alias", ALIAS, "-keyalg", "EC", "-groupname", "secp256r1", "-validity", "2",
        "-dname", "CN=127.0.0.1", "-ext", "SAN=ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keystore.toString(), "-storepass", PASSWORD, "-keypass", PASSWORD)
        .redirectErrorStream(true).start();
    String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }

    tomcat = new Tomcat();
    tomcat.setBaseDir(dir.toString());
    Connector connector = new Connector("org.apache.coyote.http11.Http11NioProtocol");
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    connector.setSecure(true);
    connector.setScheme("https");
    connector.setProperty("SSLEnabled", "true");
    connector.setProperty("maxThreads", "8");
    connector.setProperty("maxKeepAliveRequests", "-1"); // Tomcat closes a connection after 100 requests by default; API servers do not
    SSLHostConfig ssl = new SSLHostConfig();
    SSLHostConfigCertificate certificate = new SSLHostConfigCertificate(ssl, SSLHostConfigCertificate.Type.UNDEFINED);
    certificate.setCertificateKeystoreFile(keystore.toString());
    certificate.setCertificateKeystorePassword(PASSWORD);
    certificate.setCertificateKeystoreType("PKCS12");
    certificate.setCertificateKeyAlias(ALIAS);
    ssl.addCertificate(certificate);
    connector.addSslHostConfig(ssl);
    connector.addUpgradeProtocol(new Http2Protocol());
    tomcat.getService().addConnector(connector);
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", dir.toString());
    Tomcat.addServlet(context, "chat", new HttpServlet() {
      @Override
      protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        received.incrementAndGet();
        if ("HTTP/2.0".equals(request.getProtocol())) {
          http2.incrementAndGet();
        }
        connections.add(request.getRemoteAddr() + ":" + request.getRemotePort());
        try (InputStream in = request.getInputStream()) {
          requestBytes.addAndGet(in.readAllBytes().length);
        }
        response.setContentType("application/json");
        response.setContentLength(FakeOpenAiServer.ANSWER.length);
        response.getOutputStream().write(FakeOpenAiServer.ANSWER);
      }
    });
    context.addServletMappingDecoded("/v1/chat/completions", "chat");
    Tomcat.addServlet(context, "stats", new HttpServlet() {
      @Override
      protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.getWriter().write("{\"received\":" + received.get() + ",\"connections\":" + connections.size() + ",\"http2\":" + http2.get()
            + ",\"requestBytes\":" + requestBytes.get() + ",\"cpuNanos\":" + FakeOpenAiServer.cpuNanos() + "}");
      }
    });
    context.addServletMappingDecoded("/stats", "stats");
    tomcat.start();
    if (!context.getState().isAvailable() || tomcat.getConnector().getLocalPort() <= 0) {
      close();
      throw new IllegalStateException("the TLS fake server did not start (see the log above)");
    }
  }

  int port() {
    return tomcat.getConnector().getLocalPort();
  }

  Path keystore() {
    return keystore;
  }

  /** A TLS context that trusts exactly the certificate in the server's {@code keystore}. */
  static SSLContext trusting(Path keystore) throws Exception {
    KeyStore server = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      server.load(in, PASSWORD.toCharArray());
    }
    Certificate certificate = server.getCertificate(ALIAS);
    KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
    trusted.load(null, null);
    trusted.setCertificateEntry(ALIAS, certificate);
    TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    return context;
  }

  /** The counters of the TLS server at {@code port}, read over TLS with {@code context}. */
  static java.util.Map<String, Long> stats(int port, SSLContext context) throws Exception {
    java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder().sslContext(context)
        .version(java.net.http.HttpClient.Version.HTTP_1_1).build();
    String body = client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("https://127.0.0.1:" + port + "/stats")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString()).body();
    java.util.Map<String, Long> values = new java.util.LinkedHashMap<>();
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"(\\w+)\":(\\d+)").matcher(body);
    while (m.find()) {
      values.put(m.group(1), Long.parseLong(m.group(2)));
    }
    return values;
  }

  @Override
  public void close() throws Exception {
    tomcat.stop();
    tomcat.destroy();
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  public static void main(String[] args) throws Exception {
    long lifetime = args.length > 0 ? Long.parseLong(args[0]) : 600;
    FakeOpenAiTlsServer server = new FakeOpenAiTlsServer();
    System.out.println("PORT " + server.port());
    System.out.println("KEYSTORE " + server.keystore());
    System.out.flush();
    Thread watchdog = new Thread(() -> {
      try {
        while (System.in.read() >= 0) {
          // wait for the parent to close our input
        }
      } catch (IOException e) {
        // parent gone
      }
      try {
        server.close();
      } catch (Exception e) {
        // exiting anyway
      }
      System.exit(0);
    });
    watchdog.setDaemon(true);
    watchdog.start();
    Thread.sleep(TimeUnit.SECONDS.toMillis(lifetime));
    server.close();
    System.exit(0);
  }
}
