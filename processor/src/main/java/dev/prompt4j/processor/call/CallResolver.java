package dev.prompt4j.processor.call;

import static dev.prompt4j.processor.read.Annotations.CALL;

import dev.prompt4j.processor.cost.PriceCheck;
import dev.prompt4j.processor.declare.Declarations;
import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.diag.Result;
import dev.prompt4j.processor.model.Models.CallConfig;
import dev.prompt4j.processor.read.Annotations;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Stage 2: the effective {@code @Call} of each prompt method: its own attributes over those of the
 * interface that declares it, over those of the interface being read. Checks the values no provider
 * accepts here rather than as an HTTP 400 at run time.
 */
public final class CallResolver {
  private final Elements elements;
  private final PriceCheck prices;

  public CallResolver(Elements elements) {
    this.elements = elements;
    this.prices = new PriceCheck(elements);
  }

  /**
   * The call of every prompt method, by method. A base interface may leave {@code @Call} to the
   * interfaces extending it: then it stops with a clean report (no implementation, no error).
   */
  public Result<Map<ExecutableElement, CallConfig>> resolve(Declarations declarations) {
    Report.Builder report = new Report.Builder();
    TypeElement type = declarations.type();
    Optional<AnnotationMirror> interfaceCall = Annotations.mirror(type, CALL);
    interfaceCall.ifPresent(mirror -> check(type, mirror, report));
    Map<ExecutableElement, CallConfig> calls = new LinkedHashMap<>();
    boolean incomplete = false;
    for (ExecutableElement method : declarations.prompts()) {
      Optional<AnnotationMirror> methodCall = Annotations.mirror(method, CALL);
      methodCall.ifPresent(mirror -> check(method, mirror, report));
      // An inherited method takes the @Call of the interface that declares it, before the one being read.
      Element declaring = method.getEnclosingElement();
      Optional<AnnotationMirror> defaultCall =
          declaring.equals(type) ? interfaceCall : Annotations.mirror(declaring, CALL).or(() -> interfaceCall);
      if (methodCall.isPresent() || defaultCall.isPresent()) {
        calls.put(method, config(methodCall.orElse(null), defaultCall.orElse(null)));
      } else if (declarations.base()) {
        incomplete = true;
      } else {
        report.report(Diagnostic.MISSING_CALL, method, method.getSimpleName() + "()", type.getSimpleName());
      }
    }
    return incomplete ? Result.stop(report.build()) : Result.of(Map.copyOf(calls), report.build());
  }

  private void check(Element element, AnnotationMirror mirror, Report.Builder report) {
    for (String attribute : List.of("provider", "model")) {
      AnnotationValue value = Annotations.value(elements, mirror, attribute);
      if (value.getValue() instanceof String s && s.isBlank()) {
        report.report(Diagnostic.BLANK_CALL_VALUE, element, mirror, value, attribute, attribute);
      }
    }
    AnnotationValue fallbacks = Annotations.value(elements, mirror, "fallbacks");
    for (String fallback : Annotations.strings(fallbacks)) {
      int colon = fallback.indexOf(':');
      if (colon <= 0 || colon == fallback.length() - 1 || fallback.isBlank()) {
        report.report(Diagnostic.INVALID_FALLBACK, element, mirror, fallbacks, fallback);
      }
    }
    range(element, mirror, "temperature", v -> (Double) v >= 0 && (Double) v <= 2, "between 0 and 2", report);
    range(element, mirror, "topP", v -> (Double) v > 0 && (Double) v <= 1, "above 0 and at most 1", report);
    range(element, mirror, "maxTokens", v -> (Integer) v >= 1, "at least 1", report);
    prices.check(element, mirror, report);
  }

  private static void range(
      Element element, AnnotationMirror mirror, String attribute, Predicate<Object> valid, String rule, Report.Builder report) {
    Annotations.explicitValue(mirror, attribute).ifPresent(value -> {
      if (!valid.test(value.getValue())) {
        report.report(Diagnostic.INVALID_CALL_PARAMETER, element, mirror, value, attribute + " = " + value.getValue(), rule);
      }
    });
  }

  private CallConfig config(AnnotationMirror method, AnnotationMirror type) {
    AnnotationMirror primary = method != null ? method : type;
    String provider = (String) Annotations.value(elements, primary, "provider").getValue();
    String model = (String) Annotations.value(elements, primary, "model").getValue();
    Double temperature = (Double) parameter(method, type, "temperature", v -> !Double.isNaN((Double) v));
    Double topP = (Double) parameter(method, type, "topP", v -> !Double.isNaN((Double) v));
    Integer maxTokens = (Integer) parameter(method, type, "maxTokens", v -> (Integer) v != -1);
    Long seed = (Long) parameter(method, type, "seed", v -> (Long) v != Long.MIN_VALUE);
    List<String> stop = strings(parameter(method, type, "stop", v -> !((List<?>) v).isEmpty()));
    List<String> fallbacks = strings(parameter(method, type, "fallbacks", v -> !((List<?>) v).isEmpty()));
    return new CallConfig(provider, model, temperature, maxTokens, topP, stop, seed, fallbacks);
  }

  private static List<String> strings(Object values) {
    return values == null ? List.of() : ((List<?>) values).stream().map(a -> (String) ((AnnotationValue) a).getValue()).toList();
  }

  /** The method's explicit value if set, else the interface's, else {@code null}. */
  private static Object parameter(AnnotationMirror method, AnnotationMirror type, String name, Predicate<Object> isSet) {
    for (AnnotationMirror mirror : new AnnotationMirror[] {method, type}) {
      if (mirror == null) {
        continue;
      }
      Optional<AnnotationValue> value = Annotations.explicitValue(mirror, name);
      if (value.isPresent() && isSet.test(value.get().getValue())) {
        return value.get().getValue();
      }
    }
    return null;
  }
}
