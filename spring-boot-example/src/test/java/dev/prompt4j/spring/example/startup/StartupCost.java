package dev.prompt4j.spring.example.startup;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Start-up cost of Prompt4j in a Spring Boot application: the time to a ready context with the twenty
 * prompt interfaces of {@link StartupPrompts} (their beans made) against the same application with
 * Prompt4j's auto-configuration excluded, and the classes each loaded by then. Each start is a fresh
 * JVM (class loading is most of the cost), the two alternate after one discarded start of each, and
 * the medians are printed. Prompt4j builds its runtime on the first call, so the cost moved there is
 * measured too: the first call of one bean, and the classes loaded after it. A measurement, not a
 * test: nothing asserts. {@code benchmarks/run.sh --only=spring} runs it and writes its section.
 *
 * <pre>
 * mvn -B -q -pl spring-boot-example -am -DskipTests install
 * mvn -B -q -pl spring-boot-example exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.prompt4j.spring.example.startup.StartupCost [-Dexec.args=11]
 * </pre>
 *
 * <p>The last line, {@code RESULT ...}, is for {@code benchmarks/run.sh}: runs, then the medians and
 * half interquartile ranges of the ready time with and without Prompt4j (ms), the classes loaded with
 * and without, the first call (ms), the classes loaded after it, and the medians of the JVM's CPU time
 * when ready with and without (ms), the time Spring spent making Prompt4j's beans (ms, from
 * Spring's start-up steps: the part of the difference that is Prompt4j's own work), the medians of the
 * main thread's CPU time when ready with and without (ms), and the medians of the paired differences
 * (each start with Prompt4j minus the start without it that followed) of the ready time and of the main
 * thread's CPU time (ms): on a shared machine these move far less than the difference of the medians.
 */
public final class StartupCost {
  private static final String WITHOUT = "--spring.autoconfigure.exclude="
      + "dev.prompt4j.spring.boot.autoconfigure.Prompt4jAutoConfiguration,dev.prompt4j.spring.boot.autoconfigure.Prompt4jActuatorAutoConfiguration,"
      + "dev.prompt4j.spring.boot.autoconfigure.Prompt4jObservationAutoConfiguration";

  private StartupCost() {}

  /** The measured application: auto-configuration only, no web server, no scanning. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Application {}

  /**
   * One start: ready time, CPU time of the JVM (all threads) when ready, classes loaded when ready, first
   * call time and classes loaded after it (-1 without Prompt4j), Spring's time making Prompt4j's beans,
   * and the CPU time of the thread that started the context (where Spring does its work; less disturbed
   * by other processes than the ready time, and without the JIT compiler's and GC's threads).
   */
  private record Start(long readyMs, long cpuMs, long classes, long firstCallMs, long classesAfterCall, long beansMicros, long mainCpuMs) {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 11;
    List<Start> with = new ArrayList<>();
    List<Start> without = new ArrayList<>();
    fork(true); // warm the file system cache and the JIT-less paths alike
    fork(false);
    for (int i = 0; i < runs; i++) {
      with.add(fork(true));
      without.add(fork(false));
    }
    long[] a = with.stream().mapToLong(Start::readyMs).toArray();
    long[] b = without.stream().mapToLong(Start::readyMs).toArray();
    long[] cpuA = with.stream().mapToLong(Start::cpuMs).toArray();
    long[] cpuB = without.stream().mapToLong(Start::cpuMs).toArray();
    long classesWith = median(with.stream().mapToLong(Start::classes).toArray());
    long classesWithout = median(without.stream().mapToLong(Start::classes).toArray());
    long beansMicros = median(with.stream().mapToLong(Start::beansMicros).toArray());
    long firstCall = median(with.stream().mapToLong(Start::firstCallMs).toArray());
    long classesAfterCall = median(with.stream().mapToLong(Start::classesAfterCall).toArray());
    long[] mainA = with.stream().mapToLong(Start::mainCpuMs).toArray();
    long[] mainB = without.stream().mapToLong(Start::mainCpuMs).toArray();
    // each start with Prompt4j minus the start without it that followed: a slower spell of the machine hits both
    long pairedReady = median(differences(a, b));
    long pairedMain = median(differences(mainA, mainB));
    System.out.printf(Locale.ROOT, "ready context, median of %d fresh JVMs: with Prompt4j (20 interfaces) %d ms, without %d ms, difference %d ms%n",
        runs, median(a), median(b), median(a) - median(b));
    System.out.printf(Locale.ROOT, "CPU time of the JVM when ready: with %d ms, without %d ms, difference %d ms%n",
        median(cpuA), median(cpuB), median(cpuA) - median(cpuB));
    System.out.printf(Locale.ROOT, "classes loaded when ready: with %d, without %d, difference %d; first call %d ms, %d more classes%n",
        classesWith, classesWithout, classesWith - classesWithout, firstCall, classesAfterCall - classesWith);
    System.out.printf(Locale.ROOT, "Spring making Prompt4j's beans (settings, runtime, 20 prompt beans): %.1f ms%n", beansMicros / 1000.0);
    System.out.printf(Locale.ROOT, "CPU time of the main thread when ready: with %d ms, without %d ms; median of paired differences: ready %d ms,"
        + " main thread CPU %d ms%n", median(mainA), median(mainB), pairedReady, pairedMain);
    System.out.println("with:    " + with);
    System.out.println("without: " + without);
    System.out.printf(Locale.ROOT, "RESULT %d %d %.1f %d %.1f %d %d %d %d %d %d %.1f %d %d %d %d%n", runs, median(a), halfIqr(a), median(b), halfIqr(b),
        classesWith, classesWithout, firstCall, classesAfterCall, median(cpuA), median(cpuB), beansMicros / 1000.0, median(mainA), median(mainB),
        pairedReady, pairedMain);
  }

  /** Starts the application in this JVM and prints the milliseconds to a ready context and the classes loaded. */
  private static void child(String[] args) throws Exception {
    long start = System.nanoTime();
    BufferingApplicationStartup steps = new BufferingApplicationStartup(100_000);
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
        .web(WebApplicationType.NONE).logStartupInfo(false).applicationStartup(steps).run(args)) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      long cpu = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1_000_000;
      long classes = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
      long mainCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() / 1_000_000;
      String[] beans = context.getBeanNamesForType(StartupPrompts.Prompts01.class);
      long callMs = -1;
      long classesAfterCall = -1;
      if (beans.length == 1) {
        long called = System.nanoTime();
        String answer = context.getBean(StartupPrompts.Prompts01.class).summarize("start-up");
        callMs = (System.nanoTime() - called) / 1_000_000;
        classesAfterCall = ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
        if (answer == null || answer.isEmpty()) {
          throw new IllegalStateException("no answer from the offline provider");
        }
      }
      System.out.println("READY " + millis + " " + beans.length + " " + cpu + " " + classes + " " + callMs + " " + classesAfterCall + " "
          + prompt4jBeansMicros(steps) + " " + mainCpu);
    }
  }

  /**
   * The time Spring spent making Prompt4j's beans (its auto-configurations, settings, runtime, the
   * prompt interfaces' beans), in microseconds: the outermost of their instantiation steps, so a bean
   * made while making another counts once.
   */
  private static long prompt4jBeansMicros(BufferingApplicationStartup steps) {
    java.util.Map<Long, org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent> byId = new java.util.HashMap<>();
    List<org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent> events = steps.getBufferedTimeline().getEvents();
    events.forEach(event -> byId.put(event.getStartupStep().getId(), event));
    long micros = 0;
    for (var event : events) {
      if (isPrompt4jBean(event) && !hasPrompt4jParent(event, byId)) {
        micros += event.getDuration().toNanos() / 1_000;
        if (Boolean.getBoolean("startup.steps")) {
          StringBuilder tags = new StringBuilder();
          event.getStartupStep().getTags().forEach(tag -> tags.append(' ').append(tag.getValue()));
          System.out.println("STEP " + event.getDuration().toNanos() / 1_000 + tags);
        }
      }
    }
    return micros;
  }

  private static boolean isPrompt4jBean(org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent event) {
    if (!event.getStartupStep().getName().equals("spring.beans.instantiate")) {
      return false;
    }
    for (var tag : event.getStartupStep().getTags()) {
      if (tag.getKey().equals("beanName")) {
        String bean = tag.getValue();
        // Prompt4j's auto-configuration classes and beans, and the prompt interfaces' beans (not this harness's own class)
        return bean.startsWith("dev.prompt4j.spring.boot.") || bean.startsWith("prompt4j") || bean.startsWith("prompts")
            || bean.equals("trendAnalysis");
      }
    }
    return false;
  }

  private static boolean hasPrompt4jParent(org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent event,
      java.util.Map<Long, org.springframework.boot.context.metrics.buffering.StartupTimeline.TimelineEvent> byId) {
    for (Long parent = event.getStartupStep().getParentId(); parent != null; ) {
      var up = byId.get(parent);
      if (up == null) {
        return false;
      }
      if (isPrompt4jBean(up)) {
        return true;
      }
      parent = up.getStartupStep().getParentId();
    }
    return false;
  }

  private static Start fork(boolean prompt4j) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java", "-Xshare:auto",
        "-cp", System.getProperty("java.class.path"), StartupCost.class.getName(), "--child",
        "--prompt4j.providers.offline.script=offline/trends.json", "--logging.level.root=WARN"));
    if (!prompt4j) {
      command.add(WITHOUT);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    Start start = null;
    List<String> output = new ArrayList<>();
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        output.add(line);
        if (line.startsWith("READY ")) {
          String[] parts = line.split(" ");
          if (prompt4j != parts[2].equals("1")) {
            throw new IllegalStateException("expected " + (prompt4j ? "a bean" : "no bean") + " of Prompts01, got " + parts[2]);
          }
          start = new Start(Long.parseLong(parts[1]), Long.parseLong(parts[3]), Long.parseLong(parts[4]), Long.parseLong(parts[5]),
              Long.parseLong(parts[6]), Long.parseLong(parts[7]), Long.parseLong(parts[8]));
        }
      }
    }
    if (process.waitFor() != 0 || start == null) {
      throw new IllegalStateException("the measured application failed:\n" + String.join("\n", output));
    }
    return start;
  }

  private static long[] differences(long[] with, long[] without) {
    long[] differences = new long[with.length];
    for (int i = 0; i < with.length; i++) {
      differences[i] = with[i] - without[i];
    }
    return differences;
  }

  private static long median(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }

  private static double halfIqr(long[] values) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    return (sorted[(sorted.length * 3) / 4] - sorted[sorted.length / 4]) / 2.0;
  }
}
