package com.acme;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.PromptStream;
import dev.prompt4j.StreamDone;
import dev.prompt4j.StreamRequired;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import reactor.core.publisher.Flux;

@Call(provider = "openai", model = "gpt-4o-mini")
public interface Streams {
  record Story(String title, int chapters) {}

  record Step(@StreamRequired String name, String detail) {}

  record Plan(String goal, @StreamDone List<String> risks, List<Step> steps) {}

  enum Mood { CALM, TENSE }

  record Review(Mood mood, double score, long votes, boolean done, Plan plan, List<List<Step>> rounds) {}

  @Prompt("Write a haiku about {topic}")
  PromptStream<String> haiku(String topic);

  @Prompt("Outline a {genre} story about {topic}")
  PromptStream<Story> outline(String topic);

  @Prompt("Plan {topic}")
  PromptStream<Plan> plan(String topic);

  @Prompt("Review {topic}")
  PromptStream<Review> review(String topic);

  @Prompt("Plan {topic}, step by step")
  Flow.Publisher<Streams_PlanPartial> planPartials(String topic);

  @Prompt("Steps for {topic}")
  Flow.Publisher<Step> steps(String topic);

  @Prompt("More steps for {topic}")
  Stream<Step> moreSteps(String topic);

  @Prompt("All steps for {topic}")
  PromptStream<List<Step>> allSteps(String topic);

  @Prompt("Tell a story about {topic}")
  Flow.Publisher<String> tell(String topic);

  @Prompt("List facts about {topic}")
  Stream<String> facts(String topic);

  @Prompt("Plan {topic} as it streams")
  Flux<Streams_PlanPartial> planFlux(String topic);

  @Prompt("Steps for {topic} as they complete")
  Flux<Step> stepFlux(String topic);

  @ComputedField
  default String genre(String topic) {
    return topic.length() > 10 ? "long" : "short";
  }
}
