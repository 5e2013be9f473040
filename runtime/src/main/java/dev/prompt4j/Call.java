package dev.prompt4j;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Names the model that answers a {@link Prompt} method, and its call parameters. On an interface it
 * is the default for every method; on a method it replaces the interface's {@code @Call} attribute by
 * attribute (provider and model always, parameters where they are set).
 *
 * <pre>{@code
 * @Call(provider = "openai", model = "gpt-4o-mini", temperature = 0.2)
 * public interface Trends { ... }
 * }</pre>
 *
 * <p>Every attribute can be overridden at run time, from code ({@link Prompt4j#override}) or from
 * configuration ({@code prompt4j.<Interface>.<method>.model=...}), without recompiling.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface Call {
  /** Marks a numeric parameter as not set. */
  double UNSET = Double.NaN;
  /** Marks an integer parameter as not set. */
  int UNSET_INT = -1;
  /** Marks the seed as not set. */
  long UNSET_SEED = Long.MIN_VALUE;

  /**
   * The provider: {@code openai}, {@code anthropic}, {@code gemini}, {@code ollama}, {@code offline}, or a registered one.
   *
   * @return the provider: {@code openai}, {@code anthropic}, {@code gemini}, {@code ollama}, {@code offline}, or a registered one
   */
  String provider();

  /**
   * The model name as the provider knows it, for example {@code gpt-4o-mini}.
   *
   * @return the model name as the provider knows it, for example {@code gpt-4o-mini}
   */
  String model();

  /**
   * Sampling temperature; not sent when unset.
   *
   * @return sampling temperature; not sent when unset
   */
  double temperature() default UNSET;

  /**
   * Maximum output tokens; not sent when unset.
   *
   * @return maximum output tokens; not sent when unset
   */
  int maxTokens() default UNSET_INT;

  /**
   * Nucleus sampling; not sent when unset.
   *
   * @return nucleus sampling; not sent when unset
   */
  double topP() default UNSET;

  /**
   * Stop sequences; none when empty.
   *
   * @return stop sequences; none when empty
   */
  String[] stop() default {};

  /**
   * Sampling seed, for providers that take one; not sent when unset.
   *
   * @return sampling seed, for providers that take one; not sent when unset
   */
  long seed() default UNSET_SEED;

  /**
   * Models tried in order when this one still fails after its retries, as {@code "provider:model"},
   * for example {@code "anthropic:claude-haiku-4-5"}.
   *
   * @return models tried in order when this one still fails after its retries, as {@code "provider:model"}, for example {@code "anthropic:claude-haiku-4-5"}
   */
  String[] fallbacks() default {};

  /**
   * Classes whose {@link Tool} methods the model may call (tool loop). Each is made with its public
   * no-argument constructor for each call; pass an instance as a parameter of the prompt method instead
   * to use one you made.
   *
   * @return the tool classes
   */
  Class<?>[] tools() default {};
}
