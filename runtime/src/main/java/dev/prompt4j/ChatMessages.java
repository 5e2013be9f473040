package dev.prompt4j;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;

/** Reads role and text of langchain4j messages for traces and the offline provider. */
final class ChatMessages {
  private ChatMessages() {}

  /** {@code system}, {@code user}, {@code assistant}, or the message type in lower case. */
  static String role(ChatMessage message) {
    return switch (message.type()) {
      case SYSTEM -> "system";
      case USER -> "user";
      case AI -> "assistant";
      default -> message.type().name().toLowerCase(java.util.Locale.ROOT);
    };
  }

  /** The text of a system, user or assistant message; the message's own string form otherwise. */
  static String text(ChatMessage message) {
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
