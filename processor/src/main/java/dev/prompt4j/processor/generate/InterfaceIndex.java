package dev.prompt4j.processor.generate;

import dev.prompt4j.processor.model.Models.PromptInterface;
import dev.prompt4j.processor.read.Annotations;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes, once processing is over, the index of this compilation's prompt interfaces and the Spring
 * Boot configuration metadata of their keys.
 *
 * <ul>
 *   <li>{@value #INDEX}: one interface binary name per line, sorted. Frameworks (the Spring Boot
 *       starter) read it to make one bean per interface without scanning the class path. The
 *       {@code ServiceLoader} file already names the generated factories, but those are the
 *       generated-code ABI ({@code dev.prompt4j.internal}) and a framework would have to load and
 *       instantiate every factory to learn its interface; this file names the interfaces, the
 *       public types a framework registers, in a format that is the index's own.
 *   <li>{@value #SPRING_METADATA}: per interface and per prompt method, every setting key
 *       ({@code prompt4j.<Interface>[.<method>].model|provider|temperature|...}) with its type and a
 *       description, so an IDE completes and checks them in {@code application.yml}.
 * </ul>
 *
 * <p>Both are aggregating outputs (every interface is an originating element): an incremental build
 * keeps the interfaces of an earlier index that still exist, as {@link ServiceRegistrations} does. The
 * prompt methods are read from each interface's elements (its {@code @Prompt} methods, inherited ones
 * included), so an interface not recompiled now is described as a full build would describe it;
 * interfaces and methods are sorted, so the same sources give the same bytes.
 */
public final class InterfaceIndex {
  /** The index of prompt interfaces. */
  public static final String INDEX = "META-INF/prompt4j/interfaces";
  /** The Spring Boot configuration metadata. */
  public static final String SPRING_METADATA = "META-INF/additional-spring-configuration-metadata.json";

  /** A setting every interface and method has: key name, value type, what it does. */
  record Key(String name, String type, String description) {}

  /** The per-method settings of the runtime ({@code internal.config.Setting.METHOD_SETTINGS}), documented names. */
  static final List<Key> KEYS = List.of(
      new Key("provider", "java.lang.String", "Provider name (openai, anthropic, gemini, ollama, offline) or a named instance of prompt4j.providers."),
      new Key("model", "java.lang.String", "Model name."),
      new Key("temperature", "java.lang.Double", "Sampling temperature, at least 0."),
      new Key("max-tokens", "java.lang.Integer", "Maximum output tokens, at least 1."),
      new Key("top-p", "java.lang.Double", "Nucleus sampling, from 0 to 1."),
      new Key("seed", "java.lang.Long", "Sampling seed."),
      new Key("stop", "java.lang.String", "Stop sequences separated by commas."),
      new Key("fallbacks", "java.lang.String", "Fallback provider:model pairs separated by commas, such as anthropic:claude-haiku-4-5."),
      new Key("timeout", "java.time.Duration", "Time limit of sending one prompt call, such as 30s."),
      new Key("chain-timeout", "java.time.Duration", "Time limit of a whole call with its computed fields."),
      new Key("max-attempts", "java.lang.Integer", "Answers accepted, counting the first, at least 1."),
      new Key("output-mode", "java.lang.String", "How structured answers are asked for: native, instructions or auto."));

  private final ProcessingEnvironment env;
  private final TreeSet<String> interfaces = new TreeSet<>();
  private final List<Element> originating = new ArrayList<>();

  public InterfaceIndex(ProcessingEnvironment env) {
    this.env = env;
  }

  public void add(PromptInterface model) {
    interfaces.add(env.getElementUtils().getBinaryName(model.element()).toString());
    originating.add(model.element());
  }

  /** Writes both files; an error names the file that could not be written. */
  public void write() {
    if (interfaces.isEmpty()) {
      return;
    }
    Map<String, TypeElement> all = new TreeMap<>();
    for (String name : interfaces) {
      all.put(name, env.getElementUtils().getTypeElement(name.replace('$', '.')));
    }
    for (String earlier : earlierIndex()) {
      TypeElement type = env.getElementUtils().getTypeElement(earlier.replace('$', '.'));
      if (type != null) {
        all.putIfAbsent(earlier, type);
      }
    }
    write(INDEX, String.join("\n", all.keySet()) + "\n");
    write(SPRING_METADATA, springMetadata(all));
  }

  private List<String> earlierIndex() {
    try {
      FileObject existing = env.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", INDEX);
      try (BufferedReader in = new BufferedReader(existing.openReader(true))) {
        return in.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#")).toList();
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      return List.of(); // no earlier file: a full build
    }
  }

  private void write(String path, String text) {
    try {
      FileObject file = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", path, originating.toArray(new Element[0]));
      try (OutputStream out = file.openOutputStream()) {
        out.write(text.getBytes(StandardCharsets.UTF_8));
      }
    } catch (IOException e) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, dev.prompt4j.processor.diag.Diagnostic.INDEX_FILE.format(path, e.getMessage()));
    }
  }

  /** The metadata text (no escaping: names are Java identifiers, descriptions our own constants): a group per interface, then its interface-wide keys and each method's keys. */
  String springMetadata(Map<String, TypeElement> interfaces) {
    StringBuilder groups = new StringBuilder();
    StringBuilder properties = new StringBuilder();
    for (Map.Entry<String, TypeElement> entry : interfaces.entrySet()) {
      TypeElement type = entry.getValue();
      String simple = type.getSimpleName().toString();
      String prefix = "prompt4j." + simple;
      separate(groups).append("    {\"name\": \"").append(prefix).append("\", \"type\": \"").append(entry.getKey())
          .append("\", \"description\": \"").append("Settings of every prompt method of " + simple + ".")
          .append("\"}");
      for (Key key : KEYS) {
        property(properties, prefix + "." + key.name(), key, entry.getKey(), "Every method of " + simple + ": ");
      }
      for (String method : promptMethods(type)) {
        for (Key key : KEYS) {
          property(properties, prefix + "." + method + "." + key.name(), key, entry.getKey(), simple + "." + method + ": ");
        }
      }
    }
    return "{\n  \"groups\": [\n" + groups + "\n  ],\n  \"properties\": [\n" + properties + "\n  ]\n}\n";
  }

  private static void property(StringBuilder into, String name, Key key, String source, String scope) {
    separate(into).append("    {\"name\": \"").append(name).append("\", \"type\": \"").append(key.type())
        .append("\", \"sourceType\": \"").append(source).append("\", \"description\": \"")
        .append(scope + key.description()).append("\"}");
  }

  private static StringBuilder separate(StringBuilder json) {
    return json.length() == 0 ? json : json.append(",\n");
  }

  /** The names of the {@code @Prompt} methods of {@code type}, inherited ones included, sorted. */
  private TreeSet<String> promptMethods(TypeElement type) {
    TreeSet<String> names = new TreeSet<>();
    for (ExecutableElement method : ElementFilter.methodsIn(env.getElementUtils().getAllMembers(type))) {
      for (AnnotationMirror mirror : method.getAnnotationMirrors()) {
        if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(Annotations.PROMPT)) {
          names.add(method.getSimpleName().toString());
        }
      }
    }
    return names;
  }
}
