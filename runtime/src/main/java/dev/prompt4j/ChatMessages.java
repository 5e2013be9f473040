package dev.prompt4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
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
   * @return the text of a system, user or assistant message; the message's own string form otherwise
   */
  public static String text(ChatMessage message) {
    if (message instanceof SystemMessage s) {
      return s.text();
    }
    if (message instanceof UserMessage u) {
      return u.hasSingleText() ? u.singleText() : u.contents().toString();
    }
    if (message instanceof AiMessage a) {
      return a.text();
    }
    return message.toString();
  }
}
