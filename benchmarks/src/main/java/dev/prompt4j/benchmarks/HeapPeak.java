package dev.prompt4j.benchmarks;

import java.lang.management.MemoryMXBean;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Samples the used heap on a daemon thread until stopped, keeping the highest reading. */
final class HeapPeak {
  private final AtomicLong peak;
  private final AtomicBoolean sampling = new AtomicBoolean(true);
  private final Thread sampler;

  private HeapPeak(MemoryMXBean memory, long everyMillis) {
    peak = new AtomicLong(memory.getHeapMemoryUsage().getUsed());
    sampler = new Thread(() -> {
      while (sampling.get()) {
        peak.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
        try {
          Thread.sleep(everyMillis);
        } catch (InterruptedException e) {
          return;
        }
      }
    });
    sampler.setDaemon(true);
    sampler.start();
  }

  /** Starts sampling now. */
  static HeapPeak start(MemoryMXBean memory, long everyMillis) {
    return new HeapPeak(memory, everyMillis);
  }

  /** Stops sampling; the highest used heap seen, in bytes. */
  long stop() throws InterruptedException {
    sampling.set(false);
    sampler.join();
    return peak.get();
  }
}
