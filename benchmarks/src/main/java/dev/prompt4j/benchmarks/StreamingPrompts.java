package dev.prompt4j.benchmarks;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.PromptStream;
import java.util.List;

/** Benchmark 7: a streamed answer, and the 50 KB record answer whose typed partials are measured. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface StreamingPrompts {
  /** One of the 400 items of {@link Review}. */
  record Item(int id, String name, String note, double score, boolean ok) {}

  /** The 50 KB answer of {@link StreamingBenchmark}: its partial type {@code StreamingPrompts_ReviewPartial} is generated. */
  record Review(String title, List<Item> items, int total) {}

  @Prompt("Tell me about {topic}.")
  PromptStream<String> tell(String topic);

  @Prompt("Review {topic}.")
  PromptStream<Review> review(String topic);
}
