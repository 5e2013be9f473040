package dev.prompt4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Describes a record, a record component or an enum constant to the model: the text becomes the
 * {@code description} of the JSON Schema the processor derives for structured answers.
 *
 * <pre>{@code
 * record Faq(@Description("A question a newcomer would ask") @NotBlank String question, String answer) {}
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface Description {
  /**
   * The description.
   *
   * @return the description
   */
  String value();
}
