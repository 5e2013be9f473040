package dev.prompt4j.processor.tools;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.WildcardTypeName;
import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.read.Annotations;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The tools of one prompt method: the classes its {@code @Call(tools = ...)} (the method's and its
 * interface's) names, made by the generated code, and its parameters of a tool type, whose instances
 * are used. Checks that the generated code can make or receive each, that no two tools share a name,
 * and that a method that can reach a tool needing approval returns {@code Response<T>}.
 */
public final class ToolUses {
  private static final ClassName TOOL_SET = ClassName.get("dev.prompt4j.internal.tools", "ToolSet");
  private static final ClassName TOOL_RESUMPTION = ClassName.get("dev.prompt4j.internal", "ToolResumption");
  private static final ClassName RESPONSE = ClassName.get("dev.prompt4j", "Response");

  private final Elements elements;
  private final Types types;
  private final ToolClassReader reader;

  public ToolUses(Elements elements, Types types) {
    this.elements = elements;
    this.types = types;
    this.reader = new ToolClassReader(elements, types);
  }

  /** One tool class of a method: made with {@code new} ({@code parameter == null}) or received as {@code parameter}. */
  private record Use(TypeElement type, VariableElement parameter) {}

  /** Whether {@code parameter} of a prompt method is a tool instance rather than a template value. */
  public boolean isToolParameter(VariableElement parameter) {
    return ToolClassReader.isToolType(parameter.asType(), types);
  }

  /** Checks the tools of every method of {@code methods}. */
  public Report validate(List<ExecutableElement> methods, TypeElement owner) {
    Report.Builder report = new Report.Builder();
    for (ExecutableElement method : methods) {
      validate(method, owner, report);
    }
    return report.build();
  }

  private void validate(ExecutableElement method, TypeElement owner, Report.Builder report) {
    String where = owner.getSimpleName() + "." + method.getSimpleName() + "()";
    Map<String, String> names = new LinkedHashMap<>();
    for (Use use : uses(method, owner)) {
      TypeElement type = use.type();
      var read = reader.read(type);
      if (read.value().isEmpty()) {
        continue; // reported where the class is processed
      }
      if (read.value().get().tools().isEmpty()) {
        report.report(Diagnostic.NOT_A_TOOL_CLASS, use.parameter() != null ? use.parameter() : method, type.getQualifiedName(), where);
        continue;
      }
      if (use.parameter() == null) {
        String why = notInstantiable(type, owner);
        if (why != null) {
          AnnotationMirror call = callMirror(method).orElse(null);
          report.report(Diagnostic.TOOL_CLASS_NOT_INSTANTIABLE, call != null ? method : owner, call != null ? call : callMirror(owner).orElse(null),
              null, type.getQualifiedName(), where, why);
          continue;
        }
      }
      for (ToolClass.ToolMethod tool : read.value().get().tools()) {
        String here = type.getSimpleName() + "." + tool.element().getSimpleName() + "()";
        String other = names.putIfAbsent(tool.name(), here);
        if (other != null) {
          report.report(Diagnostic.DUPLICATE_TOOL_NAME, method, tool.name(), here, other + " (both tools of " + where + ")");
        }
        if (tool.approvalRequired() && streams(method)) {
          report.report(Diagnostic.STREAM_APPROVAL, method, where, types.erasure(method.getReturnType()), here);
        } else if (tool.approvalRequired() && !returnsResponse(method)) {
          report.report(Diagnostic.APPROVAL_NEEDS_RESPONSE, method, where, here, method.getReturnType(), method.getReturnType());
        }
      }
    }
  }

  /** The expression the generated method passes as its tools, or {@code null} when it has none. */
  public CodeBlock code(ExecutableElement method, TypeElement owner) {
    return code(method, owner, null);
  }

  /** As above; when resuming, tool parameters come from {@code resumption}'s tool objects. */
  private CodeBlock code(ExecutableElement method, TypeElement owner, String resumption) {
    List<CodeBlock> boxes = new ArrayList<>();
    for (Use use : uses(method, owner)) {
      ClassName box = ToolsWriter.className(use.type());
      boxes.add(use.parameter() == null ? CodeBlock.of("new $T(new $T())", box, ClassName.get(use.type()))
          : resumption == null ? CodeBlock.of("new $T($L)", box, use.parameter().getSimpleName())
          : CodeBlock.of("new $T($L.tool($T.class, $S))", box, resumption, ClassName.get(use.type()), use.parameter().getSimpleName()));
    }
    return boxes.isEmpty() ? null : CodeBlock.of("$T.of($L)", TOOL_SET, CodeBlock.join(boxes, ", "));
  }

  /**
   * {@code prompt4jResume}, which goes on with a call paused for approval, for the methods of {@code
   * methods} (element, descriptor constant) that can reach a tool needing it; empty when none can.
   */
  public Optional<MethodSpec> resumeMethod(TypeElement owner, List<Map.Entry<ExecutableElement, String>> methods) {
    MethodSpec.Builder resume = MethodSpec.methodBuilder("prompt4jResume").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(RESPONSE, WildcardTypeName.subtypeOf(Object.class)))
        .addParameter(String.class, "method").addParameter(TOOL_RESUMPTION, "resumption")
        .beginControlFlow("switch (method)");
    boolean any = false;
    for (Map.Entry<ExecutableElement, String> m : methods) {
      if (needsApproval(m.getKey(), owner)) {
        any = true;
        resume.addStatement("case $S: return this.context.resume($L, resumption,$W$L)", m.getKey().getSimpleName(), m.getValue(),
            code(m.getKey(), owner, "resumption"));
      }
    }
    return any ? Optional.of(resume.addStatement("default: return null").endControlFlow().build()) : Optional.empty();
  }

  private boolean needsApproval(ExecutableElement method, TypeElement owner) {
    for (Use use : uses(method, owner)) {
      var read = reader.read(use.type());
      if (read.value().isPresent() && read.value().get().tools().stream().anyMatch(ToolClass.ToolMethod::approvalRequired)) {
        return true;
      }
    }
    return false;
  }

  private List<Use> uses(ExecutableElement method, TypeElement owner) {
    List<Use> uses = new ArrayList<>();
    List<TypeElement> seen = new ArrayList<>();
    for (Element scope : List.of(owner, method)) {
      Optional<AnnotationMirror> call = callMirror(scope);
      if (call.isEmpty()) {
        continue;
      }
      for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e : call.get().getElementValues().entrySet()) {
        if (e.getKey().getSimpleName().contentEquals("tools") && e.getValue().getValue() instanceof List<?> values) {
          for (Object v : values) {
            if (((AnnotationValue) v).getValue() instanceof DeclaredType t && t.asElement() instanceof TypeElement type && !seen.contains(type)) {
              seen.add(type);
              uses.add(new Use(type, null));
            }
          }
        }
      }
    }
    for (VariableElement parameter : method.getParameters()) {
      if (isToolParameter(parameter)) {
        uses.add(new Use((TypeElement) types.asElement(parameter.asType()), parameter));
      }
    }
    return uses;
  }

  private static Optional<AnnotationMirror> callMirror(Element element) {
    return Annotations.mirror(element, Annotations.CALL);
  }

  private boolean returnsResponse(ExecutableElement method) {
    TypeMirror erased = types.erasure(method.getReturnType());
    return erased.toString().equals(Annotations.RESPONSE);
  }

  /** Whether {@code method} streams its answer: a stream cannot pause for approval. */
  private boolean streams(ExecutableElement method) {
    return STREAMING_RETURNS.contains(types.erasure(method.getReturnType()).toString());
  }

  private static final java.util.Set<String> STREAMING_RETURNS = java.util.Set.of(Annotations.PROMPT_STREAM,
      "java.util.concurrent.Flow.Publisher", "java.util.stream.Stream", "reactor.core.publisher.Flux");

  private static String notInstantiable(TypeElement type, TypeElement from) {
    if (type.getKind() == ElementKind.INTERFACE) {
      return "it is an interface";
    }
    if (type.getModifiers().contains(Modifier.ABSTRACT)) {
      return "it is abstract";
    }
    if (type.getModifiers().contains(Modifier.PRIVATE)) {
      return "it is private";
    }
    if (type.getNestingKind() == NestingKind.MEMBER && !type.getModifiers().contains(Modifier.STATIC)) {
      return "it is an inner class (not static)";
    }
    boolean samePackage = packageOf(type).equals(packageOf(from));
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (c.getParameters().isEmpty()
          && (c.getModifiers().contains(Modifier.PUBLIC) || (samePackage && !c.getModifiers().contains(Modifier.PRIVATE)))) {
        return null;
      }
    }
    return "it has no " + (samePackage ? "non-private" : "public") + " no-argument constructor";
  }

  private static String packageOf(Element e) {
    while (e.getKind() != ElementKind.PACKAGE) {
      e = e.getEnclosingElement();
    }
    return e.toString();
  }
}
