package com.acme;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

public final class Assistants {
  private Assistants() {}

  @Call(provider = "openai", model = "gpt-4o-mini")
  public interface Writer {
    @Prompt("Draft a title for an article about {topic}.")
    String title(String topic);
  }
}
