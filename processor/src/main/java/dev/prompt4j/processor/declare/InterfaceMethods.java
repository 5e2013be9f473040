package dev.prompt4j.processor.declare;

import dev.prompt4j.processor.read.Members;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** The methods of a prompt interface, inherited ones included, each once, in a stable order. */
record InterfaceMethods(Elements elements, Types types, Members members) {

  /** Declared methods in source order, then inherited interface methods sorted by name. */
  List<ExecutableElement> of(TypeElement type) {
    List<ExecutableElement> methods = new ArrayList<>(ElementFilter.methodsIn(type.getEnclosedElements()));
    List<ExecutableElement> inherited = new ArrayList<>();
    for (ExecutableElement member : ElementFilter.methodsIn(elements.getAllMembers(type))) {
      if (member.getEnclosingElement().equals(type) || member.getEnclosingElement().getKind() != ElementKind.INTERFACE) {
        continue;
      }
      if (member.getModifiers().contains(Modifier.STATIC)) {
        continue;
      }
      inherited.add(member);
    }
    inherited.sort(Comparator.comparing((ExecutableElement m) -> m.getSimpleName().toString())
        .thenComparing(m -> m.getEnclosingElement().toString()));
    methods.addAll(inherited);
    // A method redeclared by two super-interfaces (a diamond) is one method; so is one that
    // java.lang.Object implements (toString, equals, hashCode redeclared).
    List<ExecutableElement> distinct = new ArrayList<>();
    TypeElement object = elements.getTypeElement("java.lang.Object");
    for (ExecutableElement method : methods) {
      boolean objectMethod = ElementFilter.methodsIn(object.getEnclosedElements()).stream()
          .anyMatch(o -> o.getModifiers().contains(Modifier.PUBLIC) && o.getSimpleName().equals(method.getSimpleName())
              && types.isSubsignature((ExecutableType) o.asType(), members.member(method)));
      boolean seen = distinct.stream().anyMatch(d -> d.getSimpleName().equals(method.getSimpleName())
          && types.isSubsignature(members.member(d), members.member(method)));
      if (!objectMethod && !seen) {
        distinct.add(method);
      }
    }
    return distinct;
  }
}
