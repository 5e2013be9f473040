package dev.prompt4j.benchmarks;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code run.sh --only=spring}: Spring Boot's time to a ready context with twenty prompt interfaces,
 * with and without Prompt4j's auto-configuration, and the classes each loaded. Runs the harness of
 * the Spring Boot example ({@code spring-boot-example}'s test class {@code StartupCost}, which starts
 * every application in a fresh JVM) on the class path {@code run.sh} wrote for it, so the benchmarks
 * module itself never depends on Spring.
 */
final class SpringStartupRun {
  private static final String HARNESS = "dev.prompt4j.spring.example.startup.StartupCost";

  private final Path module;
  private final String target;
  private final boolean quick;
  private final List<String> summary;

  SpringStartupRun(Path root, String target, boolean quick, List<String> summary) {
    this.module = root.resolve("spring-boot-example");
    this.target = target;
    this.quick = quick;
    this.summary = summary;
  }

  /** The "Spring Boot start-up" section. */
  String run() throws Exception {
    Path classpath = module.resolve(target).resolve("startup-classpath.txt");
    if (!Files.exists(classpath)) {
      throw new IllegalStateException(classpath + " is missing: benchmarks/run.sh writes it when the run includes spring");
    }
    String cp = String.join(File.pathSeparator, module.resolve(target).resolve("test-classes").toString(),
        module.resolve(target).resolve("classes").toString(), Files.readString(classpath).strip());
    int runs = quick ? 5 : 21; // paired with the start without Prompt4j that follows each, for the paired differences
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-cp", cp, HARNESS, String.valueOf(runs)).redirectErrorStream(true).start();
    List<String> output = new ArrayList<>();
    String[] result = null;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        System.out.println(line);
        output.add(line);
        if (line.startsWith("RESULT ")) {
          result = line.substring(7).split(" ");
        }
      }
    }
    if (process.waitFor() != 0 || result == null) {
      throw new IllegalStateException("the Spring Boot start-up harness failed:\n" + String.join("\n", output));
    }
    long with = Long.parseLong(result[1]);
    long without = Long.parseLong(result[3]);
    long classesWith = Long.parseLong(result[5]);
    long classesWithout = Long.parseLong(result[6]);
    long cpuWith = Long.parseLong(result[9]);
    long cpuWithout = Long.parseLong(result[10]);
    long mainWith = Long.parseLong(result[12]);
    long mainWithout = Long.parseLong(result[13]);
    long pairedReady = Long.parseLong(result[14]);
    long pairedMain = Long.parseLong(result[15]);
    StringBuilder s = new StringBuilder("## Spring Boot: start-up with 20 prompt interfaces\n\n");
    s.append("Time from `SpringApplication.run` to a ready context (no web server, auto-configuration only) of an application ")
        .append("with the 20 prompt interfaces of `spring-boot-example`'s `StartupPrompts` (their beans made, offline provider ")
        .append("configured), against the same application with Prompt4j's auto-configuration excluded: median of ").append(runs)
        .append(" fresh JVMs each (± half the interquartile range), the two alternating after one discarded start of each. ")
        .append("CPU time is the JVM's, all threads, when the context is ready; main thread CPU is that of the thread that started ")
        .append("the context, where Spring does its work (no JIT compiler or GC thread, and less moved by other processes than the ")
        .append("ready time). The paired difference is the median, over the starts, of each start with Prompt4j minus the start without ")
        .append("it that followed: a slow spell of a shared machine hits both. Classes are counted by the JVM when the context is ready ")
        .append("(exact; hidden classes included). Prompt4j builds its runtime and each bean's generated implementation on the first ")
        .append("call (the configuration is checked at start-up): that cost is shown as the first call of one bean.\n\n");
    s.append("| application | ready (ms) | CPU when ready (ms) | main thread CPU when ready (ms) | classes loaded |\n|---|---|---|---|---|\n");
    s.append(String.format(Locale.ROOT, "| without Prompt4j (baseline) | %d ± %s | %d | %d | %d |%n", without, result[4], cpuWithout, mainWithout,
        classesWithout));
    s.append(String.format(Locale.ROOT, "| with Prompt4j, 20 interfaces | %d ± %s | %d | %d | %d |%n", with, result[2], cpuWith, mainWith, classesWith));
    s.append(String.format(Locale.ROOT, "| difference of the medians | %d | %d | %d | %d |%n", with - without, cpuWith - cpuWithout,
        mainWith - mainWithout, classesWith - classesWithout));
    s.append(String.format(Locale.ROOT, "| paired difference (median) | %d | | %d | |%n", pairedReady, pairedMain));
    s.append(String.format(Locale.ROOT, "%nOf that, Spring making Prompt4j's beans (settings, runtime, the 20 prompt beans; from Spring's "
        + "start-up steps, the outermost step of each): %s ms.%n", result[11]));
    s.append(String.format(Locale.ROOT, "%nFirst call of one bean after start-up (builds the runtime): %s ms, %d more classes.%n",
        result[7], Long.parseLong(result[8]) - classesWith));
    summary.add("| Spring Boot ready context, 20 prompt interfaces, minus without Prompt4j ≤ 50 ms | " + (with - without) + " ms (paired "
        + pairedReady + " ms, main thread CPU " + pairedMain + " ms; " + (classesWith - classesWithout) + " classes) | "
        + (with - without <= 50 ? "met" : "**missed**") + " |");
    return s.toString();
  }
}
