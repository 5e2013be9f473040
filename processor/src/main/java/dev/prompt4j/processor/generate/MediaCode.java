package dev.prompt4j.processor.generate;

import static dev.prompt4j.processor.generate.ImplementationWriter.MESSAGES;

import com.palantir.javapoet.CodeBlock;
import dev.prompt4j.processor.model.Models.PromptMethod;
import dev.prompt4j.processor.template.MediaSpec;
import dev.prompt4j.processor.template.Template.Placeholder;
import dev.prompt4j.processor.template.Template.Section;
import dev.prompt4j.processor.template.Template.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The code of a user message with media ({@code {photo:image}}): its parts in template order, text runs
 * between them, as {@code Messages.parts().text(...).image("photo", photo, null)...}. The values are
 * passed as they are; the runtime loads them when the request is built.
 */
final class MediaCode {
  private MediaCode() {}

  static boolean hasMedia(Section section) {
    return section.segments().stream().anyMatch(s -> s instanceof Placeholder p && p.media().isPresent());
  }

  static CodeBlock parts(Section section, PromptMethod method, Map<String, String> fieldVariables) {
    CodeBlock.Builder code = CodeBlock.builder().add("$T.parts()$>", MESSAGES);
    List<Segment> run = new ArrayList<>();
    for (Segment segment : section.segments()) {
      if (segment instanceof Placeholder placeholder && placeholder.media().isPresent()) {
        text(code, run, method, fieldVariables);
        MediaSpec spec = placeholder.media().get();
        String name = placeholder.name() + (placeholder.path().isEmpty() ? "" : "." + String.join(".", placeholder.path()));
        CodeBlock value = MessageCode.access(placeholder, method, fieldVariables);
        String builder = spec.plural() ? "images" : spec.kind();
        if (spec.kind().equals("image")) {
          String detail = placeholder.options().get("detail");
          code.add("\n.$L($S, $L, $L)", builder, name, value, detail == null ? "null" : CodeBlock.of("$S", detail));
        } else {
          code.add("\n.$L($S, $L)", builder, name, value);
        }
      } else {
        run.add(segment);
      }
    }
    text(code, run, method, fieldVariables);
    return code.add("$<").build();
  }

  private static void text(CodeBlock.Builder code, List<Segment> run, PromptMethod method, Map<String, String> fieldVariables) {
    if (!run.isEmpty()) {
      code.add("\n.text($L)", MessageCode.text(run, method, fieldVariables));
      run.clear();
    }
  }
}
