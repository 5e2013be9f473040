package dev.prompt4j.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.NameAllocator;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import dev.prompt4j.processor.model.Models.ComputedField;
import dev.prompt4j.processor.model.Models.PromptInterface;
import dev.prompt4j.processor.model.Models.PromptMethod;
import dev.prompt4j.processor.model.Models.ReturnShape;
import dev.prompt4j.processor.stream.StreamCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Types;

/**
 * Writes the implementation of one prompt interface: a descriptor constant per method, methods that
 * fork the computed fields they need and render messages with straight-line code, and a factory
 * registered for {@link java.util.ServiceLoader}.
 */
public final class ImplementationWriter {
  static final String PROCESSOR = "dev.prompt4j.processor.Prompt4jProcessor";
  private static final String INTERNAL = "dev.prompt4j.internal";
  static final ClassName PROMPT_CONTEXT = ClassName.get(INTERNAL, "PromptContext");
  static final ClassName PROMPT_METHOD = ClassName.get(INTERNAL, "PromptMethod");
  static final ClassName PROMPT_FACTORY = ClassName.get(INTERNAL, "PromptFactory");
  static final ClassName GENERATED_PROMPTS = ClassName.get(INTERNAL, "GeneratedPrompts");
  static final ClassName CALL_SPEC = ClassName.get(INTERNAL, "CallSpec");
  static final ClassName OUTPUTS = ClassName.get(INTERNAL, "Outputs");
  static final ClassName MESSAGES = ClassName.get(INTERNAL, "Messages");
  static final ClassName VALUES = ClassName.get(INTERNAL, "Values");
  static final ClassName FIELD_TASK = ClassName.get(INTERNAL, "FieldTask");
  static final ClassName JDK_FLOW_ADAPTER = ClassName.get("reactor.adapter", "JdkFlowAdapter");
  static final ClassName CALL_PARAMETERS = ClassName.get("dev.prompt4j", "CallParameters");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final ClassName TYPE_REFERENCE = ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");

  private final Types types;

  private dev.prompt4j.processor.tools.ToolUses tools; // null: no method has tools (tests that write without them)

  /** A writer whose methods pass their tools ({@code @Call(tools)}, tool parameters) to the runtime. */
  public ImplementationWriter(Types types, dev.prompt4j.processor.tools.ToolUses tools) {
    this(types);
    this.tools = tools;
  }

  public ImplementationWriter(Types types) {
    this.types = types;
  }

  /** The source of the implementation class. */
  public JavaFile write(PromptInterface model) {
    ClassName self = model.implementationName();
    ClassName iface = model.interfaceName();
    TypeSpec.Builder type =
        TypeSpec.classBuilder(self)
            // The interface's nested types are in scope in a class that implements it: a nested record named
            // Messages or Response must not capture the names this class uses.
            .avoidClashesWithNestedClasses(model.element())
            .addOriginatingElement(model.element())
            .addAnnotation(AnnotationSpec.builder(GENERATED).addMember("value", "$S", PROCESSOR).build())
            .addJavadoc("Implements {@link $T} from its {@code @Prompt} templates.\n", iface)
            .addJavadoc("\n<p>Written by the Prompt4j annotation processor: change the interface, not this file.\n")
            .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
            .addSuperinterface(iface)
            .addSuperinterface(GENERATED_PROMPTS);

    for (PromptMethod method : model.methods()) {
      if (method.output().schema() != null) {
        type.addField(FieldSpec.builder(String.class, DescriptorCode.schemaConstant(method), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
            .addJavadoc("JSON Schema of {@code $L}, derived at compile time from its type and constraints.\n", DescriptorCode.simpleName(method))
            .initializer("$L", JsonText.textBlock(JsonText.pretty(method.output().schema())))
            .build());
      }
      type.addField(DescriptorCode.descriptor(iface, method));
    }
    ClassName factory = self.nestedClass("Factory");
    type.addField(FieldSpec.builder(factory, "FACTORY", Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer("new $T()", factory).build());
    type.addField(PROMPT_CONTEXT, "context", Modifier.PRIVATE, Modifier.FINAL);
    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("An instance on the default context: configuration and providers from the environment.\n")
        .addModifiers(Modifier.PUBLIC)
        .addStatement("this($T.defaults())", PROMPT_CONTEXT)
        .build());
    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("An instance that calls models through {@code context}.\n")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(PROMPT_CONTEXT, "context")
        .addStatement("this.context = context")
        .build());

    for (PromptMethod method : model.methods()) {
      type.addMethod(implementation((DeclaredType) model.element().asType(), method));
    }

    type.addMethod(MethodSpec.methodBuilder("prompt4jContext").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(PROMPT_CONTEXT).addStatement("return context").build());
    type.addMethod(MethodSpec.methodBuilder("prompt4jWith").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(iface).addParameter(PROMPT_CONTEXT, "context").addStatement("return new $T(context)", self).build());
    type.addMethod(MethodSpec.methodBuilder("prompt4jFactory").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(PROMPT_FACTORY, iface)).addStatement("return FACTORY").build());
    if (tools != null) { // calls paused for approval go on here (Prompt4j.restore)
      tools.resumeMethod(model.element(), model.methods().stream().map(m -> java.util.Map.entry(m.element(), m.constantName())).toList())
          .ifPresent(type::addMethod);
    }
    type.addType(factory(self, iface, model));
    return JavaFile.builder(self.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }

  private MethodSpec implementation(DeclaredType owner, PromptMethod method) {
    MethodSpec.Builder spec = MethodSpec.overriding(method.element(), owner, types);
    StreamCode.returnType(method).ifPresent(spec::returns); // a partial type this round writes is not resolved yet
    NameAllocator names = new NameAllocator();
    for (VariableElement parameter : method.element().getParameters()) {
      names.newName(parameter.getSimpleName().toString(), parameter);
    }
    Map<String, String> fieldVariables = new LinkedHashMap<>();
    for (ComputedField field : method.fields()) {
      fieldVariables.put(field.name(), names.newName(field.name(), field));
    }
    String invocation = names.newName("invocation");

    CodeBlock messages = MessageCode.messages(method, fieldVariables);
    String where = String.join(".", ClassName.get((javax.lang.model.element.TypeElement) owner.asElement()).simpleNames());
    for (VariableElement parameter : method.element().getParameters()) {
      if (!parameter.asType().getKind().isPrimitive()) {
        // Checked here so a null fails at the call, naming it, rather than reaching the model as the text "null".
        spec.addStatement("$T.requireNonNull($L, $S)", Objects.class, parameter.getSimpleName(),
            parameter.getSimpleName() + " of " + where + "." + method.name() + " is null; "
                + (isOptional(parameter.asType()) ? "pass Optional.empty() for no value" : "pass a value, or declare the parameter Optional"));
      }
    }
    CodeBlock.Builder body = CodeBlock.builder();
    String call = switch (method.shape()) {
      case VALUE, RESPONSE -> "invoke";
      case FUTURE_VALUE -> "invokeAsyncValue";
      case FUTURE_RESPONSE -> "invokeAsync";
      case STREAM, TEXT_PUBLISHER, TEXT_STREAM, FLUX_TEXT, PARTIAL_PUBLISHER, ITEM_PUBLISHER, ITEM_STREAM, FLUX_PARTIAL, FLUX_ITEM -> "invokeStream";
    };
    CodeBlock toolSet = tools == null ? null : tools.code(method.element(), (javax.lang.model.element.TypeElement) owner.asElement());
    CodeBlock toolArgument = toolSet == null ? CodeBlock.of("") : CodeBlock.of(",$W$L", toolSet); // the tools follow the renderer
    // Streaming (#11): text shapes read the PromptStream's chunks; Flux adapts its Flow.Publisher.
    CodeBlock prefix = method.shape().flux() ? CodeBlock.of("$T.flowPublisherToFlux(", JDK_FLOW_ADAPTER) : CodeBlock.of("");
    CodeBlock rules = StreamCode.arguments(method); // rules, typed partials, items
    if (method.fields().isEmpty()) {
      body.add("return $Lthis.context.$L($L, $L$L ->$W$L$L)", prefix, call, method.constantName(), rules, invocation, messages, toolArgument);
    } else {
      body.add("return $Lthis.context.$L($L, $L$L -> {\n", prefix, call, method.constantName(), rules, invocation).indent();
      for (ComputedField field : method.fields()) {
        List<String> dependencies = field.parameters().stream().filter(fieldVariables::containsKey).map(fieldVariables::get).toList();
        CodeBlock arguments = field.parameters().stream()
            .map(p -> fieldVariables.containsKey(p) ? CodeBlock.of("$L.join()", fieldVariables.get(p)) : CodeBlock.of("$L", p))
            .collect(CodeBlock.joining(", "));
        CodeBlock compute = CodeBlock.of("this.$L($L)", field.element().getSimpleName(), arguments);
        if (!field.type().getKind().isPrimitive()) {
          compute = CodeBlock.of("$T.requireNonNull($L,$W$S)", Objects.class, compute, "computed field " + field.name() + " of " + where
              + " returned null; " + (isOptional(field.type()) ? "return Optional.empty() for no value" : "return a value, or make it Optional"));
        }
        body.addStatement("$T<$T> $L = $L.field($S,$W() -> $L$L)",
            FIELD_TASK, TypeName.get(field.type()).box(), fieldVariables.get(field.name()), invocation, field.name(),
            compute, dependencies.isEmpty() ? "" : ", " + String.join(", ", dependencies));
      }
      body.addStatement("return $L", messages).unindent().add("}$L)", toolArgument);
    }
    if (method.shape() == ReturnShape.VALUE) {
      body.add(".value()");
    }
    switch (method.shape()) {
      case TEXT_PUBLISHER -> body.add(".textPublisher()");
      case TEXT_STREAM -> body.add(".text()");
      case FLUX_TEXT -> body.add(".textPublisher())");
      default -> body.add(StreamCode.suffix(method)).add(method.shape().flux() ? ")" : "");
    }
    if (method.fields().isEmpty()) {
      spec.addStatement(body.build());
    } else {
      // A block lambda: its statements are indented as a block, not as the continuation of one statement.
      spec.addCode(body.add(";\n").build());
    }
    return spec.build();
  }

  private boolean isOptional(javax.lang.model.type.TypeMirror type) {
    return types.erasure(type).toString().equals("java.util.Optional");
  }

  private static TypeSpec factory(ClassName self, ClassName iface, PromptInterface model) {
    CodeBlock methods = model.methods().stream().map(PromptMethod::name).distinct().sorted()
        .map(name -> CodeBlock.of("$S", name)).collect(CodeBlock.joining(", "));
    return TypeSpec.classBuilder("Factory")
        .addJavadoc("Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(ParameterizedTypeName.get(PROMPT_FACTORY, iface))
        .addMethod(MethodSpec.methodBuilder("type").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(Class.class), iface)).addStatement("return $T.class", iface).build())
        .addMethod(MethodSpec.methodBuilder("methods").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(ParameterizedTypeName.get(ClassName.get(List.class), ClassName.get(String.class)))
            .addStatement("return $T.of($L)", List.class, methods).build())
        .addMethod(MethodSpec.methodBuilder("create").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
            .returns(iface).addParameter(PROMPT_CONTEXT, "context").addStatement("return new $T(context)", self).build())
        .build();
  }
}
