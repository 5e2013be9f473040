package dev.prompt4j.processor.generate;

import dev.prompt4j.processor.model.Models.PromptInterface;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/**
 * Writes {@code META-INF/services/dev.prompt4j.internal.PromptFactory} once processing is over: the
 * factories generated now, plus those of an earlier incremental compilation that still exist.
 */
public final class ServiceRegistrations {
  static final String FILE = "META-INF/services/dev.prompt4j.internal.PromptFactory";

  private final ProcessingEnvironment env;
  private final TreeSet<String> factories = new TreeSet<>();
  private final List<Element> originating = new ArrayList<>();

  public ServiceRegistrations(ProcessingEnvironment env) {
    this.env = env;
  }

  public void add(PromptInterface model) {
    factories.add(model.implementationName().reflectionName() + "$Factory");
    originating.add(model.element());
  }

  public void write() {
    if (factories.isEmpty()) {
      return;
    }
    TreeSet<String> all = new TreeSet<>(factories);
    try {
      FileObject existing = env.getFiler().getResource(StandardLocation.CLASS_OUTPUT, "", FILE);
      try (BufferedReader in = new BufferedReader(existing.openReader(true))) {
        in.lines().map(String::strip).filter(line -> !line.isEmpty() && !line.startsWith("#"))
            .filter(line -> env.getElementUtils().getTypeElement(line.replace('$', '.')) != null)
            .forEach(all::add);
      }
    } catch (IOException | IllegalArgumentException | IllegalStateException e) {
      // No earlier file: a full build.
    }
    try {
      FileObject file = env.getFiler().createResource(StandardLocation.CLASS_OUTPUT, "", FILE, originating.toArray(new Element[0]));
      try (Writer out = new java.io.OutputStreamWriter(file.openOutputStream(), StandardCharsets.UTF_8)) {
        for (String factory : all) {
          out.write(factory);
          out.write('\n');
        }
      }
    } catch (IOException e) {
      env.getMessager().printMessage(Diagnostic.Kind.ERROR, dev.prompt4j.processor.diag.Diagnostic.SERVICE_FILE.format(FILE, e.getMessage()));
    }
  }
}
