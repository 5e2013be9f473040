package dev.prompt4j.processor.read;

import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.model.Models.Output;
import dev.prompt4j.processor.model.Models.OutputKind;
import dev.prompt4j.processor.model.Models.ReturnShape;
import dev.prompt4j.processor.schema.SchemaResult;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Reads a prompt method's return type: its shape (plain, Response, future) and how to read the answer. */
public final class OutputTypes {
  /** Reactor's Flux: a streaming return type only when Reactor is on the compile class path. */
  public static final String FLUX = "reactor.core.publisher.Flux";

  private final Elements elements;
  private final Types types;
  private final SchemaSource schemas;
  private final SourcePositions sources;

  public OutputTypes(ProcessingEnvironment env) {
    this.elements = env.getElementUtils();
    this.types = env.getTypeUtils();
    this.schemas = SchemaSource.create(env);
    this.sources = SourcePositions.of(env);
  }

  public ReturnShape shape(TypeMirror returnType) {
    if (is(returnType, Annotations.PROMPT_STREAM)) {
      return ReturnShape.STREAM;
    }
    if (is(returnType, "java.util.concurrent.Flow.Publisher")) {
      return ReturnShape.TEXT_PUBLISHER;
    }
    if (is(returnType, "java.util.stream.Stream")) {
      return ReturnShape.TEXT_STREAM;
    }
    if (is(returnType, FLUX)) {
      return ReturnShape.FLUX_TEXT;
    }
    if (is(returnType, "java.util.concurrent.CompletableFuture")) {
      return is(argument(returnType), Annotations.RESPONSE) ? ReturnShape.FUTURE_RESPONSE : ReturnShape.FUTURE_VALUE;
    }
    return is(returnType, Annotations.RESPONSE) ? ReturnShape.RESPONSE : ReturnShape.VALUE;
  }

  /** The value type {@code T} inside {@code Response<T>} / {@code CompletableFuture<...>}. */
  TypeMirror valueType(TypeMirror returnType) {
    return switch (shape(returnType)) {
      case VALUE -> returnType;
      case RESPONSE, FUTURE_VALUE, STREAM, TEXT_PUBLISHER, TEXT_STREAM, FLUX_TEXT -> argument(returnType);
      case FUTURE_RESPONSE -> argument(argument(returnType));
    };
  }

  /** How to read the answer of {@code method}, whose return type (as a member of the interface) is {@code returnType}. */
  public Optional<Output> read(ExecutableElement method, TypeMirror returnType, Report.Builder reporter) {
    TypeMirror value = valueType(returnType);
    ReturnShape shape = shape(returnType);
    if (shape.textOnly() && !is(value, "java.lang.String")) {
      reporter.report(Diagnostic.STREAM_ELEMENT_TYPE, method, method.getSimpleName() + "()", returnType, value);
      return Optional.empty();
    }
    if (value == null || value.getKind() == TypeKind.VOID || value.getKind() == TypeKind.WILDCARD || value.getKind() == TypeKind.TYPEVAR
        || value.getKind() == TypeKind.ERROR) {
      reporter.report(Diagnostic.UNSUPPORTED_RETURN_TYPE, method, method.getSimpleName() + "()", returnType, "");
      return Optional.empty();
    }
    if (is(value, "java.lang.String")) {
      return Optional.of(new Output(OutputKind.TEXT, value, null, List.of()));
    }
    if (value.getKind() == TypeKind.DECLARED && ((DeclaredType) value).asElement().getKind() == ElementKind.ENUM) {
      return Optional.of(new Output(OutputKind.ENUM, value, null, List.of()));
    }
    SchemaResult schema = schemas.schemaFor(value);
    if (!schema.ok()) {
      // On the record component that causes it, when there is one, so the IDE underlines the component.
      reporter.report(Diagnostic.UNSUPPORTED_RETURN_TYPE, located(schema.errorElement(), method),
          method.getSimpleName() + "()", returnType, ": " + schema.error());
      return Optional.empty();
    }
    return Optional.of(new Output(OutputKind.JSON, value, schema.schema(), schema.subtypes()));
  }

  /**
   * Where to report a schema error: on the element that causes it (a record component, a permitted
   * type) when the compiler can place it in the source, else on the method. javac gives no position
   * for a record component (JDK 17), but the component's private field has the component's
   * declaration as its source; and types recovered from errors have no source at all.
   */
  private Element located(Element cause, ExecutableElement method) {
    Element element = cause;
    if (cause instanceof RecordComponentElement component) {
      element = ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements()).stream()
          .filter(field -> field.getSimpleName().equals(component.getSimpleName()))
          .<Element>map(field -> field)
          .findFirst()
          .orElse(component);
    }
    return element != null && sources.hasSource(element) ? element : method;
  }

  private boolean is(TypeMirror type, String qualifiedName) {
    if (type == null || type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    TypeElement element = (TypeElement) ((DeclaredType) type).asElement();
    return element.getQualifiedName().contentEquals(qualifiedName);
  }

  private static TypeMirror argument(TypeMirror type) {
    if (type.getKind() != TypeKind.DECLARED || ((DeclaredType) type).getTypeArguments().size() != 1) {
      return null;
    }
    return ((DeclaredType) type).getTypeArguments().get(0);
  }
}
