package dev.prompt4j.test;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** Role and text of langchain4j messages, as recordings, calls and scripts show them. */
final class MessageText {
  private MessageText() {}

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
    if (message instanceof SystemMessage s) return s.text();
    if (message instanceof UserMessage u) return u.hasSingleText() ? u.singleText() : u.contents().toString();
    if (message instanceof AiMessage a) return a.text() == null ? "" : a.text();
    return String.valueOf(message);
  }

  /** The text of the messages {@code which} selects, joined by newlines. */
  static String join(List<ChatMessage> messages, Predicate<ChatMessage> which) {
    return messages.stream().filter(which).map(MessageText::text).collect(Collectors.joining("\n"));
  }
}
