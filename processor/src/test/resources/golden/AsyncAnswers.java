package com.acme;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import java.util.concurrent.CompletableFuture;

@Call(provider = "openai", model = "gpt-4o-mini")
public interface AsyncAnswers {
  enum Sentiment { POSITIVE, NEUTRAL, NEGATIVE }

  @Prompt("Summarize in one line: {text}")
  CompletableFuture<String> summarize(String text);

  @Prompt("Translate to {language}: {text}")
  CompletableFuture<Response<String>> translate(String text, String language);

  @Prompt("Is this review positive, neutral or negative? {text}")
  Response<Sentiment> classify(String text);

  @Prompt("Is this review positive, neutral or negative? {text}")
  CompletableFuture<Sentiment> classifyLater(String text);
}
