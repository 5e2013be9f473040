package dev.prompt4j.processor.bind;

import dev.prompt4j.processor.model.Models.Output;
import dev.prompt4j.processor.model.Models.ReturnShape;
import dev.prompt4j.processor.model.Models.ValueAccess;
import dev.prompt4j.processor.template.Template;
import dev.prompt4j.processor.template.Template.Placeholder;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;

/**
 * A prompt method whose template is parsed and bound: every placeholder resolved against the method's
 * parameters and the interface's computed fields; and whose answer type is understood.
 *
 * @param element the method
 * @param template the parsed template
 * @param templateText the template text, normalized (what the prompt version hashes)
 * @param values how each placeholder is read
 * @param rootFields the computed fields its placeholders name directly, in order of first use
 * @param shape how it returns
 * @param output the answer type
 * @param maxAttempts {@code @Prompt(maxAttempts)}, 0 when not set
 */
public record BoundMethod(
    ExecutableElement element,
    Template template,
    String templateText,
    Map<Placeholder, ValueAccess> values,
    List<String> rootFields,
    ReturnShape shape,
    Output output,
    int maxAttempts) {
  public BoundMethod {
    values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    rootFields = List.copyOf(rootFields);
  }
}
