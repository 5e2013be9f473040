package dev.prompt4j.processor.read;

import dev.prompt4j.processor.schema.JsonSchemaGenerator;
import dev.prompt4j.processor.schema.SchemaResult;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.type.TypeMirror;

/** Where JSON Schemas of structured answer types come from: derived at compile time from the type. */
interface SchemaSource {

  SchemaResult schemaFor(TypeMirror type);

  static SchemaSource create(ProcessingEnvironment env) {
    JsonSchemaGenerator generator = new JsonSchemaGenerator(env.getElementUtils(), env.getTypeUtils());
    return generator::generate;
  }
}
