package com.acme;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

@Call(provider = "openai", model = "gpt-4o-mini", temperature = 0.2, stop = {"END"}, seed = 42,
    fallbacks = {"anthropic:claude-haiku-4-5"})
public interface Tuned {
  @Prompt("Write a haiku about {topic}.")
  String haiku(String topic);

  @Call(provider = "anthropic", model = "claude-sonnet-4-5", maxTokens = 300, topP = 0.9, stop = {"###", "\n\n"},
      fallbacks = {"openai:gpt-4o", "ollama:llama3"})
  @Prompt("Write an essay about {topic}.")
  String essay(String topic);

  @Call(provider = "ollama", model = "llama3", temperature = 0, seed = -7)
  @Prompt("Say \"hi\" to {name}\\.")
  String greet(String name);
}
