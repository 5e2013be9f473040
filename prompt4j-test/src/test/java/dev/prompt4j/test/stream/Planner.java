package dev.prompt4j.test.stream;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.PromptStream;
import java.util.List;
import java.util.concurrent.Flow;
import java.util.stream.Stream;

/** Typed partials and list items, for {@link TypedPartialsTest}. */
@Call(provider = "offline", model = "m")
public interface Planner {
  @Prompt("Plan a trip to {place}")
  PromptStream<Itinerary> itinerary(String place);

  @Prompt("Plan a trip to {place}, as partials")
  Flow.Publisher<ItineraryPartial> itineraryPartials(String place);

  @Prompt("Stops in {place}")
  PromptStream<List<Stop>> stops(String place);

  @Prompt("Stops in {place}, one by one")
  Flow.Publisher<Stop> stopPublisher(String place);

  @Prompt("Stops in {place}, blocking")
  Stream<Stop> stopStream(String place);
}
