package dev.prompt4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a record component of a streamed answer ({@code PromptStream<T>}): the record that holds it
 * appears in partials only once this component is present. BAML's {@code @stream.not_null}. Useful on
 * an id or a name, so a list's items never show up nameless. Checked at compile time: anywhere but on
 * a record component it is an error ({@code [Prompt4j:StreamAnnotationPlacement]}).
 *
 * <pre>{@code
 * record Step(@StreamRequired String name, String detail) {}   // a step shows once it has a name
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface StreamRequired {}
