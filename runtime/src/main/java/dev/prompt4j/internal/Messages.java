package dev.prompt4j.internal;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.prompt4j.Media;
import dev.prompt4j.internal.media.MediaPart;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds the message list of one request. Generated code calls it with text already rendered from
 * pre-parsed template segments; nothing here parses a template.
 */
public final class Messages {
  private final List<ChatMessage> messages;

  private Messages(int expected) {
    this.messages = new ArrayList<>(expected);
  }

  /** Starts a list sized for {@code expected} messages. */
  public static Messages builder(int expected) {
    return new Messages(expected);
  }

  /** A request of one user message (a template without role markers). */
  public static List<ChatMessage> single(String text) {
    return List.of(UserMessage.from(text));
  }

  /** Appends a system message. */
  public Messages system(String text) {
    messages.add(SystemMessage.from(text));
    return this;
  }

  /** Appends a user message. */
  public Messages user(String text) {
    messages.add(UserMessage.from(text));
    return this;
  }

  /** A request of one user message with media parts (a template without role markers). */
  public static List<ChatMessage> single(Parts parts) {
    return List.of(parts.message());
  }

  /** Appends a user message of text and media parts, in template order. */
  public Messages user(Parts parts) {
    messages.add(parts.message());
    return this;
  }

  /** Starts the parts of a user message with media ({@code {photo:image}}). */
  public static Parts parts() {
    return new Parts();
  }

  /** Appends an assistant message. */
  public Messages assistant(String text) {
    messages.add(AiMessage.from(text));
    return this;
  }

  /** Appends every message of {@code history} ({@code MESSAGES: {history}}); {@code null} adds none. */
  public Messages splice(List<? extends ChatMessage> history) {
    if (history != null) {
      messages.addAll(history);
    }
    return this;
  }

  /** The messages, unmodifiable. */
  public List<ChatMessage> build() {
    return List.copyOf(messages);
  }

  /**
   * The content parts of one user message, text and media interleaved in template order. Media values
   * are not read here: a part keeps the value, and the request builder loads it (once) for the provider
   * asked. The value types were checked at compile time; {@code parameter} names the value in errors.
   */
  public static final class Parts {
    private final List<Content> contents = new ArrayList<>();

    private Parts() {}

    /** Text between media; empty text adds no part. */
    public Parts text(String text) {
      if (!text.isEmpty()) {
        contents.add(TextContent.from(text));
      }
      return this;
    }

    /** {@code {photo:image}}; {@code detail} is {@code low}, {@code high}, {@code auto} or {@code null}. */
    public Parts image(String parameter, Object value, String detail) {
      contents.add(MediaPart.of(Media.Kind.IMAGE, parameter, value, detail));
      return this;
    }

    /** {@code {photos:images}}: one part per image, in list order; {@code null} or empty adds none. */
    public Parts images(String parameter, List<?> values, String detail) {
      if (values != null) {
        for (int i = 0; i < values.size(); i++) {
          contents.add(MediaPart.of(Media.Kind.IMAGE, parameter + "[" + i + "]", values.get(i), detail));
        }
      }
      return this;
    }

    /** {@code {clip:audio}}. */
    public Parts audio(String parameter, Object value) {
      contents.add(MediaPart.of(Media.Kind.AUDIO, parameter, value, null));
      return this;
    }

    /** {@code {doc:pdf}} and {@code {doc:document}}. */
    public Parts pdf(String parameter, Object value) {
      contents.add(MediaPart.of(Media.Kind.PDF, parameter, value, null));
      return this;
    }

    private UserMessage message() {
      return UserMessage.from(List.copyOf(contents));
    }
  }
}
