package com.acme;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;

/** Nested types whose names the generated class also uses. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface NestedNames {
  record Messages(String text) {}

  record Response(String answer) {}

  enum Values { A, B }

  record FieldTask(String name) {}

  @Prompt("Summarize {topic} for {audience}")
  Response summarize(String topic, String audience);

  @Prompt("Pick one for {topic}")
  dev.prompt4j.Response<Values> pick(String topic);

  @Prompt("Note on {task.name}: {topic}")
  String note(String topic, FieldTask task);

  @Prompt("Tell me about {topic} as {persona}")
  java.util.concurrent.CompletableFuture<dev.prompt4j.Response<String>> tell(String topic);

  @ComputedField
  default String persona(String topic) {
    return "an expert in " + topic;
  }
}
