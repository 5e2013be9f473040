package dev.prompt4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prompt4j.spring.boot.autoconfigure.prompts.Classifier;
import dev.prompt4j.spring.boot.autoconfigure.prompts.Greeter;
import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import dev.prompt4j.internal.GeneratedPrompts;
import org.springframework.aot.generate.ClassNameGenerator;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.predicate.RuntimeHintsPredicates;
import org.springframework.aot.generate.DefaultGenerationContext;
import org.springframework.aot.generate.GeneratedFiles.Kind;
import org.springframework.aot.generate.InMemoryGeneratedFiles;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.aot.ApplicationContextAotGenerator;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.javapoet.ClassName;

/**
 * Spring's AOT processing, as {@code spring-boot:process-aot} runs it: the context is processed at
 * build time, the code it writes is compiled, and a context started from that code alone (no
 * registrar, no index read, no configuration-class parsing) has a working bean per prompt interface.
 */
class AotProcessingTest {
  @Configuration(proxyBeanMethods = false)
  @ImportAutoConfiguration(Prompt4jAutoConfiguration.class)
  static class Application {}

  private static final Map<String, Object> PROPERTIES = Map.of("prompt4j.providers.offline.script", "offline/greeter.json");

  @Test
  void aContextStartedFromGeneratedCodeHasTheBeansOfThePromptInterfaces(@TempDir Path directory) throws Exception {
    // Build time.
    AnnotationConfigApplicationContext buildTime = new AnnotationConfigApplicationContext();
    buildTime.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", PROPERTIES));
    buildTime.register(Application.class);
    InMemoryGeneratedFiles files = new InMemoryGeneratedFiles();
    DefaultGenerationContext generation = new DefaultGenerationContext(new ClassNameGenerator(ClassName.get(Application.class)), files);
    ClassName initializer = new ApplicationContextAotGenerator().processAheadOfTime(buildTime, generation);
    generation.writeGeneratedContent();
    String generated = String.join("\n", sources(files).values());
    assertThat(generated).contains("PromptInterfaces.create(").contains("Greeter.class").contains("Classifier.class");
    // A native image can make each bean (the processor's lazy class, through its public constructor); no proxy is needed.
    assertThat(RuntimeHintsPredicates.reflection().onType(LazyPrompts.lazyClass(Greeter.class)).withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS))
        .accepts(generation.getRuntimeHints());
    assertThat(RuntimeHintsPredicates.reflection().onType(LazyPrompts.lazyClass(Classifier.class)).withMemberCategory(MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS))
        .accepts(generation.getRuntimeHints());
    assertThat(RuntimeHintsPredicates.proxies().forInterfaces(Greeter.class, GeneratedPrompts.class)).rejects(generation.getRuntimeHints());

    // Run time: only the generated code registers beans.
    compileAndDefine(sources(files), directory);
    GenericApplicationContext runTime = new GenericApplicationContext();
    runTime.getEnvironment().getPropertySources().addFirst(new MapPropertySource("test", PROPERTIES));
    @SuppressWarnings("unchecked")
    ApplicationContextInitializer<GenericApplicationContext> init = (ApplicationContextInitializer<GenericApplicationContext>)
        Class.forName(initializer.reflectionName()).getDeclaredConstructor().newInstance();
    init.initialize(runTime);
    runTime.refresh();
    try {
      assertThat(runTime.getBean(Greeter.class).greet("Ada")).isEqualTo("Hello, Ada!");
      assertThat(runTime.getBean(Classifier.class).mood("Sunny")).isEqualTo(Classifier.Mood.HAPPY);
    } finally {
      runTime.close();
    }
  }

  /** The class {@code generated} (such as {@code a.b.Outer_Inner__BeanDefinitions}) was written for: a class of its package. */
  private static Class<?> generatedFor(String generated) throws ClassNotFoundException {
    String target = generated.substring(0, generated.indexOf("__"));
    int simple = target.lastIndexOf('.') + 1;
    try {
      return Class.forName(target);
    } catch (ClassNotFoundException e) {
      return Class.forName(target.substring(0, simple) + target.substring(simple).replace('_', '$'));
    }
  }

  private static Map<String, String> sources(InMemoryGeneratedFiles files) {
    Map<String, String> sources = new java.util.TreeMap<>();
    files.getGeneratedFiles(Kind.SOURCE).forEach((path, content) -> {
      try (var in = content.getInputStream()) {
        sources.put(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    return sources;
  }

  /**
   * Compiles the generated sources and defines each class in the package and class loader of the
   * class it was generated for, as the application's own build would (generated code may reach
   * package-private types).
   */
  private static void compileAndDefine(Map<String, String> sources, Path directory) throws Exception {
    Path src = directory.resolve("src");
    Path classes = Files.createDirectories(directory.resolve("classes"));
    List<String> arguments = new ArrayList<>(List.of("-d", classes.toString(), "-classpath", System.getProperty("java.class.path"), "-proc:none"));
    for (Map.Entry<String, String> source : sources.entrySet()) {
      Path file = src.resolve(source.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, source.getValue());
      arguments.add(file.toString());
    }
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    assertThat(javac.run(null, null, null, arguments.toArray(String[]::new))).as("javac of the AOT sources").isZero();
    try (Stream<Path> compiled = Files.walk(classes)) {
      for (Path file : compiled.filter(f -> f.toString().endsWith(".class")).sorted().toList()) {
        String name = classes.relativize(file).toString().replace(java.io.File.separatorChar, '.').replace(".class", "");
        MethodHandles.privateLookupIn(generatedFor(name), MethodHandles.lookup()).defineClass(Files.readAllBytes(file));
      }
    }
  }
}
