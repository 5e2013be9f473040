package dev.prompt4j.provider;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.PromptStream;
import dev.prompt4j.StreamRequired;
import java.util.List;
import java.util.concurrent.Flow;
import reactor.core.publisher.Flux;

/** A record answer and a list answer per HTTP provider, streamed over the loopback SSE server ({@link TypedStreamingWireTest}). */
interface Routes {
  record Leg(@StreamRequired String from, String to, int hours) {}

  record Route(String name, List<Leg> legs) {}

  @Call(provider = "openai", model = "gpt-4o-mini")
  @Prompt("Route for {x}")
  PromptStream<Route> openai(String x);

  @Call(provider = "anthropic", model = "claude-haiku-4-5")
  @Prompt("Route for {x}")
  PromptStream<Route> anthropic(String x);

  @Call(provider = "gemini", model = "gemini-2.0-flash")
  @Prompt("Route for {x}")
  PromptStream<Route> gemini(String x);

  @Call(provider = "ollama", model = "llama3.2")
  @Prompt("Route for {x}")
  PromptStream<Route> ollama(String x);

  @Call(provider = "openai", model = "gpt-4o-mini")
  @Prompt("Legs for {x}")
  Flow.Publisher<Leg> legs(String x);

  @Call(provider = "openai", model = "gpt-4o-mini")
  @Prompt("Route for {x}")
  Flux<Routes_RoutePartial> routeFlux(String x);

  @Call(provider = "openai", model = "gpt-4o-mini")
  @Prompt("Legs for {x}")
  Flux<Leg> legFlux(String x);
}
