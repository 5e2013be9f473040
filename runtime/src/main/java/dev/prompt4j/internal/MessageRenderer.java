package dev.prompt4j.internal;

import dev.langchain4j.data.message.ChatMessage;
import java.util.List;

/** Generated code for one prompt call: forks the computed fields it needs and renders the messages. */
@FunctionalInterface
public interface MessageRenderer {
  List<ChatMessage> render(Invocation invocation) throws Exception;
}
