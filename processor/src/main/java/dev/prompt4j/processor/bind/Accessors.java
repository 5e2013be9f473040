package dev.prompt4j.processor.bind;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Finds what {@code {value.component}} reads: a record component, a getter, or a no-argument method. */
final class Accessors {
  private Accessors() {}

  /** A wildcard or type variable as its upper bound: {@code ? extends Book} is read as {@code Book}. */
  static TypeMirror bound(TypeMirror type) {
    if (type instanceof javax.lang.model.type.WildcardType wildcard && wildcard.getExtendsBound() != null) {
      return bound(wildcard.getExtendsBound());
    }
    if (type instanceof javax.lang.model.type.TypeVariable variable) {
      return bound(variable.getUpperBound());
    }
    return type;
  }

  static Optional<ExecutableElement> find(Types types, Elements elements, TypeMirror type, String component) {
    type = bound(type);
    if (type.getKind() != TypeKind.DECLARED) {
      return Optional.empty();
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getKind() == ElementKind.RECORD) {
      for (RecordComponentElement rc : element.getRecordComponents()) {
        if (rc.getSimpleName().contentEquals(component)) {
          return Optional.of(rc.getAccessor());
        }
      }
    }
    String capitalized = component.substring(0, 1).toUpperCase(Locale.ROOT) + component.substring(1);
    List<ExecutableElement> methods = candidates(elements, element);
    for (String name : List.of("get" + capitalized, "is" + capitalized, component)) {
      for (ExecutableElement method : methods) {
        if (method.getSimpleName().contentEquals(name)) {
          return Optional.of(method);
        }
      }
    }
    return Optional.empty();
  }

  /** The names {@code {value.x}} accepts on {@code type}: record components and getter properties. */
  static List<String> names(Types types, Elements elements, TypeMirror type) {
    type = bound(type);
    List<String> names = new ArrayList<>();
    if (type.getKind() != TypeKind.DECLARED) {
      return names;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    if (element.getKind() == ElementKind.RECORD) {
      element.getRecordComponents().forEach(rc -> names.add(rc.getSimpleName().toString()));
      return names;
    }
    for (ExecutableElement method : candidates(elements, element)) {
      String name = method.getSimpleName().toString();
      if (name.startsWith("get") && name.length() > 3) {
        names.add(Character.toLowerCase(name.charAt(3)) + name.substring(4));
      } else if (name.startsWith("is") && name.length() > 2) {
        names.add(Character.toLowerCase(name.charAt(2)) + name.substring(3));
      }
    }
    names.remove("class");
    return names.stream().distinct().sorted().toList();
  }

  static TypeMirror returnType(Types types, TypeMirror owner, ExecutableElement method) {
    DeclaredType declared = (DeclaredType) types.capture(bound(owner));
    return bound(((ExecutableType) types.asMemberOf(declared, method)).getReturnType());
  }

  private static List<ExecutableElement> candidates(Elements elements, TypeElement element) {
    List<ExecutableElement> result = new ArrayList<>();
    for (ExecutableElement method : ElementFilter.methodsIn(elements.getAllMembers(element))) {
      if (method.getParameters().isEmpty()
          && method.getModifiers().contains(Modifier.PUBLIC)
          && !method.getModifiers().contains(Modifier.STATIC)
          && method.getReturnType().getKind() != TypeKind.VOID
          && !method.getEnclosingElement().toString().equals("java.lang.Object")) {
        result.add(method);
      }
    }
    return result;
  }
}
