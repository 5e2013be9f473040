package dev.prompt4j.processor.diag;

import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Reports catalog diagnostics on the element, annotation mirror and value they concern, so an IDE
 * underlines the exact spot, and remembers whether the current interface had an error.
 */
public final class Reporter {
  private final Messager messager;
  private boolean errors;

  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports on {@code element}. */
  public void report(Diagnostic diagnostic, Element element, Object... arguments) {
    report(diagnostic, element, null, null, arguments);
  }

  /** Reports on an annotation of {@code element} ({@code mirror}), and on one of its values when given. */
  public void report(Diagnostic diagnostic, Element element, AnnotationMirror mirror, AnnotationValue value, Object... arguments) {
    if (diagnostic.kind() == javax.tools.Diagnostic.Kind.ERROR) {
      errors = true;
    }
    String message = diagnostic.format(arguments);
    if (mirror == null) {
      messager.printMessage(diagnostic.kind(), message, element);
    } else if (value == null) {
      messager.printMessage(diagnostic.kind(), message, element, mirror);
    } else {
      messager.printMessage(diagnostic.kind(), message, element, mirror, value);
    }
  }

  /** Whether an error was reported since the last {@link #reset}. */
  public boolean hasErrors() {
    return errors;
  }

  /** Starts counting errors afresh (one interface at a time). */
  public void reset() {
    errors = false;
  }
}
