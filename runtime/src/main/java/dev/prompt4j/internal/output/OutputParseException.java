package dev.prompt4j.internal.output;

import java.util.List;

/** The model's answer does not fit the expected type; every problem found is listed. */
public final class OutputParseException extends Exception {
  private static final long serialVersionUID = 1L;
  private final List<String> errors;

  public OutputParseException(List<String> errors) {
    super(String.join("; ", errors));
    this.errors = List.copyOf(errors);
  }

  public OutputParseException(String error) {
    this(List.of(error));
  }

  /** Each problem: field path, rule, offending value where there is one. */
  public List<String> errors() {
    return errors;
  }
}
