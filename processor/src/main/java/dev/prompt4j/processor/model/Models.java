package dev.prompt4j.processor.model;

import com.palantir.javapoet.ClassName;
import dev.prompt4j.processor.template.Template;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/** The immutable model of a prompt interface, built once it validated cleanly; generators read only this. */
public final class Models {
  private Models() {}

  /**
   * A prompt interface.
   *
   * @param element the interface
   * @param interfaceName its name
   * @param implementationName the generated class
   * @param methods prompt methods, in declaration order
   * @param fields computed fields by name, in declaration order
   */
  public record PromptInterface(
      TypeElement element, ClassName interfaceName, ClassName implementationName, List<PromptMethod> methods, Map<String, ComputedField> fields) {}

  /** How the method hands back its value. */
  public enum ReturnShape {
    /** {@code T}. */
    VALUE,
    /** {@code Response<T>}. */
    RESPONSE,
    /** {@code CompletableFuture<T>}. */
    FUTURE_VALUE,
    /** {@code CompletableFuture<Response<T>>}. */
    FUTURE_RESPONSE,
    // Streaming (#11)
    /** {@code PromptStream<T>}. */
    STREAM,
    /** {@code Flow.Publisher<String>}: text chunks. */
    TEXT_PUBLISHER,
    /** {@code Stream<String>}: text chunks, blocking. */
    TEXT_STREAM,
    /** {@code Flux<String>} (Reactor on the compile class path): text chunks. */
    FLUX_TEXT,
    /** {@code Flow.Publisher<TPartial>}: the generated partials of a record answer {@code T}. */
    PARTIAL_PUBLISHER,
    /** {@code Flow.Publisher<X>}, {@code X} a record: the elements of a {@code List<X>} answer as each completes. */
    ITEM_PUBLISHER,
    /** {@code Stream<X>}, {@code X} a record: the elements of a {@code List<X>} answer, blocking. */
    ITEM_STREAM,
    /** {@code Flux<TPartial>} (Reactor on the compile class path): as {@link #PARTIAL_PUBLISHER}. */
    FLUX_PARTIAL,
    /** {@code Flux<X>} (Reactor on the compile class path), {@code X} a record: as {@link #ITEM_PUBLISHER}. */
    FLUX_ITEM;

    /** The {@code Flow.Publisher} shape a {@code Flux} shape adapts (the shape itself for the others). */
    public ReturnShape publisher() {
      return switch (this) {
        case FLUX_TEXT -> TEXT_PUBLISHER;
        case FLUX_PARTIAL -> PARTIAL_PUBLISHER;
        case FLUX_ITEM -> ITEM_PUBLISHER;
        default -> this;
      };
    }

    /** Whether the method returns Reactor's {@code Flux}, adapted from the stream's {@code Flow.Publisher}. */
    public boolean flux() {
      return publisher() != this;
    }

    /** Whether the method streams its answer. */
    public boolean streams() {
      return ordinal() >= STREAM.ordinal();
    }

    /** Whether the method streams text chunks only (its answer type is {@code String}). */
    public boolean textOnly() {
      return ordinal() > STREAM.ordinal() && ordinal() <= FLUX_TEXT.ordinal();
    }
  }

  /** How the answer is read. */
  public enum OutputKind {
    TEXT,
    ENUM,
    JSON
  }

  /**
   * The answer type.
   *
   * @param kind how it is read
   * @param valueType the value type ({@code T})
   * @param schema the JSON Schema for {@link OutputKind#JSON}, else {@code null}
   * @param subtypes the permitted records of the sealed interfaces the type contains, in a stable order
   */
  public record Output(OutputKind kind, TypeMirror valueType, String schema, List<TypeElement> subtypes) {}

  /**
   * The effective {@code @Call} of a method (its own attributes over the interface's).
   *
   * @param provider provider
   * @param model model
   * @param temperature or {@code null}
   * @param maxTokens or {@code null}
   * @param topP or {@code null}
   * @param stop or empty
   * @param seed or {@code null}
   * @param fallbacks {@code provider:model}, or empty
   */
  public record CallConfig(
      String provider, String model, Double temperature, Integer maxTokens, Double topP, List<String> stop, Long seed, List<String> fallbacks) {}

  /**
   * A prompt method.
   *
   * @param element the method
   * @param name its name
   * @param constantName the generated descriptor constant
   * @param call its call configuration
   * @param template the parsed template
   * @param templateHash hash of the template text
   * @param shape how it returns
   * @param output the answer type
   * @param values how each placeholder of the template is read, by its source text
   * @param fields the computed fields it needs, dependencies first
   * @param maxAttempts {@code @Prompt(maxAttempts)}, 0 when not set
   */
  public record PromptMethod(
      ExecutableElement element,
      String name,
      String constantName,
      CallConfig call,
      Template template,
      String templateHash,
      ReturnShape shape,
      Output output,
      Map<Template.Placeholder, ValueAccess> values,
      List<ComputedField> fields,
      int maxAttempts) {}

  /**
   * A computed field.
   *
   * @param element the default method
   * @param name the name templates use
   * @param type its value type
   * @param parameters its parameters' names, in order (each a prompt parameter or another field)
   */
  public record ComputedField(ExecutableElement element, String name, TypeMirror type, List<String> parameters) {}

  /**
   * How a placeholder's value is read: from a parameter or a field, then through accessors.
   *
   * @param root the parameter or field name
   * @param field whether the root is a computed field
   * @param accessors method calls after the root, for example {@code [author, getName]}
   * @param type the type of the value read
   */
  public record ValueAccess(String root, boolean field, List<String> accessors, TypeMirror type) {}
}
