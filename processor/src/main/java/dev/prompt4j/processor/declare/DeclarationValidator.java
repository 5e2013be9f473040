package dev.prompt4j.processor.declare;

import static dev.prompt4j.processor.read.Annotations.COMPUTED_FIELD;
import static dev.prompt4j.processor.read.Annotations.PROMPT;

import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.diag.Result;
import dev.prompt4j.processor.model.Models.ComputedField;
import dev.prompt4j.processor.read.Annotations;
import dev.prompt4j.processor.read.Members;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Stage 1: the interface and its methods are declared as Prompt4j needs them (accessible, concrete,
 * abstract prompt methods, default computed fields with distinct names).
 */
public final class DeclarationValidator {
  private final Elements elements;
  private final Types types;

  public DeclarationValidator(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
  }

  /**
   * The declarations of {@code type}; {@code base} says another prompt interface of this compilation
   * extends it. A generic base gets no model and no error: its methods are read, with their types
   * bound, as members of the interfaces extending it.
   */
  public Result<Declarations> validate(TypeElement type, boolean base) {
    if (base && !type.getTypeParameters().isEmpty()) {
      return Result.stop(Report.empty());
    }
    Report.Builder report = new Report.Builder();
    checkInterface(type, report);
    Members members = new Members(types, (DeclaredType) type.asType());
    List<ExecutableElement> prompts = new ArrayList<>();
    Map<String, ComputedField> fields = new LinkedHashMap<>();
    for (ExecutableElement method : new InterfaceMethods(elements, types, members).of(type)) {
      Optional<AnnotationMirror> prompt = Annotations.mirror(method, PROMPT);
      Optional<AnnotationMirror> computed = Annotations.mirror(method, COMPUTED_FIELD);
      if (prompt.isPresent()) {
        if (checkPrompt(method, prompt.get(), report)) {
          prompts.add(method);
        }
      } else if (method.getModifiers().contains(Modifier.ABSTRACT) && computed.isEmpty()) {
        // An abstract @ComputedField gets ComputedFieldNotDefault below, which says what to do.
        report.report(Diagnostic.MISSING_PROMPT, method, described(method), type.getSimpleName());
      }
      if (computed.isPresent()) {
        computedField(method, computed.get(), members, report).ifPresent(field -> {
          ComputedField earlier = fields.putIfAbsent(field.name(), field);
          if (earlier != null) {
            report.report(Diagnostic.COMPUTED_FIELD_COLLISION, method, computed.get(), null, field.name(),
                "another computed field, " + described(earlier.element()), field.name());
          }
        });
      }
    }
    return Result.of(new Declarations(type, members, base, prompts, fields), report.build());
  }

  private static void checkInterface(TypeElement type, Report.Builder report) {
    if (!type.getTypeParameters().isEmpty()) {
      report.report(Diagnostic.GENERIC_INTERFACE, type, type.getQualifiedName());
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      report.report(Diagnostic.INACCESSIBLE_INTERFACE, type, type.getQualifiedName(), "private");
      return;
    }
    for (Element outer = type.getEnclosingElement(); outer instanceof TypeElement enclosing; outer = outer.getEnclosingElement()) {
      if (enclosing.getModifiers().contains(Modifier.PRIVATE)) {
        report.report(Diagnostic.INACCESSIBLE_INTERFACE, type, type.getQualifiedName(), "inside private " + enclosing.getSimpleName());
        return;
      }
    }
  }

  /** Whether {@code method} is a prompt method Prompt4j can implement; reports why not. */
  private static boolean checkPrompt(ExecutableElement method, AnnotationMirror prompt, Report.Builder report) {
    Set<Modifier> modifiers = method.getModifiers();
    if (modifiers.contains(Modifier.STATIC)) {
      report.report(Diagnostic.PROMPT_ON_STATIC_METHOD, method, prompt, null, described(method));
    } else if (modifiers.contains(Modifier.PRIVATE)) {
      report.report(Diagnostic.PROMPT_ON_PRIVATE_METHOD, method, prompt, null, described(method));
    } else if (modifiers.contains(Modifier.DEFAULT)) {
      report.report(Diagnostic.PROMPT_ON_DEFAULT_METHOD, method, prompt, null, described(method));
    } else if (!method.getTypeParameters().isEmpty()) {
      report.report(Diagnostic.GENERIC_PROMPT_METHOD, method, prompt, null, described(method), typeParameters(method));
    } else {
      return true;
    }
    return false;
  }

  private Optional<ComputedField> computedField(ExecutableElement method, AnnotationMirror computed, Members members, Report.Builder report) {
    if (!method.getModifiers().contains(Modifier.DEFAULT)) {
      report.report(Diagnostic.COMPUTED_FIELD_NOT_DEFAULT, method, computed, null, described(method));
    } else if (!method.getTypeParameters().isEmpty()) {
      report.report(Diagnostic.GENERIC_COMPUTED_FIELD, method, computed, null, described(method), typeParameters(method));
    } else if (members.returnType(method).getKind() == TypeKind.VOID) {
      report.report(Diagnostic.COMPUTED_FIELD_VOID, method, computed, null, described(method));
    } else {
      String name = (String) Annotations.value(elements, computed, "value").getValue();
      name = name.isBlank() ? method.getSimpleName().toString() : name.strip();
      List<String> parameters = method.getParameters().stream().map(p -> p.getSimpleName().toString()).toList();
      return Optional.of(new ComputedField(method, name, members.returnType(method), parameters));
    }
    return Optional.empty();
  }

  static String described(ExecutableElement method) {
    return method.getSimpleName() + "()";
  }

  private static String typeParameters(ExecutableElement method) {
    return "<" + method.getTypeParameters().stream().map(Object::toString).collect(Collectors.joining(", ")) + ">";
  }
}
