package dev.prompt4j.processor.bind;

import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.model.Models.ComputedField;
import dev.prompt4j.processor.model.Models.ValueAccess;
import dev.prompt4j.processor.read.Annotations;
import dev.prompt4j.processor.read.Members;
import dev.prompt4j.processor.diag.Suggestions;
import dev.prompt4j.processor.template.Template.Placeholder;
import dev.prompt4j.processor.template.Template.Role;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Resolves the placeholders of one prompt method: a parameter or a computed field, then record
 * components or getters, and checks the value fits its place ({@code :list}, {@code MESSAGES:}).
 *
 * @param elements element utilities
 * @param types type utilities
 * @param members the interface's members
 * @param method the prompt method
 * @param prompt its {@code @Prompt}
 * @param templateValue the {@code @Prompt} value that holds the template, to underline
 * @param fields the interface's computed fields by name
 */
record PlaceholderResolver(
    Elements elements, Types types, Members members, ExecutableElement method, AnnotationMirror prompt, AnnotationValue templateValue,
    Map<String, ComputedField> fields) {

  /** The parameter names and field names a placeholder may use, parameters first. */
  Set<String> candidates() {
    Set<String> candidates = new LinkedHashSet<>();
    method.getParameters().forEach(p -> candidates.add(p.getSimpleName().toString()));
    candidates.addAll(fields.keySet());
    return candidates;
  }

  boolean isParameter(String name) {
    return method.getParameters().stream().anyMatch(p -> p.getSimpleName().contentEquals(name));
  }

  /** How {@code placeholder} in a section of {@code role} is read, or empty after reporting why it cannot be. */
  Optional<ValueAccess> resolve(Placeholder placeholder, Role role, Report.Builder report) {
    TypeMirror type;
    boolean field;
    if (isParameter(placeholder.name())) {
      type = members.parameterType(method, placeholder.name());
      field = false;
    } else if (fields.containsKey(placeholder.name())) {
      type = fields.get(placeholder.name()).type();
      field = true;
    } else {
      String suggestion = Suggestions.closest(placeholder.name(), candidates());
      report.report(Diagnostic.UNKNOWN_PLACEHOLDER, method, prompt, templateValue, placeholder.name(), method.getSimpleName() + "()",
          suggestion == null ? "; its parameters and computed fields are " + candidates() : "; did you mean {" + suggestion + "}?");
      return Optional.empty();
    }
    List<String> accessors = new ArrayList<>();
    String reached = placeholder.name();
    for (String component : placeholder.path()) {
      Optional<ExecutableElement> accessor = Accessors.find(types, elements, type, component);
      if (accessor.isEmpty()) {
        List<String> known = Accessors.names(types, elements, type);
        String suggestion = Suggestions.closest(component, known);
        report.report(Diagnostic.UNKNOWN_COMPONENT, method, prompt, templateValue, placeholder.source(), reached + " (" + type + ")", component,
            suggestion != null ? "; did you mean {" + reached + "." + suggestion + "}?" : known.isEmpty() ? "" : "; it has " + known);
        return Optional.empty();
      }
      accessors.add(accessor.get().getSimpleName().toString());
      type = Accessors.returnType(types, type, accessor.get());
      reached = reached + "." + component;
    }
    ValueAccess access = new ValueAccess(placeholder.name(), field, List.copyOf(accessors), type);
    return fits(placeholder, access, role, report) ? Optional.of(access) : Optional.empty();
  }

  private boolean fits(Placeholder placeholder, ValueAccess access, Role role, Report.Builder report) {
    String described = placeholder.source().replace("{", "").replace("}", "").replaceAll(":.*", "");
    if (role == Role.MESSAGES) {
      TypeElement chatMessage = elements.getTypeElement(Annotations.CHAT_MESSAGE);
      TypeElement list = elements.getTypeElement("java.util.List");
      if (chatMessage != null) {
        TypeMirror wanted = types.getDeclaredType(list, types.getWildcardType(chatMessage.asType(), null));
        if (!types.isAssignable(access.type(), wanted)) {
          report.report(Diagnostic.MESSAGES_TYPE, method, prompt, templateValue, described, described, access.type());
          return false;
        }
      }
      return true;
    }
    boolean objectArray = access.type() instanceof ArrayType array && !array.getComponentType().getKind().isPrimitive();
    if ("list".equals(placeholder.format()) && !isIterable(access.type()) && !objectArray) {
      report.report(Diagnostic.FORMAT_SHAPE, method, prompt, templateValue, placeholder.source(), "list", "an Iterable or an array of objects",
          described, access.type());
      return false;
    }
    if ("lists".equals(placeholder.format()) && !isIterableOfIterables(access.type())) {
      report.report(Diagnostic.FORMAT_SHAPE, method, prompt, templateValue, placeholder.source(), "lists", "an Iterable of Iterables", described,
          access.type());
      return false;
    }
    return true;
  }

  private boolean isIterable(TypeMirror type) {
    TypeElement iterable = elements.getTypeElement("java.lang.Iterable");
    return types.isAssignable(types.erasure(type), types.erasure(iterable.asType()));
  }

  private boolean isIterableOfIterables(TypeMirror type) {
    TypeElement iterable = elements.getTypeElement("java.lang.Iterable");
    TypeMirror anyIterable = types.getDeclaredType(iterable, types.getWildcardType(null, null));
    TypeMirror wanted = types.getDeclaredType(iterable, types.getWildcardType(anyIterable, null));
    return types.isAssignable(type, wanted);
  }
}
