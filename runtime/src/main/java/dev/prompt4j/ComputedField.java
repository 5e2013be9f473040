package dev.prompt4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a default method of a prompt interface as a value that templates may use by name. Its
 * parameters are bound by name to the prompt method's parameters or to other computed fields; the
 * processor orders them at compile time, computes each needed field once per call, and runs fields
 * that do not depend on each other in parallel.
 *
 * <pre>{@code
 * @ComputedField
 * default String expert(String topic) {
 *   return selectExpert(topic);            // another prompt: a chained call, traced under this one
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface ComputedField {
  /**
   * The name templates use; the method name when empty.
   *
   * @return the name templates use; the method name when empty
   */
  String value() default "";
}
