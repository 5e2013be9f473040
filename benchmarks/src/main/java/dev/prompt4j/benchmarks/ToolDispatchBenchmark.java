package dev.prompt4j.benchmarks;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.service.tool.DefaultToolExecutor;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Benchmark 7a: one tool call dispatched (parse the arguments, validate, call, write the result as
 * JSON): Prompt4j's generated dispatcher against LangChain4j AI Services' reflective {@link
 * DefaultToolExecutor}, on the same tool and arguments. Prompt4j also checks the Bean Validation
 * constraints of the parameters, which LangChain4j does not.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ToolDispatchBenchmark {
  static final String ARGUMENTS = "{\"sku\":\"TRAIL-42\",\"quantity\":3,\"express\":true}";

  Prompt4jTools_PricingTools generated;
  DefaultToolExecutor reflective;
  ToolExecutionRequest request;

  @Setup
  public void setup() throws Exception {
    PricingTools tools = new PricingTools();
    generated = new Prompt4jTools_PricingTools(tools);
    reflective = new DefaultToolExecutor(tools, PricingTools.class.getMethod("quote", String.class, int.class, boolean.class));
    request = ToolExecutionRequest.builder().id("call_1").name("quote").arguments(ARGUMENTS).build();
    String a = generated();
    String b = langChain4j();
    if (!a.contains("\"total\":33.5") || !b.contains("33.5")) {
      throw new IllegalStateException("the results differ: " + a + " / " + b);
    }
  }

  @Benchmark
  public String generated() throws Exception {
    return generated.call("quote", ARGUMENTS);
  }

  @Benchmark
  public String langChain4j() {
    return reflective.execute(request, "default");
  }
}
