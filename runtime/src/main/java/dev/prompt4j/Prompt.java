package dev.prompt4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares an abstract interface method as a call to a language model. The Prompt4j annotation
 * processor parses the template at compile time and writes the implementation.
 *
 * <pre>{@code
 * @Prompt("""
 *     SYSTEM: You are a {expert}.
 *     USER: Identify a recent trend in {topic}.
 *     """)
 * String identifyTrend(String topic);
 * }</pre>
 *
 * <p>Placeholders: {@code {name}} (a parameter or {@link ComputedField}), {@code {name.component}}
 * (a record component or getter), {@code {items:list}} (one item per line), {@code {rows:lists}}
 * (blocks separated by a blank line), {@code {{} and {@code }}} for literal braces. Role sections
 * {@code SYSTEM:}, {@code USER:}, {@code ASSISTANT:} start at the beginning of a line; {@code
 * MESSAGES: {history}} splices a list of chat messages. Without any marker the whole template is one
 * user message. Values are inserted as data: their text is never read as a placeholder or a marker.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Prompt {
  /**
   * The template. Exactly one of {@code value} and {@link #file} is set.
   *
   * @return the template
   */
  String value() default "";

  /**
   * A template file on the compile-time class path or source path (for example {@code
   * "prompts/summary.txt"}, looked up in the class output, then the sources and resources), read by
   * the processor. Nothing is read at run time.
   *
   * @return a template file on the compile-time class path or source path (for example {@code "prompts/summary.txt"}, looked up in the class output, then the sources and resources), read by the processor
   */
  String file() default "";

  /**
   * How many answers the model may give, counting the first, before an answer that does not parse or
   * validate fails the call with {@link OutputException}. Each failed answer is re-asked with its
   * errors. {@code 0} (the default) means the configuration key {@code prompt4j.max-attempts} (or its
   * interface or method form), else 3. Configuration wins over this attribute.
   *
   * @return how many answers the model may give, counting the first, before an answer that does not parse or validate fails the call with {@link OutputException}
   */
  int maxAttempts() default 0;
}
