package dev.prompt4j.processor.declare;

import dev.prompt4j.processor.model.Models.ComputedField;
import dev.prompt4j.processor.read.Members;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A prompt interface whose declarations are valid: the first stage's output.
 *
 * @param type the interface
 * @param members its methods as members (type arguments of super-interfaces bound)
 * @param base whether another prompt interface of this compilation extends it
 * @param prompts its prompt methods, declared ones in source order, then inherited ones by name
 * @param fields its computed fields by name, in declaration order
 */
public record Declarations(TypeElement type, Members members, boolean base, List<ExecutableElement> prompts, Map<String, ComputedField> fields) {
  public Declarations {
    prompts = List.copyOf(prompts);
    fields = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(fields));
  }
}
