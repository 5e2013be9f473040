package dev.prompt4j.benchmarks;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import java.util.concurrent.CompletableFuture;

/** Benchmark 4: two parallel calls, then a dependent one, through the real OpenAI client. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface ConcurrencyChain {
  @Prompt("Leader view of {topic}")
  String leader(String topic);

  @Prompt("Trend view of {topic}")
  String trend(String topic);

  @Prompt("Strategy from {leaderView} and {trendView}")
  CompletableFuture<String> strategy(String topic);

  @ComputedField
  default String leaderView(String topic) {
    return leader(topic);
  }

  @ComputedField
  default String trendView(String topic) {
    return trend(topic);
  }
}
