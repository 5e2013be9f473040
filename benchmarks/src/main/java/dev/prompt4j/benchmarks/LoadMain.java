package dev.prompt4j.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.http.client.jdk.JdkHttpClient;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.service.AiServices;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.provider.OpenAiProvider;
import dev.prompt4j.provider.ProviderSettings;
import java.lang.management.CompilationMXBean;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * The load benchmark's client, in its own JVM: one variant sends the same chat request to {@link
 * FakeOpenAiServer} one at a time, first until the JIT has settled (compile time stops growing), then
 * for the measured requests. Prints {@code RESULT key=value ...}: this process's CPU time per request
 * (all its threads, JIT and GC included), bytes allocated per request (summed over live threads), the
 * requests and connections the server saw, and the warm-up it took.
 *
 * <p>Arguments: {@code <variant> <port> <maxWarmupRequests> <measuredRequests>}; variants: {@code
 * generated} (Prompt4j), {@code handWritten} (langchain4j's OpenAI client on Prompt4j's HTTP client, the
 * same model the {@code openai} provider builds), {@code aiServices} (AI Services on that model), {@code
 * langchain4jJdk} and {@code langchain4jJdkHttp11} (hand-written on langchain4j's own JDK client,
 * default protocol or HTTP/1.1 forced), {@code floor} (the JDK {@code HttpClient} and Jackson, no
 * langchain4j, HTTP/1.1) and {@code floorDefault} (the same on the JDK's default protocol). With
 * {@code -Dload.jfr=<file>}, the measured requests (only) are recorded with JFR's profile settings; with
 * {@code -Dload.tls=<keystore>}, the server is {@link FakeOpenAiTlsServer} and every variant sends over
 * {@code https://} (the JDK's default protocol then means HTTP/2 agreed by ALPN).
 */
public final class LoadMain {
  static final String MODEL = "gpt-4o-mini";
  /** Requests per warm-up round; the JIT has settled when a round adds less compile time than this. */
  static final int ROUND = 2000;
  static final long SETTLED_COMPILE_MS = 20;

  private LoadMain() {}

  public static void main(String[] args) throws Exception {
    String variant = args[0];
    int port = Integer.parseInt(args[1]);
    int maxWarmup = Integer.parseInt(args[2]);
    int measured = Integer.parseInt(args[3]);
    // With -Dload.tls=<keystore>, the server is FakeOpenAiTlsServer: every client trusts its certificate through the default TLS context.
    String tls = System.getProperty("load.tls");
    javax.net.ssl.SSLContext trust = tls == null ? null : FakeOpenAiTlsServer.trusting(java.nio.file.Path.of(tls));
    if (trust != null) {
      javax.net.ssl.SSLContext.setDefault(trust);
    }
    String baseUrl = (tls == null ? "http" : "https") + "://127.0.0.1:" + port + "/v1";
    IntFunction<String> call = variant(variant, baseUrl);
    String first = call.apply(0);
    if (!"A fixed answer.".equals(first)) {
      throw new IllegalStateException(variant + " answered " + first);
    }

    CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    int warmup = 0;
    long lastCompile = jit.getTotalCompilationTime();
    int quietRounds = 0;
    StringBuilder rounds = new StringBuilder();
    while (warmup < maxWarmup && quietRounds < 2) {
      for (int i = 0; i < ROUND; i++) {
        call.apply(warmup++);
      }
      long compile = jit.getTotalCompilationTime();
      rounds.append(rounds.length() == 0 ? "" : ",").append(compile - lastCompile);
      quietRounds = compile - lastCompile < SETTLED_COMPILE_MS ? quietRounds + 1 : 0;
      lastCompile = compile;
    }
    System.gc();

    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long[] ids = threads.getAllThreadIds();
    long[] allocatedBefore = threads.getThreadAllocatedBytes(ids);
    long[] threadCpuBefore = threads.getThreadCpuTime(ids);
    Map<String, Long> serverBefore = stats(port, trust);
    long gcBefore = gcMillis();
    long compileBefore = jit.getTotalCompilationTime();
    String jfr = System.getProperty("load.jfr"); // a recording of the measured requests only
    jdk.jfr.Recording recording = null;
    if (jfr != null) {
      recording = new jdk.jfr.Recording(jdk.jfr.Configuration.getConfiguration("profile"));
      recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1)); // profile's 10 ms gives too few samples
      recording.start();
    }
    long cpuBefore = os.getProcessCpuTime();
    long start = System.nanoTime();
    for (int i = 0; i < measured; i++) {
      call.apply(i);
    }
    long wall = System.nanoTime() - start;
    long cpu = os.getProcessCpuTime() - cpuBefore;
    long compile = jit.getTotalCompilationTime() - compileBefore;
    long gc = gcMillis() - gcBefore;
    if (recording != null) {
      recording.stop();
      recording.dump(java.nio.file.Path.of(jfr));
    }
    long[] allocatedAfter = threads.getThreadAllocatedBytes(ids);
    long[] threadCpuAfter = threads.getThreadCpuTime(ids);
    Map<String, Long> serverAfter = stats(port, trust);
    long allocated = 0;
    long threadCpu = 0; // Java threads only: JIT compiler and GC threads are not among them
    int died = 0;
    for (int i = 0; i < ids.length; i++) {
      if (allocatedAfter[i] < 0 || allocatedBefore[i] < 0) {
        died++;
      } else {
        allocated += allocatedAfter[i] - allocatedBefore[i];
        threadCpu += threadCpuAfter[i] - threadCpuBefore[i];
      }
    }
    int born = threads.getAllThreadIds().length - (ids.length - died);
    long requests = serverAfter.get("received") - serverBefore.get("received");
    System.out.printf(Locale.ROOT,
        "RESULT variant=%s cpuUsPerRequest=%.1f javaThreadsCpuUsPerRequest=%.1f bytesPerRequest=%.0f wallUsPerRequest=%.1f requests=%d serverRequests=%d "
            + "serverConnections=%d upgrades=%d requestBytes=%.0f serverCpuUsPerRequest=%.1f warmupRequests=%d "
            + "compileMsPerRound=%s compileMsMeasured=%d gcMsMeasured=%d threadsBornOrDied=%d settled=%b http2Requests=%d connectionsMeasured=%d java=%s%n",
        variant, cpu / 1e3 / measured, threadCpu / 1e3 / measured, (double) allocated / measured, wall / 1e3 / measured, measured, requests,
        serverAfter.get("connections"), serverAfter.getOrDefault("upgrades", 0L) - serverBefore.getOrDefault("upgrades", 0L),
        (double) (serverAfter.get("requestBytes") - serverBefore.get("requestBytes")) / Math.max(1, requests),
        (serverAfter.get("cpuNanos") - serverBefore.get("cpuNanos")) / 1e3 / measured, warmup, rounds, compile, gc, born + died,
        quietRounds >= 2, serverAfter.getOrDefault("http2", 0L) - serverBefore.getOrDefault("http2", 0L),
        serverAfter.get("connections") - serverBefore.get("connections"), System.getProperty("java.version"));
    System.exit(0);
  }

  private static Map<String, Long> stats(int port, javax.net.ssl.SSLContext tls) throws Exception {
    return tls == null ? FakeOpenAiServer.stats(port) : FakeOpenAiTlsServer.stats(port, tls);
  }

  private static long gcMillis() {
    long total = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      total += Math.max(0, gc.getCollectionTime());
    }
    return total;
  }

  /** One request of {@code variant}; the argument varies the topic, as a real caller's would. */
  static IntFunction<String> variant(String variant, String baseUrl) {
    String[] topics = {"AI-driven automation", "supply chains", "procurement", "cloud costs"};
    switch (variant) {
      case "generated": {
        OverheadPrompts prompts = Prompt4j.builder()
            .properties(Map.of(
                "prompt4j.providers.openai.base-url", baseUrl,
                "prompt4j.providers.openai.api-key", "benchmark-key",
                "prompt4j.providers.openai.timeout", "60s"))
            .build()
            .create(OverheadPrompts.class);
        return i -> prompts.summarise(topics[i & 3], "procurement leaders", 120);
      }
      case "handWritten":
        return handWritten(prompt4jTransport(baseUrl), topics);
      case "aiServices": {
        OverheadAssistant assistant = AiServices.builder(OverheadAssistant.class).chatModel(prompt4jTransport(baseUrl)).build();
        return i -> assistant.summarise(topics[i & 3], "procurement leaders", 120);
      }
      case "langchain4jJdk":
      case "langchain4jJdkHttp11": {
        HttpClient.Builder jdk = HttpClient.newBuilder();
        if (variant.endsWith("Http11")) {
          jdk.version(HttpClient.Version.HTTP_1_1);
        }
        ChatModel model = OpenAiChatModel.builder()
            .apiKey("benchmark-key")
            .baseUrl(baseUrl)
            .modelName(MODEL)
            .timeout(Duration.ofSeconds(60))
            .maxRetries(0)
            .httpClientBuilder(JdkHttpClient.builder().httpClientBuilder(jdk))
            .build();
        return handWritten(model, topics);
      }
      case "floor":
      case "floorDefault":
        return floor(baseUrl, variant.equals("floor"), topics);
      default:
        throw new IllegalArgumentException("unknown variant " + variant);
    }
  }

  /** The model the {@code openai} provider builds: langchain4j's OpenAI client on Prompt4j's HTTP client. */
  static ChatModel prompt4jTransport(String baseUrl) {
    return new OpenAiProvider().create(MODEL, new ProviderSettings("openai", "benchmark-key", baseUrl, Duration.ofSeconds(60), 0));
  }

  /** The baseline: render the text, build the request (the model name, as Prompt4j sends it), call, return the text. */
  private static IntFunction<String> handWritten(ChatModel model, String[] topics) {
    return i -> {
      String text = "Summarise " + topics[i & 3] + " for procurement leaders in " + 120 + " words.";
      ChatRequest request = ChatRequest.builder().messages(UserMessage.from(text)).modelName(MODEL).build();
      return model.chat(request).aiMessage().text();
    };
  }

  /** The floor: the JDK client and Jackson, the same JSON request, the text read from the answer. */
  private static IntFunction<String> floor(String baseUrl, boolean http11, String[] topics) {
    HttpClient.Builder builder = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(60));
    if (http11) {
      builder.version(HttpClient.Version.HTTP_1_1);
    }
    HttpClient client = builder.build();
    ObjectMapper json = new ObjectMapper();
    URI uri = URI.create(baseUrl + "/chat/completions");
    return i -> {
      ObjectNode body = json.createObjectNode().put("model", MODEL);
      body.putArray("messages").addObject().put("role", "user")
          .put("content", "Summarise " + topics[i & 3] + " for procurement leaders in " + 120 + " words.");
      try {
        HttpRequest request = HttpRequest.newBuilder(uri)
            .header("Content-Type", "application/json")
            .header("Authorization", "Bearer benchmark-key")
            .timeout(Duration.ofSeconds(60))
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)))
            .build();
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
          throw new IllegalStateException("HTTP " + response.statusCode());
        }
        JsonNode answer = json.readTree(response.body());
        return answer.path("choices").path(0).path("message").path("content").asText();
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    };
  }
}
