package dev.prompt4j.benchmarks;

import dev.prompt4j.Prompt4j;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The load benchmark's concurrency run, in its own JVM: {@code chains} chains of {@link
 * ConcurrencyChain} (two parallel calls, then one) at once through the real {@code openai} provider
 * against {@link FakeOpenAiServer}, which answers after a fixed delay. Two bursts:
 *
 * <ol>
 *   <li>timed: wall time, errors, peak threads and peak heap (sampled), client CPU, connections opened;
 *   <li>held: the server holds every answer ({@code /hold}); once the requests stop arriving, the heap is
 *       measured after a full GC and set against the heap after a full GC before the burst, so the
 *       difference is what the in-flight chains keep (divided by the chains); then the answers go out.
 * </ol>
 *
 * Prints {@code RESULT key=value ...}. Arguments: {@code <port> <chains>}.
 */
public final class InFlightMain {
  private InFlightMain() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    int chains = Integer.parseInt(args[1]);
    ConcurrencyChain chain = Prompt4j.builder()
        .properties(Map.of(
            "prompt4j.providers.openai.base-url", "http://127.0.0.1:" + port + "/v1",
            "prompt4j.providers.openai.api-key", "benchmark-key",
            "prompt4j.providers.openai.timeout", "300s"))
        .build()
        .create(ConcurrencyChain.class);
    for (int i = 0; i < 10; i++) {
      chain.strategy("warm-up " + i).join();
    }
    burst(chain, Math.min(200, chains), "warm-up burst");

    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
    com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    // 1. Timed burst.
    Map<String, Long> before = FakeOpenAiServer.stats(port);
    System.gc();
    threads.resetPeakThreadCount();
    int threadsBefore = threads.getThreadCount();
    long heapBefore = memory.getHeapMemoryUsage().getUsed();
    HeapPeak heap = HeapPeak.start(memory, 5);
    long cpuBefore = os.getProcessCpuTime();
    long start = System.nanoTime();
    int errors = burst(chain, chains, "timed burst");
    double burstMs = (System.nanoTime() - start) / 1e6;
    double cpuMs = (os.getProcessCpuTime() - cpuBefore) / 1e6;
    long peakHeap = heap.stop();
    int peakThreads = threads.getPeakThreadCount();
    Map<String, Long> after = FakeOpenAiServer.stats(port);

    // 2. Held burst: every chain in flight at once, none answered.
    heapAfterGc(memory);
    long settled = heapAfterGc(memory);
    int threadsIdle = threads.getThreadCount();
    FakeOpenAiServer.get(port, "/hold");
    long receivedBefore = FakeOpenAiServer.stats(port).get("received");
    List<CompletableFuture<String>> futures = start(chain, chains);
    long received = waitForQuiet(port, receivedBefore);
    int threadsHeld = threads.getThreadCount();
    long held = heapAfterGc(memory);
    FakeOpenAiServer.get(port, "/release");
    int heldErrors = await(futures, "held burst");
    Map<String, Long> end = FakeOpenAiServer.stats(port);

    System.out.printf(Locale.ROOT,
        "RESULT chains=%d burstMs=%.0f errors=%d requests=%d clientCpuMs=%.0f serverCpuMs=%.0f threadsBefore=%d peakThreads=%d "
            + "heapBeforeMB=%.1f peakHeapMB=%.1f connections=%d heldRequests=%d threadsHeld=%d threadsIdle=%d heapIdleMB=%.1f "
            + "heapHeldMB=%.1f bytesPerChain=%.0f heldErrors=%d connectionsAfterHeld=%d java=%s executorThreads=%s%n",
        chains, burstMs, errors, after.get("answered") - before.get("answered"), cpuMs,
        (after.get("cpuNanos") - before.get("cpuNanos")) / 1e6, threadsBefore, peakThreads, heapBefore / 1048576.0,
        peakHeap / 1048576.0, after.get("connections") - before.get("connections"), received, threadsHeld, threadsIdle, settled / 1048576.0,
        held / 1048576.0, (double) (held - settled) / chains, heldErrors, end.get("connections") - after.get("connections"),
        System.getProperty("java.version"), System.getProperty("prompt4j.executor.threads", "default"));
    System.exit(0);
  }

  /** Heap in use after a full collection. */
  private static long heapAfterGc(MemoryMXBean memory) throws InterruptedException {
    System.gc();
    Thread.sleep(100);
    System.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  /** Waits until the server has received no new request for a second (at most five minutes); how many arrived. */
  private static long waitForQuiet(int port, long receivedBefore) throws Exception {
    long last = -1;
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (System.nanoTime() < deadline) {
      long now = FakeOpenAiServer.stats(port).get("received") - receivedBefore;
      if (now == last) {
        return now;
      }
      last = now;
      Thread.sleep(1000);
    }
    return last;
  }

  private static List<CompletableFuture<String>> start(ConcurrencyChain chain, int count) {
    List<CompletableFuture<String>> futures = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      futures.add(chain.strategy("topic " + i));
    }
    return futures;
  }

  private static int burst(ConcurrencyChain chain, int count, String what) {
    return await(start(chain, count), what);
  }

  /** Waits for all; how many failed (the first failure is printed). */
  private static int await(List<CompletableFuture<String>> futures, String what) {
    AtomicInteger errors = new AtomicInteger();
    for (CompletableFuture<String> future : futures) {
      try {
        if (future.get(600, TimeUnit.SECONDS) == null) {
          errors.incrementAndGet();
        }
      } catch (Exception e) {
        if (errors.getAndIncrement() == 0) {
          System.err.println(what + ", first error: " + e);
        }
      }
    }
    return errors.get();
  }
}
