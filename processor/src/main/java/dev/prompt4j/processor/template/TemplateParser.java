package dev.prompt4j.processor.template;

import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.template.Template.Literal;
import dev.prompt4j.processor.template.Template.Placeholder;
import dev.prompt4j.processor.template.Template.Role;
import dev.prompt4j.processor.template.Template.Section;
import dev.prompt4j.processor.template.Template.Segment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses a template into sections and segments: role markers at the start of a line, {@code {name}},
 * {@code {name.component}}, {@code {name:list}}, {@code {name:lists}}, the media specs of {@link MediaSpec}
 * with their options ({@code {photo:image(detail=low)}}), {@code {{} and {@code }}}.
 * Common indentation is removed and each section is trimmed; values are never parsed.
 */
public final class TemplateParser {
  private static final Pattern MARKER = Pattern.compile("^[ \\t]*(SYSTEM|USER|ASSISTANT|MESSAGES):[ \\t]?(.*)$");
  private static final Pattern IDENTIFIER = Pattern.compile("\\p{javaJavaIdentifierStart}\\p{javaJavaIdentifierPart}*");
  private static final Set<String> FORMATS = Set.of("list", "lists");

  private TemplateParser() {}

  /** Parses {@code text}, ignoring warnings. */
  public static Template parse(String text) throws TemplateException {
    return parse(text, new ArrayList<>());
  }

  /**
   * Parses {@code text}, adding to {@code warnings} the lines that look like role markers but may be
   * prose (see {@link RoleLikeLines}).
   */
  public static Template parse(String text, List<TemplateException> warnings) throws TemplateException {
    String normalized = normalize(text);
    String[] lines = normalized.split("\n", -1);
    boolean markers = false;
    for (String line : lines) {
      markers |= MARKER.matcher(line).matches();
    }
    boolean[] escaped = new boolean[lines.length];
    for (int i = 0; i < lines.length; i++) {
      String line = RoleLikeLines.check(lines[i], i + 1, markers, warnings);
      escaped[i] = !line.equals(lines[i]);
      lines[i] = line;
    }
    List<Section> sections = new ArrayList<>();
    boolean explicit = false;
    Role role = null;
    int roleLine = 1;
    StringBuilder body = new StringBuilder();
    int bodyLine = 1;
    StringBuilder preamble = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      Matcher marker = MARKER.matcher(lines[i]);
      if (!escaped[i] && marker.matches()) {
        if (explicit) {
          sections.add(section(role, body.toString(), roleLine, bodyLine));
        } else if (!isBlank(preamble.toString())) {
          throw new TemplateException(Diagnostic.TEXT_BEFORE_FIRST_ROLE, firstLine(preamble.toString()), marker.group(1));
        }
        explicit = true;
        role = Role.valueOf(marker.group(1));
        roleLine = i + 1;
        body.setLength(0);
        body.append(marker.group(2));
        bodyLine = i + 1;
      } else if (explicit) {
        body.append('\n').append(lines[i]);
      } else {
        if (i > 0) {
          preamble.append('\n');
        }
        preamble.append(lines[i]);
      }
    }
    if (explicit) {
      sections.add(section(role, body.toString(), roleLine, bodyLine));
    } else {
      List<Segment> segments = segments(preamble.toString().strip(), 1 + leadingBlankLines(preamble.toString()));
      if (isBlank(preamble.toString())) {
        throw new TemplateException(Diagnostic.EMPTY_TEMPLATE);
      }
      sections.add(new Section(Role.USER, segments, 1));
    }
    return new Template(List.copyOf(sections), explicit);
  }

  /** Line endings as {@code \n}, common indentation removed (text blocks arrive without it already). */
  public static String normalize(String text) {
    // stripIndent counts the last line even when blank: a trailing newline would keep all indentation.
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // a byte-order mark from a template file is not text to send
    }
    return text.replace("\r\n", "\n").replace('\r', '\n').stripTrailing().stripIndent();
  }

  private static Section section(Role role, String body, int roleLine, int bodyLine) throws TemplateException {
    String content = body.strip();
    if (isBlank(content)) {
      throw new TemplateException(Diagnostic.EMPTY_ROLE_SECTION, role.name(), roleLine);
    }
    List<Segment> segments = segments(content, bodyLine + leadingBlankLines(body));
    if (role == Role.MESSAGES && !(segments.size() == 1 && segments.get(0) instanceof Placeholder p && p.format() == null && p.path().isEmpty())) {
      throw new TemplateException(Diagnostic.MESSAGES_SYNTAX, content, roleLine);
    }
    return new Section(role, List.copyOf(segments), roleLine);
  }

  private static int leadingBlankLines(String body) {
    int count = 0;
    int start = 0;
    while (true) {
      int newline = body.indexOf('\n', start);
      if (newline < 0 || !isBlank(body.substring(start, newline))) {
        return count;
      }
      count++;
      start = newline + 1;
    }
  }

  private static List<Segment> segments(String content, int firstLine) throws TemplateException {
    List<Segment> segments = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int line = firstLine;
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (c == '\n') {
        line++;
      }
      if (c == '{') {
        if (i + 1 < content.length() && content.charAt(i + 1) == '{') {
          literal.append('{');
          i++;
          continue;
        }
        int close = content.indexOf('}', i + 1);
        int nextOpen = content.indexOf('{', i + 1);
        int lineEnd = content.indexOf('\n', i + 1);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close) || (lineEnd >= 0 && lineEnd < close)) {
          throw new TemplateException(Diagnostic.UNBALANCED_BRACES, "'{' without a matching '}'", line, excerpt(content, i));
        }
        if (literal.length() > 0) {
          segments.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        segments.add(placeholder(content.substring(i, close + 1), line));
        i = close;
      } else if (c == '}') {
        if (i + 1 < content.length() && content.charAt(i + 1) == '}') {
          literal.append('}');
          i++;
          continue;
        }
        throw new TemplateException(Diagnostic.UNBALANCED_BRACES, "'}' without a matching '{'", line, excerpt(content, i));
      } else {
        literal.append(c);
      }
    }
    if (literal.length() > 0) {
      segments.add(new Literal(literal.toString()));
    }
    return segments;
  }

  private static Placeholder placeholder(String source, int line) throws TemplateException {
    String inner = source.substring(1, source.length() - 1).strip();
    String format = null;
    String options = null;
    int colon = inner.indexOf(':');
    if (colon >= 0) {
      format = inner.substring(colon + 1).strip();
      inner = inner.substring(0, colon).strip();
      int open = format.indexOf('(');
      if (open > 0 && format.endsWith(")")) {
        options = format.substring(open + 1, format.length() - 1);
        format = format.substring(0, open).strip();
      }
    }
    // The name first: {"a": 1} is literal JSON that lacks {{ }}, not a placeholder with format ' 1'.
    String[] parts = inner.split("\\.", -1);
    for (String part : parts) {
      if (!IDENTIFIER.matcher(part).matches()) {
        throw new TemplateException(Diagnostic.MALFORMED_PLACEHOLDER, source, line);
      }
    }
    if (format != null && !FORMATS.contains(format) && MediaSpec.of(format).isEmpty()) {
      throw new TemplateException(Diagnostic.UNKNOWN_FORMAT_SPEC, source, line, format, MediaOptions.unknownSpecHint(format));
    }
    Map<String, String> parsed = MediaOptions.parse(source, line, format, options);
    return new Placeholder(parts[0], List.of(parts).subList(1, parts.length), format, source, line, parsed);
  }

  /**
   * Whether {@code text} has nothing a reader would see: whitespace, and also the invisible format
   * and space characters ({@code U+200B}, {@code U+200C}, {@code U+200D}, {@code U+FEFF}, {@code
   * U+00A0}, {@code U+3000}, ...) that {@link String#isBlank()} counts as text.
   */
  public static boolean isBlank(String text) {
    return text.chars().allMatch(TemplateParser::isInvisible);
  }

  /** Whitespace, a space separator, or a format character (zero-width and byte-order marks). */
  public static boolean isInvisible(int c) {
    return Character.isWhitespace(c) || Character.isSpaceChar(c) || Character.getType(c) == Character.FORMAT;
  }

  private static String firstLine(String text) {
    String stripped = text.strip();
    int newline = stripped.indexOf('\n');
    return excerptOf(newline < 0 ? stripped : stripped.substring(0, newline));
  }

  /** Up to 15 characters either side of {@code at}, within its line. */
  private static String excerpt(String content, int at) {
    int lineStart = content.lastIndexOf('\n', at - 1) + 1;
    int lineEnd = content.indexOf('\n', at);
    int from = Math.max(lineStart, at - 15);
    int to = Math.min(lineEnd < 0 ? content.length() : lineEnd, at + 15);
    return excerptOf(content.substring(from, to));
  }

  private static String excerptOf(String text) {
    return text.length() <= 40 ? text : text.substring(0, 40) + "...";
  }
}
