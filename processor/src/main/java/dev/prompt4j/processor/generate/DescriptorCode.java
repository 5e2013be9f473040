package dev.prompt4j.processor.generate;

import static dev.prompt4j.processor.generate.ImplementationWriter.CALL_PARAMETERS;
import static dev.prompt4j.processor.generate.ImplementationWriter.CALL_SPEC;
import static dev.prompt4j.processor.generate.ImplementationWriter.OUTPUTS;
import static dev.prompt4j.processor.generate.ImplementationWriter.PROMPT_METHOD;
import static dev.prompt4j.processor.generate.ImplementationWriter.TYPE_REFERENCE;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.prompt4j.processor.model.Models.CallConfig;
import dev.prompt4j.processor.model.Models.PromptMethod;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.Modifier;

/** The descriptor constant of a prompt method: interface, name, call, prompt version and how its answer is read. */
final class DescriptorCode {
  private DescriptorCode() {}

  static FieldSpec descriptor(ClassName iface, PromptMethod method) {
    TypeName value = TypeName.get(method.output().valueType()).box();
    CodeBlock.Builder init = CodeBlock.builder().add("$T.of(\n", PROMPT_METHOD).indent().indent()
        .add("$T.class,\n", iface)
        .add("$S,\n", method.name())
        .add("$L,\n", callSpec(method.call()))
        .add("$S,\n", method.templateHash())
        .add(method.maxAttempts() > 0 ? CodeBlock.of("$L,\n$L)", output(method, value), method.maxAttempts()) : CodeBlock.of("$L)", output(method, value)))
        .unindent().unindent();
    return FieldSpec.builder(ParameterizedTypeName.get(PROMPT_METHOD, value), method.constantName(), Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(init.build())
        .build();
  }

  private static CodeBlock callSpec(CallConfig call) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.of($S, $S)", CALL_SPEC, call.provider(), call.model());
    List<CodeBlock> parameters = new ArrayList<>();
    if (call.temperature() != null) parameters.add(CodeBlock.of(".withTemperature($L)", call.temperature()));
    if (call.maxTokens() != null) parameters.add(CodeBlock.of(".withMaxTokens($L)", call.maxTokens()));
    if (call.topP() != null) parameters.add(CodeBlock.of(".withTopP($L)", call.topP()));
    if (!call.stop().isEmpty()) parameters.add(CodeBlock.of(".withStop($L)", strings(call.stop())));
    if (call.seed() != null) parameters.add(CodeBlock.of(".withSeed($LL)", call.seed()));
    if (!parameters.isEmpty()) {
      code.add(".withParameters($T.none()", CALL_PARAMETERS);
      parameters.forEach(code::add);
      code.add(")");
    }
    if (!call.fallbacks().isEmpty()) {
      code.add(".withFallbacks($L)", strings(call.fallbacks()));
    }
    return code.build();
  }

  private static CodeBlock strings(List<String> values) {
    return values.stream().map(v -> CodeBlock.of("$S", v)).collect(CodeBlock.joining(", "));
  }

  private static CodeBlock output(PromptMethod method, TypeName value) {
    return switch (method.output().kind()) {
      case TEXT -> CodeBlock.of("$T.text()", OUTPUTS);
      case ENUM -> CodeBlock.of("$T.enumOf($S, $T.values())", OUTPUTS, simpleName(method), value);
      case JSON -> {
        CodeBlock.Builder json = CodeBlock.builder()
            .add("$T.json(new $T<$T>() {}, $S, $L", OUTPUTS, TYPE_REFERENCE, value, simpleName(method), schemaConstant(method));
        for (javax.lang.model.element.TypeElement subtype : method.output().subtypes()) {
          json.add(", $T.class", ClassName.get(subtype));
        }
        yield json.add(")").build();
      }
    };
  }

  static String schemaConstant(PromptMethod method) {
    return method.constantName() + "_SCHEMA";
  }

  static String simpleName(PromptMethod method) {
    return method.output().valueType().toString().replaceAll("(\\w+\\.)+", "");
  }
}
