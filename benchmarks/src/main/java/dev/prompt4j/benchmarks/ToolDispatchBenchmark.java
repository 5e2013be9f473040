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
 * Benchmark 7a: one tool call dispatched (parse the arguments, validate, call, write the result),
 * Prompt4j's generated dispatcher against LangChain4j AI Services' reflective {@link
 * DefaultToolExecutor} (1.19), on the same tool object, the same arguments JSON and the same result
 * form, checked in {@link #setup}: both return the identical JSON text of the {@code Quote} record.
 *
 * <p>What each side does per call. LangChain4j: {@code execute(request, memoryId)} parses the
 * arguments into a {@code Map} (Jackson), coerces each value to its parameter type, calls the method
 * by reflection ({@code Method.invoke}), wraps the result in a {@code ToolExecutionResult} and writes
 * it as JSON with its Jackson mapper when the text is asked for (as AI Services does, to send it
 * back). It checks no constraint. Prompt4j: {@code call(name, arguments)} reads the arguments (exactly
 * right arguments straight from the text, anything else through the tolerant path), checks the
 * schema's constraints ({@code @NotBlank}, {@code @Min(1)}), calls the method directly and writes the
 * record with the generated writer; its {@code switch} on the tool name is included. Neither side
 * includes finding the executor (AI Services' map of executors by name, Prompt4j's {@code ToolSet}).
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
    if (!a.equals(b) || !a.contains("\"total\":33.5")) {
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
