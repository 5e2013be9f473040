package dev.prompt4j.processor.generate;

import static dev.prompt4j.processor.generate.ImplementationWriter.MESSAGES;
import static dev.prompt4j.processor.generate.ImplementationWriter.VALUES;

import com.palantir.javapoet.CodeBlock;
import dev.prompt4j.processor.model.Models.PromptMethod;
import dev.prompt4j.processor.model.Models.ValueAccess;
import dev.prompt4j.processor.template.Template;
import dev.prompt4j.processor.template.Template.Literal;
import dev.prompt4j.processor.template.Template.Placeholder;
import dev.prompt4j.processor.template.Template.Role;
import dev.prompt4j.processor.template.Template.Section;
import dev.prompt4j.processor.template.Template.Segment;
import dev.prompt4j.processor.template.TemplateParser;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;

/** The code that renders a method's messages: straight-line concatenation of literals and values. */
final class MessageCode {
  private MessageCode() {}

  static CodeBlock messages(PromptMethod method, Map<String, String> fieldVariables) {
    Template template = method.template();
    if (!template.explicitRoles()) {
      Section only = template.sections().get(0);
      return CodeBlock.of("$T.single($L)", MESSAGES,
          MediaCode.hasMedia(only) ? MediaCode.parts(only, method, fieldVariables) : text(only, method, fieldVariables));
    }
    // Each message on its own line: the statement's continuation indent lines them up under the call.
    CodeBlock.Builder code = CodeBlock.builder().add("$T.builder($L)", MESSAGES, template.sections().size());
    for (Section section : template.sections()) {
      String builderMethod = switch (section.role()) {
        case SYSTEM -> "system";
        case USER -> "user";
        case ASSISTANT -> "assistant";
        case MESSAGES -> "splice";
      };
      CodeBlock argument = section.role() == Role.MESSAGES
          ? access((Placeholder) section.segments().get(0), method, fieldVariables)
          : MediaCode.hasMedia(section) ? MediaCode.parts(section, method, fieldVariables) : text(section, method, fieldVariables);
      code.add("\n.$L($L)", builderMethod, argument);
    }
    return code.add("\n.build()").build();
  }

  private static CodeBlock text(Section section, PromptMethod method, Map<String, String> fieldVariables) {
    return text(section.segments(), method, fieldVariables);
  }

  /** Text segments (literals and text placeholders) as one string expression. */
  static CodeBlock text(List<Segment> segments, PromptMethod method, Map<String, String> fieldVariables) {
    List<CodeBlock> parts = new ArrayList<>();
    for (Segment segment : segments) {
      if (segment instanceof Literal literal) {
        parts.addAll(literal(literal.text()));
      } else {
        Placeholder placeholder = (Placeholder) segment;
        String render = placeholder.format() == null ? "text" : placeholder.format();
        CodeBlock value = access(placeholder, method, fieldVariables);
        // After a string, a primitive or a String concatenates to what Values.text gives: written as it is, an int is
        // formatted into the message directly instead of into a String of its own first (24 bytes and a copy per value).
        boolean asIs = render.equals("text") && !parts.isEmpty() && concatenatesAsIs(method.values().get(placeholder).type());
        parts.add(asIs ? value : CodeBlock.of("$T.$L($L)", VALUES, render, value));
      }
    }
    if (parts.size() == 1 && segments.get(0) instanceof Placeholder) {
      return parts.get(0);
    }
    return parts.stream().collect(CodeBlock.joining("$W+ "));
  }

  /** Whether string concatenation writes a value of {@code type} as {@code String.valueOf} does: primitives and strings. */
  private static boolean concatenatesAsIs(TypeMirror type) {
    return type != null && (type.getKind().isPrimitive()
        || type instanceof DeclaredType declared && ((TypeElement) declared.asElement()).getQualifiedName().contentEquals("java.lang.String"));
  }

  static CodeBlock access(Placeholder placeholder, PromptMethod method, Map<String, String> fieldVariables) {
    ValueAccess access = method.values().get(placeholder);
    CodeBlock.Builder code = CodeBlock.builder();
    if (access.field()) {
      code.add("$L.join()", fieldVariables.get(access.root()));
    } else {
      code.add("$L", access.root());
    }
    for (String accessor : access.accessors()) {
      code.add(".$L()", accessor);
    }
    return code.build();
  }

  /**
   * A literal as string literals: invisible characters (zero-width, byte-order mark, non-breaking and
   * other special spaces) written as escapes, {@code "\u200b"}, so a reader of the generated code
   * sees them; JavaPoet would write them as they are.
   */
  static List<CodeBlock> literal(String text) {
    List<CodeBlock> parts = new ArrayList<>();
    StringBuilder visible = new StringBuilder();
    StringBuilder escaped = new StringBuilder();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean hidden = c != ' ' && !Character.isISOControl(c) && TemplateParser.isInvisible(c);
      if (hidden) {
        if (visible.length() > 0) {
          parts.add(CodeBlock.of("$S", visible.toString()));
          visible.setLength(0);
        }
        escaped.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        if (escaped.length() > 0) {
          parts.add(CodeBlock.of("\"$L\"", escaped.toString()));
          escaped.setLength(0);
        }
        visible.append(c);
      }
    }
    if (escaped.length() > 0) {
      parts.add(CodeBlock.of("\"$L\"", escaped.toString()));
    }
    if (visible.length() > 0 || parts.isEmpty()) {
      parts.add(CodeBlock.of("$S", visible.toString()));
    }
    return parts;
  }
}
