package dev.prompt4j.benchmarks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * {@code run.sh --only=load}: client CPU and bytes per request of each variant ({@link LoadMain}), a JFR
 * breakdown of where the CPU goes ({@link JfrBreakdown}), and chains in flight ({@link InFlightMain}) on
 * this Java and on a Java 21+ with virtual threads. Every client runs in its own JVM against a {@link
 * FakeOpenAiServer} in another. Writes the section to {@code benchmarks/LOAD.md}.
 */
final class LoadRun {
  private final Path out;
  private final boolean quick;
  private final List<String> summary;

  LoadRun(Path out, boolean quick, List<String> summary) {
    this.out = out;
    this.quick = quick;
    this.summary = summary;
  }

  /** Prompt4j generated and hand-written results of JVMs run back to back: {generated, hand-written}. */
  private final List<Map<String, String>[]> pairs = new ArrayList<>();

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    sorted.sort(null);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  /** The "Under load" section. */
  String run() throws Exception {
    StringBuilder s = new StringBuilder("## Under load\n\n");
    s.append("Machine load when the run started: ").append(loadAverage()).append(".\n\n");
    int maxWarmup = quick ? 20_000 : 100_000;
    int measured = quick ? 4_000 : 10_000;
    Map<String, Map<String, String>> results = new LinkedHashMap<>();
    String[][] variants = {
        {"handWritten", "hand-written langchain4j, Prompt4j's HTTP client (baseline)"},
        {"generated", "Prompt4j generated"},
        {"aiServices", "LangChain4j AI Services, Prompt4j's HTTP client"},
        {"langchain4jJdk", "hand-written langchain4j, langchain4j's JDK client, default protocol"},
        {"langchain4jJdkHttp11", "hand-written langchain4j, langchain4j's JDK client, HTTP/1.1 forced"},
        {"floor", "floor: JDK HttpClient + Jackson, no langchain4j, HTTP/1.1"},
        {"floorDefault", "floor on the JDK's default protocol (h2c upgrade attempt)"}};
    Map<String, Double> handJfr;
    Map<String, Double> genJfr;
    Map<String, Double> floorJfr;
    try (Server server = new Server(0)) {
      for (String[] v : variants) {
        results.put(v[0], result(runProcess(client(List.of("-Xmx512m"), LoadMain.class, v[0], server.port, maxWarmup, measured))));
      }
      // One JVM per variant moves by ±15% from run to run (JIT, GC, the shared machine, the server's own warming), and
      // later runs tend to be slower: the goal is read from pairs run back to back, in alternating order.
      pairs.add(new Map[] {results.get("generated"), results.get("handWritten")});
      for (int i = 0; i < (quick ? 2 : 4); i++) {
        String first = i % 2 == 0 ? "generated" : "handWritten";
        String second = i % 2 == 0 ? "handWritten" : "generated";
        Map<String, String> a = result(runProcess(client(List.of("-Xmx512m"), LoadMain.class, first, server.port, maxWarmup, measured)));
        Map<String, String> b = result(runProcess(client(List.of("-Xmx512m"), LoadMain.class, second, server.port, maxWarmup, measured)));
        pairs.add(i % 2 == 0 ? new Map[] {a, b} : new Map[] {b, a});
      }
      int jfrRequests = quick ? 4_000 : 10_000;
      genJfr = jfr(server.port, "generated", maxWarmup, jfrRequests);
      handJfr = jfr(server.port, "handWritten", maxWarmup, jfrRequests);
      floorJfr = jfr(server.port, "floor", maxWarmup, jfrRequests);
    }
    Map<String, String> base = results.get("handWritten");
    double baseCpu = d(base, "cpuUsPerRequest");
    double baseBytes = d(base, "bytesPerRequest");
    s.append("### Client CPU and allocation per request\n\n")
        .append("Each variant in its own JVM (Java ").append(Runtime.version().feature())
        .append(", -Xmx512m) sends the same chat request, one at a time, to a fake OpenAI server on 127.0.0.1 in another JVM that answers at once. ")
        .append("Warm-up: rounds of ").append(LoadMain.ROUND).append(" requests until two rounds in a row add under ")
        .append(LoadMain.SETTLED_COMPILE_MS).append(" ms of JIT compile time (at most ").append(maxWarmup).append(" requests); then ")
        .append(measured).append(" measured requests. CPU: the client process's CPU time (all threads, JIT and GC included) per request; ")
        .append("bytes: allocated by the client's threads per request. The server's CPU is its own JVM's and is not in the client figure.\n\n")
        .append("| variant | CPU per request (µs) | ratio | Java threads' CPU (µs, no JIT or GC) | ratio | bytes per request | ratio | request body (B) | connections | h2c upgrade headers | warm-up requests (compile ms per round) | JIT settled | compile ms while measured |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    double baseJava = d(base, "javaThreadsCpuUsPerRequest");
    for (String[] v : variants) {
      Map<String, String> r = results.get(v[0]);
      s.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f× | %.0f | %.2f× | %.0f | %.2f× | %s | %s | %s of %s | %s (%s) | %s | %s |%n", v[1],
          d(r, "cpuUsPerRequest"), d(r, "cpuUsPerRequest") / baseCpu, d(r, "javaThreadsCpuUsPerRequest"),
          d(r, "javaThreadsCpuUsPerRequest") / baseJava, d(r, "bytesPerRequest"), d(r, "bytesPerRequest") / baseBytes,
          r.get("requestBytes"), r.get("serverConnections"), r.get("upgrades"), r.get("serverRequests"), r.get("warmupRequests"),
          r.get("compileMsPerRound"), settled(r), r.get("compileMsMeasured")));
    }
    double gen = d(results.get("generated"), "cpuUsPerRequest");
    double ai = d(results.get("aiServices"), "cpuUsPerRequest");
    double floor = d(results.get("floor"), "cpuUsPerRequest");
    s.append("\nPrompt4j generated against hand-written langchain4j in pairs of JVMs run back to back on the same server (the first pair is the ")
        .append("table's, hand-written first; then alternating which runs first), CPU per request, all threads and Java threads only:\n\n")
        .append("| pair | runs first | generated (µs) | hand-written (µs) | ratio | ratio, Java threads |\n|---|---|---|---|---|---|\n");
    List<Double> cpuRatios = new ArrayList<>();
    List<Double> javaRatios = new ArrayList<>();
    for (int i = 0; i < pairs.size(); i++) {
      Map<String, String> g = pairs.get(i)[0];
      Map<String, String> h = pairs.get(i)[1];
      double cpuRatio = d(g, "cpuUsPerRequest") / d(h, "cpuUsPerRequest");
      double javaRatio = d(g, "javaThreadsCpuUsPerRequest") / d(h, "javaThreadsCpuUsPerRequest");
      cpuRatios.add(cpuRatio);
      javaRatios.add(javaRatio);
      s.append(String.format(Locale.ROOT, "| %d | %s | %.0f | %.0f | %.2f× | %.2f× |%n", i + 1, i == 0 || i % 2 == 0 ? "hand-written" : "generated",
          d(g, "cpuUsPerRequest"), d(h, "cpuUsPerRequest"), cpuRatio, javaRatio));
    }
    double pairedCpu = median(cpuRatios);
    s.append(String.format(Locale.ROOT, "%nMedian of the pairs: **%.2f×** (all threads), %.2f× (Java threads).%n", pairedCpu, median(javaRatios)));
    summary.add(goal("load: generated CPU per request ≤ 1.10× hand-written (same transport; median of " + pairs.size() + " alternated pairs)",
        pairedCpu, pairedCpu <= 1.10));
    summary.add(goal("load: generated CPU per request ≤ 0.5× AI Services", gen / ai, gen / ai <= 0.5));
    summary.add(goal("load: hand-written langchain4j against the floor (no goal)", baseCpu / floor, true));

    s.append("\n### Where the client CPU goes (JFR execution samples, warmed up)\n\n")
        .append("Each sample counted for the first frame from the top of the stack owned by Prompt4j, langchain4j, Jackson or the JDK HTTP client / NIO; ")
        .append("JDK core frames (collections, strings, CompletableFuture) count for the owner that called them. JIT and GC threads are not sampled.\n\n")
        .append("| owner | Prompt4j generated | hand-written langchain4j | floor |\n|---|---|---|---|\n");
    List<String> owners = new ArrayList<>(genJfr.keySet());
    handJfr.keySet().stream().filter(k -> !owners.contains(k)).forEach(owners::add);
    floorJfr.keySet().stream().filter(k -> !owners.contains(k)).forEach(owners::add);
    owners.remove("samples");
    owners.add("samples");
    for (String owner : owners) {
      s.append("| ").append(owner).append(" | ").append(share(genJfr, owner)).append(" | ").append(share(handJfr, owner)).append(" | ")
          .append(share(floorJfr, owner)).append(" |\n");
    }

    https(s, maxWarmup, measured);

    s.append("\n### Chains in flight\n\n")
        .append("Each chain: two parallel calls, then one that needs both (`ConcurrencyChain.strategy`, async), through the `openai` provider ")
        .append("against the fake server answering after 200 ms. Timed burst: wall time, errors, peak threads, peak heap (sampled), client CPU, new ")
        .append("connections the server saw during the burst. Held burst: the server holds every answer; once no request has arrived for a second, the heap after ")
        .append("a full GC minus the heap after a full GC before the burst, per chain, is what an in-flight chain keeps.\n\n")
        .append("| JVM, executor | chains | wall (ms) | errors | requests answered | client CPU (ms) | threads before → peak | heap before → peak (MB) | connections | requests in flight when held | threads when held | heap per in-flight chain (KB) |\n")
        .append("|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    String newer = System.getenv().getOrDefault("P4J_BENCH_JAVA21_HOME", "/usr/lib/jvm/temurin-25-jdk-amd64");
    boolean hasNewer = Files.isExecutable(Path.of(newer, "bin", "java"));
    int[] sizes = {1_000, 10_000};
    try (Server server = new Server(200)) {
      for (int chains : sizes) {
        inFlight(s, System.getProperty("java.home"), "Java " + Runtime.version().feature() + ", default pool", server.port, chains);
        if (hasNewer) {
          inFlight(s, newer, newer.replaceAll(".*/", "") + ", virtual threads", server.port, chains);
        }
      }
    }
    String section = s.toString();
    Files.writeString(out.resolve("LOAD.md"), "# Load run\n\nWritten by `benchmarks/run.sh --only=load`" + (quick ? " --quick" : "") + ".\n\n"
        + "| goal | figure | result |\n|---|---|---|\n" + String.join("\n", summary) + "\n\n" + section);
    return section;
  }

  private void inFlight(StringBuilder s, String javaHome, String label, int port, int chains) throws Exception {
    Map<String, String> r = result(runProcess(command(javaHome, List.of("-Xmx2g"), InFlightMain.class, port, chains)));
    double perChainKb = d(r, "bytesPerChain") / 1024;
    int errors = Integer.parseInt(r.get("errors")) + Integer.parseInt(r.get("heldErrors"));
    s.append(String.format(Locale.ROOT, "| %s | %,d | %s | %d | %s of %d | %s | %s → %s | %s → %s | %s | %s | %s | %.1f |%n", label, chains,
        r.get("burstMs"), errors, r.get("requests"), 3 * chains, r.get("clientCpuMs"), r.get("threadsBefore"), r.get("peakThreads"),
        r.get("heapBeforeMB"), r.get("peakHeapMB"), r.get("connections"), r.get("heldRequests"), r.get("threadsHeld"), perChainKb));
    if (chains >= 10_000) {
      summary.add(goal("load: " + chains + " chains, 0 errors — " + label, errors, errors == 0));
      summary.add(goal("load: " + chains + " chains, heap per in-flight chain ≤ 20 KB — " + label, perChainKb, perChainKb <= 20));
    }
  }

  /** The HTTPS table: the same clients against {@link FakeOpenAiTlsServer}, HTTP/1.1 against HTTP/2 (ALPN). */
  private void https(StringBuilder s, int maxWarmup, int measured) throws Exception {
    String[][] variants = {
        {"handWritten", "hand-written langchain4j, Prompt4j's HTTP client (HTTP/1.1) (baseline)"},
        {"generated", "Prompt4j generated"},
        {"langchain4jJdkHttp11", "hand-written langchain4j, langchain4j's JDK client, HTTP/1.1"},
        {"langchain4jJdk", "hand-written langchain4j, langchain4j's JDK client, HTTP/2 (default)"},
        {"floor", "floor: JDK HttpClient + Jackson, HTTP/1.1"},
        {"floorDefault", "floor: JDK HttpClient + Jackson, HTTP/2 (default)"}};
    Map<String, Map<String, String>> results = new LinkedHashMap<>();
    try (TlsServer server = new TlsServer()) {
      for (String[] v : variants) {
        results.put(v[0], result(runProcess(client(List.of("-Xmx512m", "-Dload.tls=" + server.keystore), LoadMain.class, v[0], server.port,
            maxWarmup, measured))));
      }
    }
    Map<String, String> base = results.get("handWritten");
    s.append("\n### HTTPS: HTTP/1.1 against HTTP/2\n\n")
        .append("The same clients, warm-up and measurement as above against the fake server over TLS (embedded Tomcat on 127.0.0.1 offering ")
        .append("HTTP/1.1 and HTTP/2 by ALPN; a self-signed EC certificate made by `keytool` at start-up, trusted by the client through its ")
        .append("default `SSLContext`). HTTP/2 requests: how many of the measured requests the server saw over HTTP/2. Connections: new ")
        .append("connections (distinct client ports) the server saw during the measured requests; the server keeps connections open.\n\n")
        .append("| variant | CPU per request (µs) | ratio | Java threads' CPU (µs) | bytes per request | ratio | HTTP/2 requests | new connections while measured | JIT settled |\n")
        .append("|---|---|---|---|---|---|---|---|---|\n");
    for (String[] v : variants) {
      Map<String, String> r = results.get(v[0]);
      s.append(String.format(Locale.ROOT, "| %s | %.0f | %.2f× | %.0f | %.0f | %.2f× | %s of %s | %s | %s |%n", v[1], d(r, "cpuUsPerRequest"),
          d(r, "cpuUsPerRequest") / d(base, "cpuUsPerRequest"), d(r, "javaThreadsCpuUsPerRequest"), d(r, "bytesPerRequest"),
          d(r, "bytesPerRequest") / d(base, "bytesPerRequest"), r.get("http2Requests"), r.get("serverRequests"), r.get("connectionsMeasured"),
          settled(r)));
    }
    double h1 = d(results.get("floor"), "cpuUsPerRequest");
    double h2 = d(results.get("floorDefault"), "cpuUsPerRequest");
    summary.add(goal("load: https, floor CPU per request HTTP/2 ÷ HTTP/1.1 (no goal: picks the https default)", h2 / h1, true));
    double h1Bytes = d(results.get("floor"), "bytesPerRequest");
    double h2Bytes = d(results.get("floorDefault"), "bytesPerRequest");
    summary.add(goal("load: https, floor bytes per request HTTP/2 ÷ HTTP/1.1 (no goal: picks the https default)", h2Bytes / h1Bytes, true));
  }

  private static String settled(Map<String, String> r) {
    return "true".equals(r.get("settled")) ? "yes" : "**no** (cap reached)";
  }

  private Map<String, Double> jfr(int port, String variant, int maxWarmup, int requests) throws Exception {
    Path recording = out.resolve("load-" + variant + ".jfr");
    Files.deleteIfExists(recording);
    runProcess(client(List.of("-Xmx512m", "-Dload.jfr=" + recording), LoadMain.class, variant, port, maxWarmup, requests));
    return Files.exists(recording) ? JfrBreakdown.breakdown(recording) : Map.of();
  }

  private static String share(Map<String, Double> shares, String owner) {
    Double v = shares.get(owner);
    return v == null ? "—" : owner.equals("samples") ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "%.1f%%", v);
  }

  private static String goal(String name, double figure, boolean met) {
    return "| " + name + " | " + String.format(Locale.ROOT, "%.2f", figure) + " | " + (met ? "met" : "**missed**") + " |";
  }

  private static double d(Map<String, String> r, String key) {
    return Double.parseDouble(r.get(key));
  }

  static String loadAverage() {
    try {
      return "load average " + Files.readString(Path.of("/proc/loadavg")).strip().replaceAll("^(\\S+ \\S+ \\S+).*", "$1")
          + " (1, 5, 15 min) on " + Runtime.getRuntime().availableProcessors() + " cores";
    } catch (Exception e) {
      return "load average unknown";
    }
  }

  private static List<String> client(List<String> jvm, Class<?> main, Object... args) {
    return command(System.getProperty("java.home"), jvm, main, args);
  }

  private static List<String> command(String javaHome, List<String> jvm, Class<?> main, Object... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(javaHome, "bin", "java").toString());
    command.addAll(jvm);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(main.getName());
    for (Object a : args) {
      command.add(String.valueOf(a));
    }
    return command;
  }

  private static Map<String, String> result(List<String> lines) {
    String result = lines.stream().filter(l -> l.startsWith("RESULT ")).findFirst()
        .orElseThrow(() -> new IllegalStateException("no result: " + lines));
    Map<String, String> v = new LinkedHashMap<>();
    for (String pair : result.substring(7).split(" ")) {
      int eq = pair.indexOf('=');
      v.put(pair.substring(0, eq), pair.substring(eq + 1));
    }
    System.out.println("  | " + loadAverage());
    return v;
  }

  private static List<String> runProcess(List<String> command) throws Exception {
    System.out.println("  > " + String.join(" ", command.subList(command.indexOf("-cp") + 2, command.size())));
    Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        System.out.println("  | " + line);
        lines.add(line);
      }
    }
    if (!process.waitFor(30, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      throw new IllegalStateException("timed out: " + command);
    }
    return lines;
  }

  /** The fake server in its own JVM; closing its input stops it. */
  /** {@link FakeOpenAiTlsServer} in its own JVM. */
  private static final class TlsServer implements AutoCloseable {
    final Process process;
    final int port;
    final String keystore;

    TlsServer() throws Exception {
      process = new ProcessBuilder(command(System.getProperty("java.home"), List.of("-Xmx1g"), FakeOpenAiTlsServer.class, 3600))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
      String portLine = out.readLine();
      String keystoreLine = out.readLine();
      if (portLine == null || !portLine.startsWith("PORT ") || keystoreLine == null || !keystoreLine.startsWith("KEYSTORE ")) {
        throw new IllegalStateException("TLS fake server did not start: " + portLine + " / " + keystoreLine);
      }
      port = Integer.parseInt(portLine.substring(5).strip());
      keystore = keystoreLine.substring(9).strip();
    }

    @Override
    public void close() throws Exception {
      process.getOutputStream().close();
      process.waitFor(10, TimeUnit.SECONDS);
      process.destroy();
    }
  }

  private static final class Server implements AutoCloseable {
    final Process process;
    final int port;

    Server(long delayMillis) throws Exception {
      process = new ProcessBuilder(command(System.getProperty("java.home"), List.of("-Xmx1g"), FakeOpenAiServer.class, delayMillis, 3600))
          .redirectError(ProcessBuilder.Redirect.INHERIT).start();
      String line = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8)).readLine();
      if (line == null || !line.startsWith("PORT ")) {
        throw new IllegalStateException("fake server did not start: " + line);
      }
      port = Integer.parseInt(line.substring(5).strip());
    }

    @Override
    public void close() throws Exception {
      process.getOutputStream().close();
      process.destroy();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
