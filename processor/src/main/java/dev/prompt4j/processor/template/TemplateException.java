package dev.prompt4j.processor.template;

import dev.prompt4j.processor.diag.Diagnostic;

/** The template is malformed; carries the catalog entry and its arguments. */
public final class TemplateException extends Exception {
  private static final long serialVersionUID = 1L;
  private final Diagnostic diagnostic;
  private final transient Object[] arguments;

  public TemplateException(Diagnostic diagnostic, Object... arguments) {
    super(diagnostic.format(arguments));
    this.diagnostic = diagnostic;
    this.arguments = arguments;
  }

  public Diagnostic diagnostic() {
    return diagnostic;
  }

  public Object[] arguments() {
    return arguments.clone();
  }
}
