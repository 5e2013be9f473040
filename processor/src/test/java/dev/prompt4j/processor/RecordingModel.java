package dev.prompt4j.processor;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/** An in-process model for unit tests: answers with a function of the request and records every request. */
final class RecordingModel implements ChatModel {
  final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
  private final Function<ChatRequest, String> answer;

  RecordingModel(Function<ChatRequest, String> answer) {
    this.answer = answer;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    requests.add(request);
    return ChatResponse.builder().aiMessage(AiMessage.from(answer.apply(request))).tokenUsage(new TokenUsage(3, 2)).build();
  }
}
