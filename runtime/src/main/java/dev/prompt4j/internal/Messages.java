package dev.prompt4j.internal;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
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
}
