package dev.prompt4j.spring.boot.autoconfigure.prompts;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.PromptStream;

/** A streaming prompt interface of the test application. */
@Call(provider = "gemini", model = "gemini-2.0-flash")
public interface Narrator {
  @Prompt("Tell a story about {topic}")
  PromptStream<String> tell(String topic);
}
