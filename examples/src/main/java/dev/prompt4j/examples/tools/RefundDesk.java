package dev.prompt4j.examples.tools;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;

/**
 * A support agent that may refund: the call pauses before each refund ({@code approval = REQUIRED}) and
 * returns a pending {@link Response}; a person approves or declines, and the call goes on.
 */
@Call(provider = "openai", model = "gpt-4o-mini", tools = Orders.class)
public interface RefundDesk {
  @Prompt("""
      SYSTEM:
      You handle complaints. Look the order up first; refund when the complaint is justified.

      USER:
      {complaint}
      """)
  Response<String> handle(String complaint);
}
