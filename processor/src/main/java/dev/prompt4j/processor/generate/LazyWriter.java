package dev.prompt4j.processor.generate;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import dev.prompt4j.processor.model.Models.PromptInterface;
import dev.prompt4j.processor.model.Models.PromptMethod;
import dev.prompt4j.processor.stream.StreamCode;
import java.util.function.Supplier;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.util.Types;

/**
 * Writes {@code Prompt4jLazy_<Interface>}: an implementation of the prompt interface that makes its
 * target (the generated implementation, on a runtime) on its first call and passes every call on.
 * A container such as Spring registers it as the interface's bean where it would otherwise define a
 * JDK proxy class per interface at start-up; loading this class costs no class definition at run
 * time, no reflection per call, and loads neither the runtime nor the implementation.
 *
 * <pre>{@code
 * Greeter greeter = new Prompt4jLazy_Greeter(() -> runtime.create(Greeter.class));
 * }</pre>
 */
public final class LazyWriter {
  private static final ClassName SUPPLIER = ClassName.get(Supplier.class);

  private final Types types;

  public LazyWriter(Types types) {
    this.types = types;
  }

  /** The lazy class of an interface whose implementation is {@code implementation}. */
  public static ClassName lazyName(ClassName implementation) {
    return ClassName.get(implementation.packageName(), implementation.simpleName().replaceFirst("^Prompt4j_", "Prompt4jLazy_"));
  }

  /** The source of the lazy class. */
  public JavaFile write(PromptInterface model) {
    ClassName self = lazyName(model.implementationName());
    ClassName iface = model.interfaceName();
    ClassName generated = ImplementationWriter.GENERATED_PROMPTS;
    TypeSpec.Builder type = TypeSpec.classBuilder(self)
        .avoidClashesWithNestedClasses(model.element())
        .addOriginatingElement(model.element())
        .addAnnotation(AnnotationSpec.builder(ImplementationWriter.GENERATED).addMember("value", "$S", ImplementationWriter.PROCESSOR).build())
        .addJavadoc("{@link $T} made on its first call: every call goes to the instance {@code target} makes, once.\n", iface)
        .addJavadoc("\n<p>Written by the Prompt4j annotation processor: change the interface, not this file.\n")
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(iface)
        .addSuperinterface(generated);
    type.addField(FieldSpec.builder(ParameterizedTypeName.get(SUPPLIER, WildcardTypeName.subtypeOf(iface)), "make", Modifier.PRIVATE, Modifier.FINAL).build());
    type.addField(FieldSpec.builder(iface, "target", Modifier.PRIVATE, Modifier.VOLATILE).build());
    type.addMethod(MethodSpec.constructorBuilder()
        .addJavadoc("An instance whose target {@code make} makes on the first call (once; a failure is tried again on the next call).\n")
        .addModifiers(Modifier.PUBLIC)
        .addParameter(ParameterizedTypeName.get(SUPPLIER, WildcardTypeName.subtypeOf(iface)), "make")
        .addStatement("this.make = make")
        .build());
    type.addMethod(MethodSpec.methodBuilder("target")
        .addJavadoc("The target, made now if no call has made it.\n")
        .addModifiers(Modifier.PRIVATE)
        .returns(iface)
        .addStatement("$T made = target", iface)
        .beginControlFlow("if (made == null)")
        .beginControlFlow("synchronized (this)")
        .addStatement("made = target")
        .beginControlFlow("if (made == null)")
        .addStatement("made = $T.requireNonNull(make.get(), $S)", java.util.Objects.class, "the target of " + self.simpleName())
        .addStatement("target = made")
        .endControlFlow()
        .endControlFlow()
        .endControlFlow()
        .addStatement("return made")
        .build());
    for (PromptMethod method : model.methods()) {
      MethodSpec.Builder spec = MethodSpec.overriding(method.element(), (DeclaredType) model.element().asType(), types);
      StreamCode.returnType(method).ifPresent(spec::returns); // a partial type this round writes is not resolved yet
      CodeBlock arguments = method.element().getParameters().stream()
          .map(VariableElement::getSimpleName).map(name -> CodeBlock.of("$L", name)).collect(CodeBlock.joining(", "));
      spec.addStatement("return target().$L($L)", method.element().getSimpleName(), arguments);
      type.addMethod(spec.build());
    }
    type.addMethod(MethodSpec.methodBuilder("prompt4jContext").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ImplementationWriter.PROMPT_CONTEXT).addStatement("return (($T) target()).prompt4jContext()", generated).build());
    type.addMethod(MethodSpec.methodBuilder("prompt4jWith").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(Object.class).addParameter(ImplementationWriter.PROMPT_CONTEXT, "context")
        .addStatement("return (($T) target()).prompt4jWith(context)", generated).build());
    type.addMethod(MethodSpec.methodBuilder("prompt4jFactory").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ImplementationWriter.PROMPT_FACTORY, WildcardTypeName.subtypeOf(Object.class)))
        .addStatement("return (($T) target()).prompt4jFactory()", generated).build());
    type.addMethod(MethodSpec.methodBuilder("prompt4jResume").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(ParameterizedTypeName.get(ClassName.get("dev.prompt4j", "Response"), WildcardTypeName.subtypeOf(Object.class)))
        .addParameter(String.class, "method").addParameter(ClassName.get("dev.prompt4j.internal", "ToolResumption"), "resumption")
        .addStatement("return (($T) target()).prompt4jResume(method, resumption)", generated).build());
    type.addMethod(MethodSpec.methodBuilder("toString").addAnnotation(Override.class).addModifiers(Modifier.PUBLIC)
        .returns(String.class)
        .addStatement("$T made = target", iface)
        .addStatement("return made != null ? made.toString() : $S", iface.canonicalName() + " (Prompt4j, made on the first call)")
        .build());
    return JavaFile.builder(self.packageName(), type.build()).skipJavaLangImports(true).indent("  ").build();
  }
}
