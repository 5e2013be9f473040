package dev.prompt4j.processor.media;

import static dev.prompt4j.processor.read.Annotations.PROMPT;

import dev.prompt4j.processor.bind.BoundMethod;
import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.diag.Result;
import dev.prompt4j.processor.model.Models.CallConfig;
import dev.prompt4j.processor.model.Models.ValueAccess;
import dev.prompt4j.processor.read.Annotations;
import dev.prompt4j.processor.template.MediaSpec;
import dev.prompt4j.processor.template.Template.Placeholder;
import dev.prompt4j.processor.template.Template.Role;
import dev.prompt4j.processor.template.Template.Section;
import dev.prompt4j.processor.template.Template.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Stage 3b: the media placeholders of each bound method ({@code {photo:image}}): in a USER: section, of
 * a type the runtime can send, one value or a list as the spec says, and of a kind every provider of the
 * method's {@code @Call} (fallbacks included) accepts, by the runtime's table ({@link MediaSupportTable}).
 */
public final class MediaValidator {
  /** The types every media spec takes, besides the langchain4j content type of its kind. */
  private static final List<String> COMMON_TYPES = List.of("java.net.URI", "java.net.URL", "java.nio.file.Path", "dev.prompt4j.Media");

  private static final Map<String, String> CONTENT_TYPES = Map.of(
      "image", "dev.langchain4j.data.message.ImageContent",
      "audio", "dev.langchain4j.data.message.AudioContent",
      "pdf", "dev.langchain4j.data.message.PdfFileContent");

  private final Elements elements;
  private final Types types;
  private final MediaSupportTable table = MediaSupportTable.shipped();

  public MediaValidator(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
  }

  /** The report on every media placeholder of {@code bound}; the methods themselves pass on unchanged. */
  public Result<List<BoundMethod>> validate(Map<ExecutableElement, CallConfig> calls, List<BoundMethod> bound) {
    Report.Builder report = new Report.Builder();
    for (BoundMethod method : bound) {
      AnnotationMirror prompt = Annotations.mirror(method.element(), PROMPT).orElseThrow();
      AnnotationValue templateValue =
          Annotations.explicitValue(prompt, "value").or(() -> Annotations.explicitValue(prompt, "file")).orElse(null);
      for (Section section : method.template().sections()) {
        for (Segment segment : section.segments()) {
          if (segment instanceof Placeholder placeholder && placeholder.media().isPresent()) {
            check(method, placeholder, placeholder.media().get(), section.role(), calls.get(method.element()), prompt, templateValue, report);
          }
        }
      }
    }
    return Result.of(bound, report.build());
  }

  private void check(BoundMethod method, Placeholder placeholder, MediaSpec spec, Role role, CallConfig call, AnnotationMirror prompt,
      AnnotationValue templateValue, Report.Builder report) {
    ExecutableElement element = method.element();
    if (role != Role.USER) {
      report.report(Diagnostic.MEDIA_ROLE, element, prompt, templateValue, placeholder.source(), role.name());
      return;
    }
    ValueAccess access = method.values().get(placeholder);
    if (access == null) {
      return; // not bound: the bind stage said why
    }
    String described = placeholder.source().replace("{", "").replace("}", "").replaceAll(":.*", "");
    List<TypeMirror> accepted = accepted(spec.kind());
    boolean single = accepted.stream().anyMatch(t -> types.isAssignable(access.type(), t));
    boolean list = accepted.stream().anyMatch(t -> types.isAssignable(access.type(), listOf(t)));
    if (spec.plural() && single) {
      report.report(Diagnostic.MEDIA_PLURAL, element, prompt, templateValue, placeholder.source(), spec.spec(), described, access.type(),
          described, spec.singular());
      return;
    }
    if (spec.plural() ? !list : !single) {
      String wanted = (spec.plural() ? "a List of " : "") + names(spec.kind())
          + (!spec.plural() && list && spec.pluralSpec() != null ? " (for a List write {" + described + ":" + spec.pluralSpec() + "})" : "");
      report.report(Diagnostic.MEDIA_TYPE, element, prompt, templateValue, placeholder.source(), spec.spec(), wanted, described, access.type());
      return;
    }
    List<String[]> providers = new ArrayList<>();
    providers.add(new String[] {call.provider(), "the @Call"});
    for (String fallback : call.fallbacks()) {
      providers.add(new String[] {fallback.substring(0, Math.max(0, fallback.indexOf(':'))), "fallback " + fallback});
    }
    for (String[] provider : providers) {
      if (!table.accepts(provider[0], spec.kind())) {
        report.report(Diagnostic.MEDIA_NOT_ACCEPTED, element, prompt, templateValue, placeholder.source(), provider[0], provider[1],
            element.getSimpleName() + "()", spec.kindLabel(), table.providersTaking(spec.kind()));
      }
    }
  }

  private List<TypeMirror> accepted(String kind) {
    List<TypeMirror> accepted = new ArrayList<>();
    accepted.add(types.getArrayType(types.getPrimitiveType(TypeKind.BYTE)));
    for (String name : COMMON_TYPES) {
      TypeElement type = elements.getTypeElement(name);
      if (type != null) {
        accepted.add(type.asType());
      }
    }
    TypeElement content = elements.getTypeElement(CONTENT_TYPES.get(kind));
    if (content != null) {
      accepted.add(content.asType());
    }
    return accepted;
  }

  private TypeMirror listOf(TypeMirror element) {
    return types.getDeclaredType(elements.getTypeElement("java.util.List"), types.getWildcardType(element, null));
  }

  private static String names(String kind) {
    return "java.net.URI, java.net.URL, java.nio.file.Path, byte[], dev.prompt4j.Media or " + CONTENT_TYPES.get(kind);
  }
}
