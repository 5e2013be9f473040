package dev.prompt4j.spring.example.startup;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * Start-up cost of Prompt4j in a Spring Boot application: the time to a ready context with the twenty
 * prompt interfaces of {@link StartupPrompts} (their beans made) against the same application with
 * Prompt4j's auto-configuration excluded. Each start is a fresh JVM (class loading is most of the
 * cost), the two alternate, and the medians are printed. A measurement, not a test: nothing asserts.
 *
 * <pre>
 * mvn -B -q -pl spring-boot-example -am -DskipTests install
 * mvn -B -q -pl spring-boot-example exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.prompt4j.spring.example.startup.StartupCost [-Dexec.args=10]
 * </pre>
 */
public final class StartupCost {
  private static final String WITHOUT = "--spring.autoconfigure.exclude="
      + "dev.prompt4j.spring.boot.autoconfigure.Prompt4jAutoConfiguration,dev.prompt4j.spring.boot.autoconfigure.Prompt4jActuatorAutoConfiguration";

  private StartupCost() {}

  /** The measured application: auto-configuration only, no web server, no scanning. */
  @Configuration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  static class Application {}

  public static void main(String[] args) throws Exception {
    if (args.length > 0 && args[0].equals("--child")) {
      child(Arrays.copyOfRange(args, 1, args.length));
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    List<Long> with = new ArrayList<>();
    List<Long> without = new ArrayList<>();
    fork(false); // warm the file system cache
    for (int i = 0; i < runs; i++) {
      with.add(fork(true));
      without.add(fork(false));
    }
    long a = median(with);
    long b = median(without);
    System.out.printf("ready context, median of %d fresh JVMs: with Prompt4j (20 interfaces) %d ms, without %d ms, difference %d ms%n",
        runs, a, b, a - b);
    System.out.println("with:    " + with);
    System.out.println("without: " + without);
  }

  /** Starts the application in this JVM and prints the milliseconds to a ready context. */
  private static void child(String[] args) {
    long start = System.nanoTime();
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(Application.class)
        .web(WebApplicationType.NONE).logStartupInfo(false).run(args)) {
      long millis = (System.nanoTime() - start) / 1_000_000;
      int beans = context.getBeanNamesForType(StartupPrompts.Prompts01.class).length;
      System.out.println("READY " + millis + " " + beans);
    }
  }

  private static long fork(boolean prompt4j) throws Exception {
    List<String> command = new ArrayList<>(List.of(
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
        "-cp", System.getProperty("java.class.path"), StartupCost.class.getName(), "--child",
        "--prompt4j.providers.offline.script=offline/trends.json", "--logging.level.root=WARN"));
    if (!prompt4j) {
      command.add(WITHOUT);
    }
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    long millis = -1;
    try (BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      for (String line = out.readLine(); line != null; line = out.readLine()) {
        if (line.startsWith("READY ")) {
          String[] parts = line.split(" ");
          millis = Long.parseLong(parts[1]);
          if (prompt4j != parts[2].equals("1")) {
            throw new IllegalStateException("expected " + (prompt4j ? "a bean" : "no bean") + " of Prompts01, got " + parts[2]);
          }
        }
      }
    }
    if (process.waitFor() != 0 || millis < 0) {
      throw new IllegalStateException("the measured application failed");
    }
    return millis;
  }

  private static long median(List<Long> values) {
    List<Long> sorted = new ArrayList<>(values);
    sorted.sort(null);
    return sorted.get(sorted.size() / 2);
  }
}
