package dev.prompt4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method of an ordinary class or interface as a tool a model may call. The processor writes
 * the tool's JSON Schema (from its parameter types and their Bean Validation constraints, as for
 * answers) and a dispatcher that calls the method without reflection. The description is the
 * method's Javadoc and its {@code @param} tags, unless {@link #value()} says otherwise.
 *
 * <pre>{@code
 * public class Weather {
 *   // its Javadoc: "The forecast of a city. @param city the city, such as Paris"
 *   @Tool
 *   public String forecast(String city) { ... }
 * }
 *
 * @Call(provider = "openai", model = "gpt-4o-mini", tools = Weather.class)
 * interface Agent {
 *   @Prompt("What should I wear in {city} tomorrow?")
 *   String advise(String city);
 * }
 * }</pre>
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Tool {
  /**
   * The description sent to the model; the method's Javadoc when empty.
   *
   * @return the description, or empty for the Javadoc
   */
  String value() default "";

  /**
   * The tool's name as the model sees it; the method name when empty.
   *
   * @return the name, or empty for the method name
   */
  String name() default "";

  /**
   * Whether a person must approve each call before it runs ({@link Approval#REQUIRED}: the prompt
   * method returns a pending {@link Response} and goes on with {@link Response#resume}).
   *
   * @return the approval needed
   */
  Approval approval() default Approval.NONE;

  /**
   * Whether the schema is sent in the provider's strict mode (OpenAI's {@code strict: true}); the
   * processor rejects a schema strict mode cannot accept.
   *
   * @return whether strict
   */
  boolean strict() default false;

  /** Whether a tool call waits for a person's decision. */
  enum Approval {
    /** The call runs as soon as the model asks. */
    NONE,
    /** The call waits for {@link Response#resume} with a decision. */
    REQUIRED
  }
}
