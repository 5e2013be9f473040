package dev.prompt4j.processor.tools;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * How a tool's result is written: for a record that Jackson writes component by component (strings,
 * primitives, their boxes and enums, no Jackson annotation, no extra getter), a chain of {@code
 * ResultJson} calls known at compile time; for anything else, nothing, and the generated code goes
 * through {@code ToolResults.text} (Jackson) as before.
 */
final class ResultWriting {
  private static final ClassName RESULT_JSON = ClassName.get("dev.prompt4j.internal.tools", "ResultJson");
  private static final Set<String> BOXES = Set.of("java.lang.Integer", "java.lang.Long", "java.lang.Short", "java.lang.Byte",
      "java.lang.Double", "java.lang.Float", "java.lang.Boolean");

  private ResultWriting() {}

  /**
   * The expression writing record {@code variable} of {@code type} from code in package {@code from},
   * or {@code null} when Jackson must write it.
   */
  static CodeBlock write(TypeMirror type, String variable, String from) {
    if (type.getKind() != TypeKind.DECLARED || !(((DeclaredType) type).asElement() instanceof TypeElement record)
        || record.getKind() != ElementKind.RECORD || !record.getTypeParameters().isEmpty() || !record.getInterfaces().isEmpty()
        || !visible(record, from) || jackson(record)) {
      return null;
    }
    List<? extends RecordComponentElement> components = record.getRecordComponents();
    Set<String> accessors = new HashSet<>();
    CodeBlock.Builder code = CodeBlock.builder().add("$T.object()", RESULT_JSON);
    for (RecordComponentElement component : components) {
      String name = component.getSimpleName().toString();
      accessors.add(name);
      if (name.matches("(get|is)[A-Z0-9_$].*")) {
        return null; // Jackson may name such a property differently
      }
      String call = call(component.asType(), from);
      if (call == null) {
        return null;
      }
      code.add("\n.$L($S, $L.$L())", call, name, variable, name);
    }
    for (Element member : record.getEnclosedElements()) {
      if (member.getKind() == ElementKind.METHOD && !member.getModifiers().contains(Modifier.STATIC)
          && ((ExecutableElement) member).getParameters().isEmpty() && !accessors.contains(member.getSimpleName().toString())
          && member.getSimpleName().toString().matches("(get|is).+")) {
        return null; // an extra getter Jackson would write as a property
      }
    }
    return code.add("\n.end()").build();
  }

  private static String call(TypeMirror type, String from) {
    switch (type.getKind()) {
      case INT, LONG, SHORT, BYTE, DOUBLE, FLOAT, BOOLEAN:
        return "field";
      case DECLARED:
        TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
        String name = element.getQualifiedName().toString();
        if (name.equals("java.lang.String")) {
          return "field";
        }
        if (BOXES.contains(name)) {
          return "boxed";
        }
        return element.getKind() == ElementKind.ENUM && visible(element, from) && !jackson(element) ? "field" : null;
      default:
        return null; // char, arrays, other types: Jackson
    }
  }

  /** Whether code in package {@code from} can name {@code type}: public, or not private and in that package, all the way out. */
  private static boolean visible(TypeElement type, String from) {
    Element e = type;
    boolean samePackage = false;
    for (Element p = type; p != null; p = p.getEnclosingElement()) {
      if (p instanceof PackageElement pkg) {
        samePackage = pkg.getQualifiedName().contentEquals(from);
      }
    }
    for (; e instanceof TypeElement; e = e.getEnclosingElement()) {
      Set<Modifier> modifiers = e.getModifiers();
      if (modifiers.contains(Modifier.PRIVATE) || (!modifiers.contains(Modifier.PUBLIC) && !samePackage)) {
        return false;
      }
    }
    return true;
  }

  /** Whether a Jackson annotation is on the type or any of its members or their parameters. */
  private static boolean jackson(TypeElement type) {
    if (annotated(type)) {
      return true;
    }
    for (Element member : type.getEnclosedElements()) {
      if (annotated(member)) {
        return true;
      }
      if (member instanceof ExecutableElement method) {
        for (VariableElement parameter : method.getParameters()) {
          if (annotated(parameter)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  private static boolean annotated(Element element) {
    for (AnnotationMirror a : element.getAnnotationMirrors()) {
      if (a.getAnnotationType().toString().startsWith("com.fasterxml.jackson.")) {
        return true;
      }
    }
    return false;
  }
}
