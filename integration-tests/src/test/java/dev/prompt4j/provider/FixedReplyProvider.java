package dev.prompt4j.provider;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/** A test provider whose model answers with its own name: {@code fixed:true} always answers {@code true}. */
public final class FixedReplyProvider implements ChatModelProvider {
  @Override
  public String name() {
    return "fixed";
  }

  @Override
  public ChatModel create(String model, ProviderSettings settings) {
    return new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        return ChatResponse.builder().aiMessage(AiMessage.from(model)).tokenUsage(new TokenUsage(2, 1)).build();
      }
    };
  }
}
