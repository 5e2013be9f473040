package dev.prompt4j.processor.read;

import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.model.Models.Output;
import dev.prompt4j.processor.model.Models.OutputKind;
import dev.prompt4j.processor.model.Models.ReturnShape;
import dev.prompt4j.processor.schema.SchemaResult;
import dev.prompt4j.processor.stream.PartialTypes;
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
    return shape(returnType, null);
  }

  /**
   * The shape of {@code method}'s return type; a {@code Flow.Publisher<TPartial>} whose partial type
   * is not written yet (this round writes it) is resolved by name in the method's package.
   */
  public ReturnShape shape(TypeMirror returnType, Element method) {
    if (is(returnType, Annotations.PROMPT_STREAM)) {
      return ReturnShape.STREAM;
    }
    boolean flux = is(returnType, FLUX); // Streaming (#11): a Flux adapts the Flow.Publisher of the same elements
    if (flux || is(returnType, "java.util.concurrent.Flow.Publisher")) {
      if (partialRecord(argument(returnType), method) != null) {
        return flux ? ReturnShape.FLUX_PARTIAL : ReturnShape.PARTIAL_PUBLISHER;
      }
      TypeElement element = PartialTypes.record(argument(returnType));
      if (element != null) { // Streaming (#11): partials of a record answer, or the records of a list answer
        if (PartialTypes.isPartial(element)) {
          return flux ? ReturnShape.FLUX_PARTIAL : ReturnShape.PARTIAL_PUBLISHER;
        }
        return flux ? ReturnShape.FLUX_ITEM : ReturnShape.ITEM_PUBLISHER;
      }
      return flux ? ReturnShape.FLUX_TEXT : ReturnShape.TEXT_PUBLISHER;
    }
    if (is(returnType, "java.util.stream.Stream")) {
      return PartialTypes.record(argument(returnType)) != null ? ReturnShape.ITEM_STREAM : ReturnShape.TEXT_STREAM;
    }
    if (is(returnType, "java.util.concurrent.CompletableFuture")) {
      return is(argument(returnType), Annotations.RESPONSE) ? ReturnShape.FUTURE_RESPONSE : ReturnShape.FUTURE_VALUE;
    }
    return is(returnType, Annotations.RESPONSE) ? ReturnShape.RESPONSE : ReturnShape.VALUE;
  }

  /** The value type {@code T} inside {@code Response<T>} / {@code CompletableFuture<...>}. */
  TypeMirror valueType(TypeMirror returnType, Element method) {
    return switch (shape(returnType, method)) {
      case VALUE -> returnType;
      case RESPONSE, FUTURE_VALUE, STREAM, TEXT_PUBLISHER, TEXT_STREAM, FLUX_TEXT -> argument(returnType);
      case FUTURE_RESPONSE -> argument(argument(returnType));
      case PARTIAL_PUBLISHER, FLUX_PARTIAL -> {
        TypeElement record = partialRecord(argument(returnType), method);
        yield record == null ? null : record.asType();
      }
      case ITEM_PUBLISHER, ITEM_STREAM, FLUX_ITEM -> types.getDeclaredType(elements.getTypeElement("java.util.List"), argument(returnType));
    };
  }

  /**
   * The record answer whose generated partial type {@code argument} is: a partial type already written
   * (by an earlier round or compilation), or one this round writes, named in the source as {@code
   * TPartial} (in the method's package) or fully qualified; {@code null} otherwise.
   */
  private TypeElement partialRecord(TypeMirror argument, Element method) {
    if (argument == null) {
      return null;
    }
    if (argument.getKind() == TypeKind.ERROR) {
      String name = argument.toString();
      if (!name.contains(".") && method != null) {
        String pkg = elements.getPackageOf(method).getQualifiedName().toString();
        name = pkg.isEmpty() ? name : pkg + "." + name;
      }
      return PartialTypes.recordOf(name, elements).orElse(null);
    }
    TypeElement element = PartialTypes.record(argument);
    return element != null && PartialTypes.isPartial(element)
        ? PartialTypes.recordOf(element.getQualifiedName().toString(), elements).orElse(null) : null;
  }

  /** How to read the answer of {@code method}, whose return type (as a member of the interface) is {@code returnType}. */
  public Optional<Output> read(ExecutableElement method, TypeMirror returnType, Report.Builder reporter) {
    TypeMirror value = valueType(returnType, method);
    ReturnShape shape = shape(returnType, method);
    if (shape.publisher() == ReturnShape.PARTIAL_PUBLISHER && value == null) {
      reporter.report(Diagnostic.PARTIAL_TYPE_ORPHAN, method, method.getSimpleName() + "()", returnType, argument(returnType));
      return Optional.empty();
    }
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
