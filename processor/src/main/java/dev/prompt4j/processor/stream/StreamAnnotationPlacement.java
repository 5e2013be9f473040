package dev.prompt4j.processor.stream;

import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.read.Annotations;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Streaming (#11): {@code @StreamDone} and {@code @StreamRequired} say how a record component streams,
 * so anywhere else they are an error. On a component javac also puts them on the component's field,
 * accessor and constructor parameter; those are fine.
 */
public final class StreamAnnotationPlacement {
  private StreamAnnotationPlacement() {}

  /** Reports each misplaced annotation of this round. */
  public static Report check(RoundEnvironment round, Elements elements) {
    Report.Builder report = new Report.Builder();
    for (String annotation : new String[] {Annotations.STREAM_DONE, Annotations.STREAM_REQUIRED}) {
      TypeElement type = elements.getTypeElement(annotation);
      if (type == null) {
        continue;
      }
      for (Element element : round.getElementsAnnotatedWith(type)) {
        if (!onComponent(element)) {
          report.report(Diagnostic.STREAM_ANNOTATION_PLACEMENT, element, Annotations.mirror(element, annotation).orElseThrow(), null,
              type.getSimpleName(), describe(element));
        }
      }
    }
    return report.build();
  }

  private static boolean onComponent(Element element) {
    if (element.getKind() == ElementKind.RECORD_COMPONENT) {
      return true;
    }
    Element owner = element.getKind() == ElementKind.PARAMETER ? element.getEnclosingElement().getEnclosingElement() : element.getEnclosingElement();
    if (owner == null || owner.getKind() != ElementKind.RECORD) {
      return false;
    }
    return ((TypeElement) owner).getRecordComponents().stream().anyMatch(c -> c.getSimpleName().contentEquals(element.getSimpleName()));
  }

  private static String describe(Element element) {
    String kind = element.getKind().toString().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
    return kind + " " + element.getSimpleName() + (element.getKind() == ElementKind.METHOD ? "()" : "")
        + " of " + element.getEnclosingElement().getSimpleName();
  }
}
