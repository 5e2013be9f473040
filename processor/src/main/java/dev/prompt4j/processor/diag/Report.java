package dev.prompt4j.processor.diag;

import java.util.ArrayList;
import java.util.List;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * The diagnostics one stage found, immutable (after Dagger's {@code ValidationReport}): a stage returns
 * its report, the pipeline prints it and stops the interface when it is not clean.
 *
 * @param items the diagnostics, in the order they were found
 */
public record Report(List<Item> items) {
  public Report {
    items = List.copyOf(items);
  }

  /** A report with nothing in it. */
  public static Report empty() {
    return new Report(List.of());
  }

  /**
   * One diagnostic, and where it goes: the element, and optionally its annotation and one of its values.
   *
   * @param diagnostic the catalog entry
   * @param element where
   * @param mirror an annotation of {@code element}, or {@code null}
   * @param value a value of {@code mirror}, or {@code null}
   * @param message the formatted message
   */
  public record Item(Diagnostic diagnostic, Element element, AnnotationMirror mirror, AnnotationValue value, String message) {}

  /** Whether the report holds no error (warnings are clean). */
  public boolean isClean() {
    return items.stream().noneMatch(i -> i.diagnostic().kind() == javax.tools.Diagnostic.Kind.ERROR);
  }

  /** This report followed by {@code other}. */
  public Report and(Report other) {
    List<Item> all = new ArrayList<>(items);
    all.addAll(other.items);
    return new Report(all);
  }

  /** Prints every item on the exact spot it concerns, so an IDE underlines it. */
  public void printTo(Messager messager) {
    for (Item item : items) {
      if (item.mirror() == null) {
        messager.printMessage(item.diagnostic().kind(), item.message(), item.element());
      } else if (item.value() == null) {
        messager.printMessage(item.diagnostic().kind(), item.message(), item.element(), item.mirror());
      } else {
        messager.printMessage(item.diagnostic().kind(), item.message(), item.element(), item.mirror(), item.value());
      }
    }
  }

  /** Collects the items of one stage; {@link #build()} gives the immutable report. Not shared between stages. */
  public static final class Builder {
    private final List<Item> items = new ArrayList<>();

    /** Reports on {@code element}. */
    public Builder report(Diagnostic diagnostic, Element element, Object... arguments) {
      return report(diagnostic, element, null, null, arguments);
    }

    /** Reports on an annotation of {@code element} ({@code mirror}), and on one of its values when given. */
    public Builder report(Diagnostic diagnostic, Element element, AnnotationMirror mirror, AnnotationValue value, Object... arguments) {
      items.add(new Item(diagnostic, element, mirror, value, diagnostic.format(arguments)));
      return this;
    }

    public Report build() {
      return new Report(items);
    }
  }
}
