package dev.prompt4j.test.kit.v1;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

/** A support desk as first written; {@code v2.Support} is the same interface after a template edit. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface Support {
  enum Kind { BILLING, TECHNICAL }

  @Prompt("Classify this support request as BILLING or TECHNICAL: {message}")
  Kind classify(String message);

  @Prompt("Reply kindly to: {message}")
  String reply(String message);
}
