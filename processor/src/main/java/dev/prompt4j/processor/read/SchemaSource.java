package dev.prompt4j.processor.read;

import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;

/** Where JSON Schemas of structured answer types come from. */
interface SchemaSource {

  /**
   * The schema, or an error naming the unsupported type.
   *
   * @param schema JSON Schema text, or {@code null} on error
   * @param error what is not supported and where, or {@code null}
   */
  record Result(String schema, String error) {}

  Result schemaFor(TypeMirror type, Element where);

  static SchemaSource create(ProcessingEnvironment env) {
    return (type, where) -> new Result(null, "structured answers are not supported yet");
  }
}
