package dev.prompt4j.spring.boot.autoconfigure.prompts;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

/** A second prompt interface: every indexed interface gets a bean. */
@Call(provider = "offline", model = "scripted")
public interface Classifier {
  enum Mood { HAPPY, SAD }

  @Prompt("What is the mood of: {text}")
  Mood mood(String text);
}
