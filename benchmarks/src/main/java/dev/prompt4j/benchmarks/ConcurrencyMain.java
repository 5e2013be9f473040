package dev.prompt4j.benchmarks;

import dev.prompt4j.Prompt4j;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Benchmark 4, in its own JVM: {@code chains} chains at once (two parallel calls, then a dependent one)
 * through the real OpenAI provider against {@link FakeOpenAiServer} on 127.0.0.1. Prints one line
 * {@code RESULT key=value ...}: one chain's wall time (median of sequential runs), the burst's wall
 * time, errors, peak threads and peak heap during the burst, and the server's request count.
 *
 * <p>Arguments: {@code <port> <chains>}.
 */
public final class ConcurrencyMain {
  private ConcurrencyMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int chains = Integer.parseInt(args[1]);
    ConcurrencyChain chain = Prompt4j.builder()
        .properties(Map.of(
            "prompt4j.providers.openai.base-url", "http://127.0.0.1:" + port + "/v1",
            "prompt4j.providers.openai.api-key", "benchmark-key",
            "prompt4j.providers.openai.timeout", "60s"))
        .build()
        .create(ConcurrencyChain.class);

    // Warm up: classes, JIT, connections.
    for (int i = 0; i < 10; i++) {
      chain.strategy("warm-up " + i).join();
    }
    burst(chain, Math.min(100, chains));

    long[] singles = new long[7];
    for (int i = 0; i < singles.length; i++) {
      long start = System.nanoTime();
      chain.strategy("single " + i).join();
      singles[i] = System.nanoTime() - start;
    }
    Arrays.sort(singles);
    double oneChainMs = singles[singles.length / 2] / 1e6;

    long before = answered(port);
    long serverCpuBefore = serverCpu(port);
    long clientCpuBefore = FakeOpenAiServer.cpuNanos();
    System.gc();
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    threads.resetPeakThreadCount();
    int threadsBefore = threads.getThreadCount();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    HeapPeak heap = HeapPeak.start(memory, 2);

    long start = System.nanoTime();
    int errors = burst(chain, chains);
    double burstMs = (System.nanoTime() - start) / 1e6;
    double clientCpuMs = (FakeOpenAiServer.cpuNanos() - clientCpuBefore) / 1e6;
    double serverCpuMs = (serverCpu(port) - serverCpuBefore) / 1e6;
    long peakHeap = heap.stop();
    int peakThreads = threads.getPeakThreadCount();
    long requests = answered(port) - before;

    System.out.printf(java.util.Locale.ROOT,
        "RESULT chains=%d oneChainMs=%.1f burstMs=%.1f errors=%d requests=%d clientCpuMs=%.0f serverCpuMs=%.0f threadsBefore=%d peakThreads=%d heapBeforeMB=%.1f peakHeapMB=%.1f java=%s executorThreads=%s%n",
        chains, oneChainMs, burstMs, errors, requests, clientCpuMs, serverCpuMs, threadsBefore, peakThreads, heapBefore / 1048576.0, peakHeap / 1048576.0,
        System.getProperty("java.version"), System.getProperty("prompt4j.executor.threads", "default"));
    System.exit(0);
  }

  /** Starts {@code count} chains at once and waits for all; returns how many failed. */
  private static int burst(ConcurrencyChain chain, int count) {
    List<CompletableFuture<String>> futures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      futures.add(chain.strategy("topic " + i));
    }
    AtomicInteger errors = new AtomicInteger();
    for (CompletableFuture<String> future : futures) {
      try {
        if (future.get(120, TimeUnit.SECONDS) == null) {
          errors.incrementAndGet();
        }
      } catch (Exception e) {
        if (errors.getAndIncrement() == 0) {
          System.err.println("first error: " + e);
        }
      }
    }
    return errors.get();
  }

  private static long serverCpu(int port) throws Exception {
    return Long.parseLong(stats(port).replaceAll(".*\"cpuNanos\":(\\d+).*", "$1"));
  }

  private static String stats(int port) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stats")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
  }

  private static long answered(int port) throws Exception {
    HttpClient client = HttpClient.newHttpClient();
    String body = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/stats")).build(),
        HttpResponse.BodyHandlers.ofString()).body();
    return Long.parseLong(body.replaceAll(".*\"answered\":(\\d+).*", "$1"));
  }
}
