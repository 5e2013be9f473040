package dev.prompt4j.processor.stream;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import dev.prompt4j.processor.read.Annotations;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/**
 * Streaming (#11): the {@code @StreamDone} and {@code @StreamRequired} components of a record answer,
 * as the paths the runtime's {@code StreamRules} takes ({@code steps}, {@code steps[].name}), in
 * declaration order, for the generated {@code invokeStream} call.
 */
public final class StreamRulesReader {
  private static final ClassName STREAM_RULES = ClassName.get("dev.prompt4j.internal.stream", "StreamRules");

  private StreamRulesReader() {}

  /** The rules argument for {@code invokeStream} (with its trailing comma), or an empty block when there are none. */
  public static CodeBlock argument(TypeMirror answer) {
    List<String> done = new ArrayList<>();
    List<String> required = new ArrayList<>();
    walk(answer, "", done, required, new HashSet<>());
    if (done.isEmpty() && required.isEmpty()) {
      return CodeBlock.of("");
    }
    // StreamRules.done() without arguments would name the record's accessor: start from NONE instead.
    CodeBlock.Builder code = done.isEmpty() ? CodeBlock.builder().add("$T.NONE", STREAM_RULES)
        : CodeBlock.builder().add("$T.done($L)", STREAM_RULES, quoted(done));
    if (!required.isEmpty()) {
      code.add(".required($L)", quoted(required));
    }
    return code.add(", ").build();
  }

  private static CodeBlock quoted(List<String> paths) {
    return paths.stream().map(p -> CodeBlock.of("$S", p)).collect(CodeBlock.joining(", "));
  }

  private static void walk(TypeMirror type, String path, List<String> done, List<String> required, Set<String> seen) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement element = (TypeElement) declared.asElement();
    String name = element.getQualifiedName().toString();
    if ((name.equals("java.util.List") || name.equals("java.util.Set") || name.equals("java.util.Collection"))
        && declared.getTypeArguments().size() == 1) {
      walk(declared.getTypeArguments().get(0), path + "[]", done, required, seen);
      return;
    }
    if (element.getKind() != ElementKind.RECORD || !seen.add(name + "@" + path) || path.length() > 1000) {
      return;
    }
    for (RecordComponentElement component : element.getRecordComponents()) {
      String at = path.isEmpty() ? component.getSimpleName().toString() : path + "." + component.getSimpleName();
      if (has(component, Annotations.STREAM_DONE)) {
        done.add(at);
      }
      if (has(component, Annotations.STREAM_REQUIRED)) {
        required.add(at);
      }
      walk(component.asType(), at, done, required, seen);
    }
  }

  static boolean has(Element element, String annotation) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().contentEquals(annotation)) {
        return true;
      }
    }
    return false;
  }
}
