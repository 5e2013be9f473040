package dev.prompt4j.processor.template;

import java.util.List;
import java.util.Map;

/**
 * A parsed template: its message sections in order. Produced once by the processor; generated code
 * renders it with straight-line string concatenation.
 *
 * @param sections the messages, in order
 * @param explicitRoles whether the template used role markers (otherwise one user message)
 */
public record Template(List<Section> sections, boolean explicitRoles) {

  /** The role of a section. */
  public enum Role {
    SYSTEM,
    USER,
    ASSISTANT,
    /** {@code MESSAGES: {history}}: a list of chat messages spliced in. */
    MESSAGES
  }

  /**
   * One message, or a splice of messages.
   *
   * @param role the role
   * @param segments literal text and placeholders; for {@link Role#MESSAGES} exactly one placeholder
   * @param line the template line of the marker (1-based), for messages
   */
  public record Section(Role role, List<Segment> segments, int line) {}

  /** Literal text or a placeholder. */
  public sealed interface Segment permits Literal, Placeholder {}

  /**
   * Text sent as it stands ({@code {{} and {@code }}} already unescaped).
   *
   * @param text the text
   */
  public record Literal(String text) implements Segment {}

  /**
   * A value to insert.
   *
   * @param name the parameter or computed field name
   * @param path record components or getters after the name ({@code {a.b.c}} has path [b, c])
   * @param format {@code null}, {@code list}, {@code lists} or a media spec ({@link MediaSpec})
   * @param source the placeholder as written, braces included
   * @param line the template line (1-based)
   * @param options the options of a media spec ({@code detail=low}), else empty
   */
  public record Placeholder(String name, List<String> path, String format, String source, int line, Map<String, String> options)
      implements Segment {
    public Placeholder {
      options = Map.copyOf(options);
    }

    /** A placeholder without options. */
    public Placeholder(String name, List<String> path, String format, String source, int line) {
      this(name, path, format, source, line, Map.of());
    }

    /** Its media spec, when it has one. */
    public java.util.Optional<MediaSpec> media() {
      return MediaSpec.of(format);
    }
  }
}
