package dev.prompt4j.opentelemetry;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import java.util.concurrent.CompletableFuture;

/** A chain with two independent fields, each making a nested call: they run on the executor's threads. */
@Call(provider = "openai", model = "gpt-4o-mini", temperature = 0.3, maxTokens = 200, stop = "END")
public interface Research {
  enum Trend { EMERGING, DECLINING }

  @Prompt("Classify {topic}")
  Trend classify(String topic);

  @Prompt("Classify {topic}")
  CompletableFuture<Trend> classifyLater(String topic);

  @Prompt("Classify {topic}")
  CompletableFuture<Response<Trend>> classifyLaterWithResponse(String topic);

  @Prompt("""
      SYSTEM:
      You are terse.

      USER:
      Analyze {topic}: {first} and {second}
      """)
  Response<String> analyze(String topic);

  @ComputedField
  default Trend first(String topic) {
    return classify(topic + " one");
  }

  @ComputedField
  default Trend second(String topic) {
    return classify(topic + " two");
  }
}
