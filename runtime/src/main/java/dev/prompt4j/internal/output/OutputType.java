package dev.prompt4j.internal.output;

/**
 * Turns a model's text into the prompt method's value. Generated code picks one from {@link Outputs}
 * for each method's return type.
 *
 * @param <T> the value type
 */
public interface OutputType<T> {

  /**
   * Parses (and validates) the model's answer.
   *
   * @throws OutputParseException listing every problem found, so a re-ask can name them all
   */
  T parse(String text) throws OutputParseException;

  /** The JSON Schema of the expected answer, or {@code null} for free text. */
  default String jsonSchema() {
    return null;
  }

  /** A short name of the expected type for messages, for example {@code TrendCategory}. */
  String typeName();
}
