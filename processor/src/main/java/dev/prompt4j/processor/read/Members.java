package dev.prompt4j.processor.read;

import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Methods seen as members of the interface being read: inherited methods of generic super-interfaces
 * with their type arguments bound.
 *
 * @param types the type utilities
 * @param self the interface being read
 */
public record Members(Types types, DeclaredType self) {

  /** {@code method} as a member of {@link #self()}. */
  public ExecutableType member(ExecutableElement method) {
    return (ExecutableType) types.asMemberOf(self, method);
  }

  /** The return type of {@code method} as a member. */
  public TypeMirror returnType(ExecutableElement method) {
    return member(method).getReturnType();
  }

  /** The type of {@code method}'s parameter named {@code parameter}, as a member. */
  public TypeMirror parameterType(ExecutableElement method, String parameter) {
    List<? extends VariableElement> parameters = method.getParameters();
    for (int i = 0; i < parameters.size(); i++) {
      if (parameters.get(i).getSimpleName().contentEquals(parameter)) {
        return member(method).getParameterTypes().get(i);
      }
    }
    throw new IllegalArgumentException(parameter);
  }
}
