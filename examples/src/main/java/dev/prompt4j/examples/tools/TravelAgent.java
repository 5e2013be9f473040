package dev.prompt4j.examples.tools;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;

/** An agent with two tools: the model decides which to call, Prompt4j runs them (in parallel) and feeds the results back. */
@Call(provider = "openai", model = "gpt-4o-mini", tools = TravelTools.class)
public interface TravelAgent {
  @Prompt("""
      SYSTEM:
      You are a travel assistant. Use the tools for weather and money; never guess them.

      USER:
      I am going to {city} for {days} days with {budget} EUR. What should I pack, and how much is my budget in {currency}?
      """)
  Response<String> advise(String city, int days, int budget, String currency);
}
