package dev.prompt4j.flink.example;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/**
 * The example's stand-in for a model, so the job runs with no key and no network: it answers from
 * keywords after a simulated 50 ms. A ticket that says "gibberish" always gets an answer outside the
 * schema, to show a dead letter with its attempts.
 */
final class ScriptedTriageModel implements ChatModel {
  @Override
  public ChatResponse doChat(ChatRequest request) {
    String ticket = "";
    for (ChatMessage message : request.messages()) {
      if (message instanceof UserMessage user && ticket.isEmpty()) ticket = user.singleText();
    }
    try {
      Thread.sleep(50);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    }
    String text = ticket.toLowerCase(java.util.Locale.ROOT);
    String answer;
    if (text.contains("gibberish")) {
      answer = "{\"category\":\"BILLING\",\"urgency\":11,\"summary\":\"?\"}";
    } else {
      String category = text.contains("invoice") || text.contains("charged") ? "BILLING"
          : text.contains("crash") || text.contains("error") ? "TECHNICAL"
          : text.contains("password") || text.contains("login") ? "ACCOUNT" : "OTHER";
      int urgency = text.contains("all users") || text.contains("down") ? 5 : text.contains("twice") ? 3 : 2;
      answer = "{\"category\":\"" + category + "\",\"urgency\":" + urgency + ",\"summary\":\"" + category.toLowerCase(java.util.Locale.ROOT)
          + " issue\"}";
    }
    return ChatResponse.builder().aiMessage(AiMessage.from(answer)).tokenUsage(new TokenUsage(60, 20)).build();
  }
}
