package com.acme;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

@Call(provider = "openai", model = "gpt-4o-mini")
public interface PlainPrompt {
  @Prompt("Say hello to {name} in one short sentence.")
  String hello(String name);
}
