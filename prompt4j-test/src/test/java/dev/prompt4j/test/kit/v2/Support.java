package dev.prompt4j.test.kit.v2;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

/** {@code v1.Support} after its classify template was edited; {@code reply} is unchanged. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface Support {
  enum Kind { BILLING, TECHNICAL }

  @Prompt("""
      SYSTEM:
      You sort customer messages.

      USER:
      Is this message about BILLING or TECHNICAL matters? {message}""")
  Kind classify(String message);

  @Prompt("Reply kindly to: {message}")
  String reply(String message);
}
