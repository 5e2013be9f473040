package dev.prompt4j.provider;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import java.util.concurrent.atomic.AtomicInteger;

/** A test provider that counts the clients it builds; registered in the test class path's services. */
public final class CountingProvider implements ChatModelProvider {
  static final AtomicInteger CLIENTS = new AtomicInteger();

  @Override
  public String name() {
    return "counting";
  }

  @Override
  public ChatModel create(String model, ProviderSettings settings) {
    CLIENTS.incrementAndGet();
    return new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        return ChatResponse.builder().aiMessage(AiMessage.from("answer of " + model)).build();
      }
    };
  }
}
