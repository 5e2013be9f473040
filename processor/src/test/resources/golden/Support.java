package com.acme;

import dev.langchain4j.data.message.ChatMessage;
import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import java.util.List;

@Call(provider = "openai", model = "gpt-4o-mini")
public interface Support {
  @Prompt("""
      SYSTEM: You are a helpful support agent for {product}.
      MESSAGES: {history}
      USER: {question}
      ASSISTANT: Let me check that for you.
      USER: Go on.
      """)
  String reply(String product, List<ChatMessage> history, String question);
}
