package dev.prompt4j.processor.stream;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.prompt4j.processor.model.Models.PromptMethod;
import dev.prompt4j.processor.model.Models.ReturnShape;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * Streaming (#11): what a streaming method's generated body passes to {@code invokeStream} and calls
 * on the stream it returns, for typed partials (a record answer) and items (a {@code List<X>} answer).
 */
public final class StreamCode {
  private static final ClassName STREAM_RULES = ClassName.get("dev.prompt4j.internal.stream", "StreamRules");
  private static final ClassName OUTPUTS = ClassName.get("dev.prompt4j.internal", "Outputs");
  private static final ClassName TYPE_REFERENCE = ClassName.get("com.fasterxml.jackson.core.type", "TypeReference");

  private StreamCode() {}

  /** The arguments between the method constant and the renderer (each followed by a comma), or an empty block. */
  public static CodeBlock arguments(PromptMethod method) {
    ReturnShape shape = method.shape().publisher(); // a Flux: as the Flow.Publisher it adapts
    if (shape != ReturnShape.STREAM && shape != ReturnShape.PARTIAL_PUBLISHER && shape != ReturnShape.ITEM_PUBLISHER
        && shape != ReturnShape.ITEM_STREAM) {
      return CodeBlock.of("");
    }
    CodeBlock rules = StreamRulesReader.argument(method.output().valueType());
    CodeBlock rulesOrNone = rules.isEmpty() ? CodeBlock.of("$T.NONE, ", STREAM_RULES) : rules;
    TypeElement record = PartialTypes.record(method.output().valueType());
    if (record != null) {
      return CodeBlock.of("$L$T::$L, null, ", rulesOrNone, PartialTypes.partialName(record), PartialTypes.FACTORY);
    }
    TypeElement item = PartialTypes.listElementRecord(method.output().valueType());
    if (item != null) {
      ClassName type = ClassName.get(item);
      return CodeBlock.of("$Lnull, $T.json(new $T() {}, $S, null), ", rulesOrNone, OUTPUTS,
          ParameterizedTypeName.get(TYPE_REFERENCE, type), item.getSimpleName().toString());
    }
    return rules;
  }

  /** What the body calls on the {@code PromptStream} for the method's return type, or an empty block. */
  public static CodeBlock suffix(PromptMethod method) {
    return switch (method.shape().publisher()) {
      case PARTIAL_PUBLISHER -> CodeBlock.of(".partialPublisher($T.class)", PartialTypes.partialName(PartialTypes.record(method.output().valueType())));
      case ITEM_PUBLISHER -> CodeBlock.of(".itemPublisher($T.class)", element(method));
      case ITEM_STREAM -> CodeBlock.of(".items($T.class)", element(method));
      default -> CodeBlock.of("");
    };
  }

  /** The return type to write for a {@code Flow.Publisher<TPartial>} or {@code Flux<TPartial>}, whose mirror may still be erroneous. */
  public static Optional<TypeName> returnType(PromptMethod method) {
    if (method.shape().publisher() != ReturnShape.PARTIAL_PUBLISHER) {
      return Optional.empty();
    }
    ClassName publisher = method.shape().flux() ? ClassName.get("reactor.core.publisher", "Flux") : ClassName.get("java.util.concurrent", "Flow", "Publisher");
    return Optional.of(ParameterizedTypeName.get(publisher, PartialTypes.partialName(PartialTypes.record(method.output().valueType()))));
  }

  private static TypeName element(PromptMethod method) {
    return ClassName.get(PartialTypes.listElementRecord(method.output().valueType()));
  }
}
