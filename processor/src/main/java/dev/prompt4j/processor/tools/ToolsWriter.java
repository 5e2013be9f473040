package dev.prompt4j.processor.tools;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;

/**
 * Writes {@code Prompt4jTools_<Class>}: the tools' specifications as constants and a dispatcher that
 * reads the arguments and calls each method directly.
 */
public final class ToolsWriter {
  private static final ClassName TOOL_BOX = ClassName.get("dev.prompt4j.internal.tools", "ToolBox");
  private static final ClassName TOOL_SPEC = ClassName.get("dev.prompt4j.internal.tools", "ToolSpec");
  private static final ClassName TOOL_RESULTS = ClassName.get("dev.prompt4j.internal.tools", "ToolResults");
  private static final ClassName ARGUMENTS_READER = ClassName.get("dev.prompt4j.internal.output", "ArgumentsReader");
  private static final ClassName TYPE_REFERENCE = ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");
  private static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");

  /** The generated class of {@code type}: {@code Prompt4jTools_Outer_Inner} in its package. */
  public static ClassName className(TypeElement type) {
    ClassName name = ClassName.get(type);
    return ClassName.get(name.packageName(), "Prompt4jTools_" + String.join("_", name.simpleNames()));
  }

  /** The source of {@code tools}' dispatcher. */
  public JavaFile write(ToolClass tools) {
    ClassName self = className(tools.element());
    TypeName target = TypeName.get(tools.element().asType());
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .addJavadoc("The tools of {@link $T}: their schemas and a dispatcher that calls them without reflection.\n\n"
            + "<p>Written by the Prompt4j annotation processor: change the class, not this file.\n", ClassName.get(tools.element()))
        .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", "dev.prompt4j.processor.Prompt4jProcessor").build())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addOriginatingElement(tools.element())
        .addSuperinterface(TOOL_BOX);
    List<CodeBlock> specs = new ArrayList<>();
    for (ToolClass.ToolMethod tool : tools.tools()) {
      String constant = constant(tool.name());
      type.addField(FieldSpec.builder(TOOL_SPEC, constant, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer("new $T(\n$S,\n$S,\n$S,\n$L, $L)", TOOL_SPEC, tool.name(), tool.description(), tool.schema(),
              tool.approvalRequired(), tool.strict())
          .build());
      CodeBlock.Builder readers = CodeBlock.builder().add("new $T($L.parametersSchema(), $T.of(", ARGUMENTS_READER, constant, List.class);
      readers.add(tool.parameters().stream().map(p -> CodeBlock.of("$S", p.getSimpleName())).collect(CodeBlock.joining(", "))).add(")");
      for (VariableElement p : tool.parameters()) {
        readers.add(",\n$L", TypeSpec.anonymousClassBuilder("")
            .superclass(ParameterizedTypeName.get(TYPE_REFERENCE, TypeName.get(p.asType()).box())).build());
      }
      type.addField(FieldSpec.builder(ARGUMENTS_READER, constant + "_ARGUMENTS", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(readers.add(")").build()).build());
      specs.add(CodeBlock.of("$L", constant));
    }
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(ClassName.get(List.class), TOOL_SPEC), "SPECS",
        Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL).initializer("$T.of($L)", List.class, CodeBlock.join(specs, ", ")).build());
    type.addField(target, "target", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PUBLIC).addParameter(target, "target")
        .addJavadoc("Tools that call {@code target}.\n")
        .addStatement("this.target = $T.requireNonNull(target, $S)", Objects.class, "the " + tools.element().getSimpleName() + " instance is null")
        .build());
    type.addMethod(MethodSpec.methodBuilder("specs").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get(List.class), TOOL_SPEC)).addStatement("return SPECS").build());

    MethodSpec.Builder call = MethodSpec.methodBuilder("call").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(String.class).addParameter(String.class, "name").addParameter(String.class, "arguments").addException(Exception.class);
    boolean unchecked = false;
    call.beginControlFlow("switch (name)");
    for (ToolClass.ToolMethod tool : tools.tools()) {
      String constant = constant(tool.name());
      call.beginControlFlow("case $S:", tool.name());
      if (!tool.parameters().isEmpty()) {
        call.addStatement("Object[] a = $L_ARGUMENTS.read(arguments)", constant);
      } else {
        call.addStatement("$L_ARGUMENTS.read(arguments)", constant);
      }
      List<CodeBlock> args = new ArrayList<>();
      for (int i = 0; i < tool.parameters().size(); i++) {
        TypeName t = TypeName.get(tool.parameters().get(i).asType());
        unchecked |= t instanceof ParameterizedTypeName;
        args.add(CodeBlock.of("($T) a[$L]", t.box(), i));
      }
      CodeBlock invocation = CodeBlock.of("target.$L($L)", tool.element().getSimpleName(), CodeBlock.join(args, ", "));
      CodeBlock written = ResultWriting.write(tool.element().getReturnType(), "result", self.packageName());
      if (tool.element().getReturnType().getKind() == TypeKind.VOID) {
        call.addStatement("$L", invocation).addStatement("return $T.DONE", TOOL_RESULTS);
      } else if (written != null) {
        call.addStatement("$T result = $L", TypeName.get(tool.element().getReturnType()), invocation)
            .addStatement("return result == null ? $S : $L", "null", written);
      } else {
        call.addStatement("return $T.text($L)", TOOL_RESULTS, invocation);
      }
      call.endControlFlow();
    }
    call.addStatement("default: throw new $T($S + name)", IllegalArgumentException.class,
        tools.element().getSimpleName() + " has no tool named ").endControlFlow();
    if (unchecked) {
      call.addAnnotation(AnnotationSpec.builder(SuppressWarnings.class).addMember("value", "$S", "unchecked").build());
    }
    type.addMethod(call.build());
    return JavaFile.builder(self.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  private static String constant(String name) {
    return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").replaceAll("[^A-Za-z0-9_]", "_").toUpperCase(Locale.ROOT);
  }
}
