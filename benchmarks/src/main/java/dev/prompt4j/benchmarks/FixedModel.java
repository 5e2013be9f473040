package dev.prompt4j.benchmarks;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;

/**
 * An in-process model that answers a fixed text, optionally after a fixed latency: the same instance
 * serves Prompt4j, hand-written langchain4j code and AI Services, so only the framework work differs.
 */
public class FixedModel implements ChatModel {
  private final ChatResponse answer;
  private final long latencyMillis;

  public FixedModel(String text) {
    this(text, 0);
  }

  public FixedModel(String text, long latencyMillis) {
    this.answer = ChatResponse.builder().aiMessage(AiMessage.from(text)).finishReason(FinishReason.STOP).build();
    this.latencyMillis = latencyMillis;
  }

  @Override
  public ChatResponse doChat(ChatRequest request) {
    if (latencyMillis > 0) {
      try {
        Thread.sleep(latencyMillis);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    return answer;
  }
}
