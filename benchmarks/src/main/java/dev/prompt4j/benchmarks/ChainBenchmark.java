package dev.prompt4j.benchmarks;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 3: chain latency with a model that takes {@value #LATENCY_MS} ms per call. One chain per
 * invocation (single-shot); the wall time is set against the critical path (the physical limit) and
 * the sum of the calls (a sequential chain).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ChainBenchmark {
  public static final long LATENCY_MS = 50;

  String topic = "AI agents in procurement";
  FixedModel model;
  DiamondChain diamond;
  FanOutChain fanOut;

  @Setup
  public void setup() {
    model = new FixedModel("ok", LATENCY_MS);
    diamond = Contexts.generated(DiamondChain.class, model);
    fanOut = Contexts.generated(FanOutChain.class, model);
  }

  /** One call of the same model: what a single step of the critical path really takes. */
  @Benchmark
  public String singleCall() {
    return diamond.d(topic);
  }

  /** d, then b and c together, then a: critical path 3 calls, 4 calls in all. */
  @Benchmark
  public String diamond() {
    return diamond.a(topic);
  }

  /** 8 parts together, then the combination: critical path 2 calls, 9 calls in all. */
  @Benchmark
  public String fanOut() {
    return fanOut.combine(topic);
  }
}
