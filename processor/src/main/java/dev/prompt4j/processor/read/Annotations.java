package dev.prompt4j.processor.read;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads annotations through mirrors and qualified names; the processor never loads annotation classes. */
public final class Annotations {
  /** {@code dev.prompt4j.Prompt}. */
  public static final String PROMPT = "dev.prompt4j.Prompt";
  /** {@code dev.prompt4j.Call}. */
  public static final String CALL = "dev.prompt4j.Call";
  /** {@code dev.prompt4j.ComputedField}. */
  public static final String COMPUTED_FIELD = "dev.prompt4j.ComputedField";
  /** {@code dev.prompt4j.Response}. */
  public static final String PROMPT_STREAM = "dev.prompt4j.PromptStream";
  public static final String STREAM_DONE = "dev.prompt4j.StreamDone";
  public static final String STREAM_REQUIRED = "dev.prompt4j.StreamRequired";
  public static final String RESPONSE = "dev.prompt4j.Response";
  /** langchain4j's chat message type, for {@code MESSAGES:}. */
  public static final String CHAT_MESSAGE = "dev.langchain4j.data.message.ChatMessage";

  private Annotations() {}

  /** The mirror of annotation {@code qualifiedName} on {@code element}, if present. */
  public static Optional<AnnotationMirror> mirror(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      TypeElement type = (TypeElement) mirror.getAnnotationType().asElement();
      if (type.getQualifiedName().contentEquals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** The value of attribute {@code name}, the default when not written. */
  public static AnnotationValue value(Elements elements, AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return entry.getValue();
      }
    }
    throw new IllegalArgumentException("no attribute " + name + " on " + mirror);
  }

  /** The value of attribute {@code name} only if it was written explicitly. */
  public static Optional<AnnotationValue> explicitValue(AnnotationMirror mirror, String name) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(name)) {
        return Optional.of(entry.getValue());
      }
    }
    return Optional.empty();
  }

  /** A {@code String[]} attribute as a list. */
  public static List<String> strings(AnnotationValue value) {
    @SuppressWarnings("unchecked")
    List<? extends AnnotationValue> values = (List<? extends AnnotationValue>) value.getValue();
    return values.stream().map(v -> (String) v.getValue()).toList();
  }
}
