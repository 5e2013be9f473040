package dev.prompt4j.processor.bind;

import static dev.prompt4j.processor.read.Annotations.PROMPT;

import dev.prompt4j.processor.declare.Declarations;
import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.diag.Result;
import dev.prompt4j.processor.model.Models.Output;
import dev.prompt4j.processor.model.Models.ValueAccess;
import dev.prompt4j.processor.read.Annotations;
import dev.prompt4j.processor.read.OutputTypes;
import dev.prompt4j.processor.template.Template;
import dev.prompt4j.processor.template.Template.Placeholder;
import dev.prompt4j.processor.template.TemplateException;
import dev.prompt4j.processor.template.TemplateParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Stage 3: each prompt method's template parsed and bound to its parameters and the computed fields,
 * and its answer type read. Every method is bound, so every error of the stage is reported.
 */
public final class TemplateBinder {
  private final Elements elements;
  private final Types types;
  private final TemplateSources sources;
  private final OutputTypes outputs;

  public TemplateBinder(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.sources = new TemplateSources(elements, env.getFiler());
    this.outputs = new OutputTypes(env);
  }

  /** The bound methods of {@code declarations}, in their order. */
  public Result<List<BoundMethod>> bind(Declarations declarations) {
    Report.Builder report = new Report.Builder();
    List<BoundMethod> bound = new ArrayList<>();
    for (ExecutableElement method : declarations.prompts()) {
      bind(declarations, method, report).ifPresent(bound::add);
    }
    return Result.of(List.copyOf(bound), report.build());
  }

  private Optional<BoundMethod> bind(Declarations declarations, ExecutableElement method, Report.Builder report) {
    AnnotationMirror prompt = Annotations.mirror(method, PROMPT).orElseThrow();
    TypeMirror returnType = declarations.members().returnType(method);
    Optional<Output> output = outputs.read(method, returnType, report);

    Optional<String> text = sources.text(method, prompt, report);
    if (text.isEmpty()) {
      return Optional.empty();
    }
    AnnotationValue templateValue =
        Annotations.explicitValue(prompt, "value").or(() -> Annotations.explicitValue(prompt, "file")).orElse(null);
    Template template;
    try {
      List<TemplateException> warnings = new ArrayList<>();
      template = TemplateParser.parse(text.get(), warnings);
      warnings.forEach(w -> report.report(w.diagnostic(), method, prompt, templateValue, w.arguments()));
    } catch (TemplateException e) {
      report.report(e.diagnostic(), method, prompt, templateValue, e.arguments());
      return Optional.empty();
    }
    PlaceholderResolver resolver =
        new PlaceholderResolver(elements, types, declarations.members(), method, prompt, templateValue, declarations.fields());
    Map<Placeholder, ValueAccess> values = new LinkedHashMap<>();
    List<String> rootFields = new ArrayList<>();
    for (Template.Section section : template.sections()) {
      for (Template.Segment segment : section.segments()) {
        if (segment instanceof Placeholder placeholder) {
          resolver.resolve(placeholder, section.role(), report).ifPresent(access -> {
            values.put(placeholder, access);
            if (access.field() && !rootFields.contains(access.root())) {
              rootFields.add(access.root());
            }
          });
        }
      }
    }
    AnnotationValue maxAttemptsValue = Annotations.value(elements, prompt, "maxAttempts");
    int maxAttempts = (Integer) maxAttemptsValue.getValue();
    if (maxAttempts < 0) {
      report.report(Diagnostic.INVALID_MAX_ATTEMPTS, method, prompt, maxAttemptsValue, maxAttempts, method.getSimpleName() + "()");
      return Optional.empty();
    }
    return output.map(o -> new BoundMethod(method, template, TemplateParser.normalize(text.get()), values, rootFields,
        outputs.shape(returnType, method), o, maxAttempts));
  }
}
