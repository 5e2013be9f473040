package dev.prompt4j.processor.schema;

import java.util.List;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * What {@link JsonSchemaGenerator} made of a type: the schema, or why there is none.
 *
 * @param schema the JSON Schema as compact JSON, {@code null} when {@code error} is set
 * @param error what is not supported and where, for example {@code Map<String,Object> at Faq.extra is
 *     not supported: use a record}; {@code null} when the schema was made
 * @param errorElement the element to report the error on (a record component), or {@code null} for
 *     the type itself
 * @param subtypes the records of every sealed interface the type contains, in a stable order, for
 *     {@code Outputs.json(type, name, schema, subtypes...)}; empty when there are none
 */
public record SchemaResult(String schema, String error, Element errorElement, List<TypeElement> subtypes) {
  public SchemaResult {
    subtypes = List.copyOf(subtypes);
  }

  static SchemaResult of(String schema, List<TypeElement> subtypes) {
    return new SchemaResult(schema, null, null, subtypes);
  }

  static SchemaResult failure(String error, Element element) {
    return new SchemaResult(null, error, element, List.of());
  }

  /** Whether the schema was made. */
  public boolean ok() {
    return error == null;
  }
}
