package dev.prompt4j.output;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;

/** An in-process model that answers from a script and keeps every request it got. */
final class ScriptedModel implements ChatModel {
  private final Deque<String> replies;
  private final String lastReply;
  private final Set<Capability> capabilities;
  final List<ChatRequest> requests = new ArrayList<>();

  private ScriptedModel(List<String> replies, Set<Capability> capabilities) {
    this.replies = new ArrayDeque<>(replies);
    this.lastReply = replies.get(replies.size() - 1);
    this.capabilities = capabilities;
  }

  /** Answers with each reply in turn, then repeats the last one. */
  static ScriptedModel replying(String... replies) {
    return new ScriptedModel(List.of(replies), Set.of());
  }

  /** As {@link #replying}, declaring native JSON-schema support. */
  static ScriptedModel nativeSchema(String... replies) {
    return new ScriptedModel(List.of(replies), Set.of(Capability.RESPONSE_FORMAT_JSON_SCHEMA));
  }

  @Override
  public synchronized ChatResponse doChat(ChatRequest request) {
    requests.add(request);
    String text = replies.isEmpty() ? lastReply : replies.poll();
    return ChatResponse.builder()
        .aiMessage(AiMessage.from(text))
        .tokenUsage(new TokenUsage(10, 5))
        .finishReason(FinishReason.STOP)
        .build();
  }

  @Override
  public Set<Capability> supportedCapabilities() {
    return capabilities;
  }
}
