package dev.prompt4j.test.stream;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.PromptStream;
import dev.prompt4j.StreamDone;
import dev.prompt4j.StreamRequired;
import java.util.List;
import jakarta.validation.constraints.Min;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

/** Every streaming return shape, for {@link StreamingTest}. */
@Call(provider = "offline", model = "m")
public interface Writer {
  record Story(String title, @Min(1) int chapters) {}

  record Step(@StreamRequired String name, String detail) {}

  record Plan(String goal, @StreamDone List<String> risks, List<Step> steps) {}

  @Prompt("Plan {topic}")
  PromptStream<Plan> plan(String topic);

  @Prompt("Haiku about {topic}")
  PromptStream<String> haiku(String topic);

  @Prompt("Outline a {mood} story about {topic}")
  PromptStream<Story> outline(String topic);

  @Prompt("Tell about {topic}")
  Flow.Publisher<String> tell(String topic);

  @Prompt("Facts about {topic}")
  Stream<String> facts(String topic);

  @Prompt("Mood for {topic}")
  String moodOf(String topic);

  /** A computed field of a streaming method is resolved before its stream starts; it may call another prompt. */
  @ComputedField
  default String mood(String topic) {
    return moodOf(topic);
  }
}
