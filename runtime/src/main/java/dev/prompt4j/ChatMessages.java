package dev.prompt4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.Content;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.TextContent;
import dev.langchain4j.data.message.UserMessage;

/**
 * Reads role and text of langchain4j messages, as traces show them: for listeners that record
 * messages ({@link PromptListener.AttemptStart#messages()}).
 *
 * <pre>{@code
 * for (ChatMessage m : attempt.messages()) System.out.println(ChatMessages.role(m) + ": " + ChatMessages.text(m));
 * }</pre>
 */
public final class ChatMessages {
  private ChatMessages() {}

  /**
   * The role of a message.
   *
   * @param message a message
   * @return {@code system}, {@code user}, {@code assistant}, or the message type in lower case
   */
  public static String role(ChatMessage message) {
    return switch (message.type()) {
      case SYSTEM -> "system";
      case USER -> "user";
      case AI -> "assistant";
      default -> message.type().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /**
   * The text of a message.
   *
   * @param message a message
   * @return the text of a system, user or assistant message, media parts shown by their {@link Media.Summary}; the
   *     message's own string form otherwise
   */
  public static String text(ChatMessage message) {
    if (message instanceof SystemMessage s) {
      return s.text();
    }
    if (message instanceof UserMessage u) {
      if (u.hasSingleText()) {
        return u.singleText();
      }
      // Text and media parts in order; a media part as its summary, never its bytes.
      StringBuilder text = new StringBuilder();
      for (Content content : u.contents()) {
        text.append(content instanceof TextContent t ? t.text() : content instanceof Media.Part p ? p.summary().toString() : "[" + content.type() + "]");
      }
      return text.toString();
    }
    if (message instanceof AiMessage a) {
      return a.text();
    }
    return message.toString();
  }

  /**
   * The media parts of a message, as traces show them: kind, MIME type, size and SHA-256, never the bytes.
   *
   * <pre>{@code
   * response.messages().forEach(m -> ChatMessages.media(m).forEach(System.out::println));
   * }</pre>
   *
   * @param message a message
   * @return the summaries of its media parts, in order; empty for a message without media
   */
  public static java.util.List<Media.Summary> media(ChatMessage message) {
    if (!(message instanceof UserMessage u) || u.hasSingleText()) {
      return java.util.List.of();
    }
    return u.contents().stream().filter(c -> c instanceof Media.Part).map(c -> ((Media.Part) c).summary()).toList();
  }
}
