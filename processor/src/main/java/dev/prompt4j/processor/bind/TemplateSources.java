package dev.prompt4j.processor.bind;

import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.read.Annotations;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;
import javax.tools.FileObject;
import javax.tools.StandardLocation;

/** The text of a prompt method's template: {@code @Prompt(value)}, or the file {@code @Prompt(file)} names. */
final class TemplateSources {
  private final Elements elements;
  private final Filer filer;

  TemplateSources(Elements elements, Filer filer) {
    this.elements = elements;
    this.filer = filer;
  }

  Optional<String> text(ExecutableElement method, AnnotationMirror prompt, Report.Builder report) {
    String value = (String) Annotations.value(elements, prompt, "value").getValue();
    String file = (String) Annotations.value(elements, prompt, "file").getValue();
    if (value.isEmpty() == file.isEmpty()) {
      report.report(Diagnostic.TEMPLATE_SOURCE, method, prompt, null, method.getSimpleName() + "()",
          value.isEmpty() ? "sets neither value nor file" : "sets both value and file");
      return Optional.empty();
    }
    if (!value.isEmpty()) {
      return Optional.of(value);
    }
    String path = file.startsWith("/") ? file.substring(1) : file;
    for (StandardLocation location : List.of(StandardLocation.CLASS_PATH, StandardLocation.SOURCE_PATH, StandardLocation.CLASS_OUTPUT)) {
      try {
        FileObject resource = filer.getResource(location, "", path);
        return Optional.of(resource.getCharContent(true).toString());
      } catch (IOException | IllegalArgumentException e) {
        // not in this location
      }
    }
    report.report(Diagnostic.TEMPLATE_FILE_NOT_FOUND, method, prompt, Annotations.explicitValue(prompt, "file").orElse(null), file,
        method.getSimpleName() + "()");
    return Optional.empty();
  }
}
