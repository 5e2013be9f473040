package dev.prompt4j.processor.template;

import dev.prompt4j.processor.diag.Diagnostic;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lines that look like role markers but are not: {@code user:}, {@code USER :}, {@code System:},
 * {@code HUMAN:}, {@code AI:}, {@code Assistant:}. The rule is precise: the line starts (after
 * indentation) with a role word in any case, optional spaces, and a colon, where the role words are
 * SYSTEM, USER, ASSISTANT, MESSAGES and the common aliases HUMAN, AI, BOT, MODEL. Any other word
 * ({@code Note:}, {@code Question:}) is prose and not looked at.
 *
 * <ul>
 *   <li>SYSTEM, USER, ASSISTANT or MESSAGES in another case or with a space before the colon, in a
 *       template with role markers: it cannot be meant as prose there, and it would silently become
 *       text of the section above: an error ({@code UnknownRoleMarker}).
 *   <li>The same in a template without markers (a transcript given as an example), and the aliases
 *       anywhere ({@code Model: gpt-4o} can be prose): a warning ({@code RoleLikeText}).
 * </ul>
 *
 * <p>A backslash before the word ({@code \User: hi}) says the line is text: the backslash is removed
 * and nothing is reported. It is also how a template without markers writes a literal {@code
 * \USER:} line.
 */
final class RoleLikeLines {
  private static final Pattern ROLE_LIKE = Pattern.compile("^([ \\t]*)(\\\\?)(\\p{Alpha}+)([ \\t]*):(.*)$");
  /** Role words (upper case) and the marker each one means. */
  private static final Map<String, String> MEANT = Map.of(
      "SYSTEM", "SYSTEM:", "USER", "USER:", "ASSISTANT", "ASSISTANT:", "MESSAGES", "MESSAGES:",
      "HUMAN", "USER:", "AI", "ASSISTANT:", "BOT", "ASSISTANT:", "MODEL", "ASSISTANT:");

  private RoleLikeLines() {}

  /**
   * {@code line} as the parser should read it (an escaping backslash removed); reports the line when
   * it looks like a marker but is not one: throws in a template with markers, else adds a warning.
   */
  static String check(String line, int number, boolean markers, List<TemplateException> warnings) throws TemplateException {
    Matcher matcher = ROLE_LIKE.matcher(line);
    if (!matcher.matches()) {
      return line;
    }
    String word = matcher.group(3);
    String meant = MEANT.get(word.toUpperCase(Locale.ROOT));
    if (meant == null) {
      return line;
    }
    if (!matcher.group(2).isEmpty()) {
      return matcher.group(1) + line.substring(matcher.end(2)); // an escaped line: text without the backslash
    }
    String written = word + matcher.group(4) + ":";
    if (written.equals(meant)) {
      return line; // a real marker
    }
    boolean alias = !meant.equals(word.toUpperCase(Locale.ROOT) + ":");
    if (markers && !alias) {
      throw new TemplateException(Diagnostic.UNKNOWN_ROLE_MARKER, written, number, meant, "\\" + written);
    }
    String why = alias ? "the roles are SYSTEM, USER, ASSISTANT and MESSAGES" : "the template has no role markers";
    warnings.add(new TemplateException(Diagnostic.ROLE_LIKE_TEXT, written, number, why, meant, "\\" + written));
    return line;
  }
}
