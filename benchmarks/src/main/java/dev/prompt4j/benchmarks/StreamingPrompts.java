package dev.prompt4j.benchmarks;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.PromptStream;

/** Benchmark 7: a streamed answer. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface StreamingPrompts {
  @Prompt("Tell me about {topic}.")
  PromptStream<String> tell(String topic);
}
