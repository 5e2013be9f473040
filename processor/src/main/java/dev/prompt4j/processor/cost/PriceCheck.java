package dev.prompt4j.processor.cost;

import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.diag.Suggestions;
import dev.prompt4j.processor.read.Annotations;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * Warns when a {@code @Call} (its model or a {@code provider:model} fallback) names a model the
 * runtime's price table ({@link PriceList}) does not price: its calls would report an unknown cost.
 * Providers the table does not list (custom, local) are not checked; a model priced at run time by
 * configuration or a {@code PriceSource} still warns, since the processor cannot see either.
 */
public final class PriceCheck {
  private final Elements elements;
  private final PriceList table = PriceList.shipped();

  public PriceCheck(Elements elements) {
    this.elements = elements;
  }

  /** Checks one {@code @Call} annotation ({@code mirror} on {@code element}). */
  public void check(Element element, AnnotationMirror mirror, Report.Builder report) {
    AnnotationValue model = Annotations.value(elements, mirror, "model");
    if (Annotations.value(elements, mirror, "provider").getValue() instanceof String provider
        && model.getValue() instanceof String name) {
      check(element, mirror, model, provider, name, "model", report);
    }
    AnnotationValue fallbacks = Annotations.value(elements, mirror, "fallbacks");
    for (String fallback : Annotations.strings(fallbacks)) {
      int colon = fallback.indexOf(':');
      if (colon > 0 && colon < fallback.length() - 1) { // malformed ones are InvalidFallback
        check(element, mirror, fallbacks, fallback.substring(0, colon), fallback.substring(colon + 1), "fallback", report);
      }
    }
  }

  private void check(Element element, AnnotationMirror mirror, AnnotationValue value, String provider, String model, String what,
      Report.Builder report) {
    if (model.isBlank() || !table.knows(provider) || table.prices(provider, model)) {
      return;
    }
    String closest = Suggestions.closest(model, table.priced(provider));
    report.report(Diagnostic.UNPRICED_MODEL, element, mirror, value, what, provider + ":" + model, table.version(),
        closest != null ? "did you mean " + closest + "? Or " : "", provider, model);
  }
}
