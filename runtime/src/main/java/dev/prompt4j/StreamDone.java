package dev.prompt4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a record component of a streamed answer ({@code PromptStream<T>}): the component appears in
 * partials only once its value is complete (a list once it closed, a nested record once it closed),
 * never half-filled. BAML's {@code @stream.done}. Strings, numbers, booleans and enum constants are
 * always complete when they appear. Checked at compile time: anywhere but on a record component it
 * is an error ({@code [Prompt4j:StreamAnnotationPlacement]}).
 *
 * <pre>{@code
 * record Plan(String title, @StreamDone List<Step> steps) {}   // steps appear all at once
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.RECORD_COMPONENT, ElementType.FIELD, ElementType.METHOD, ElementType.PARAMETER})
public @interface StreamDone {}
