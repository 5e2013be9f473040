package dev.prompt4j.provider;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * Typed partials and list items through each provider's real langchain4j streaming client, over the
 * loopback SSE server that writes its bytes 5 at a time (inside characters, JSON tokens and events).
 */
class TypedStreamingWireTest {
  /** The answer as the model's text deltas: tokens split across deltas, a multi-byte character split across writes. */
  private static final List<String> ROUTE = List.of("{\"name\":\"Nor", "d ✓\",\"legs\":[{\"from\":\"Oslo\",", "\"to\":\"Bergen\",\"hou",
      "rs\":7},{\"to\":\"Flåm\",\"from\":\"Ber", "gen\",\"hours\":2}]}");

  static List<String> providers() {
    return LoopbackModels.HTTP_PROVIDERS;
  }

  private static Routes routes(String provider, SseServer server) {
    return Prompt4j.builder().properties(Map.of(
            "prompt4j.providers." + provider + ".base-url", LoopbackModels.baseUrl(provider, server.root()),
            "prompt4j.providers." + provider + ".api-key", LoopbackModels.KEY))
        .build().create(Routes.class);
  }

  /** The partials of {@link #ROUTE}: one per delta that changed something (the name completes in the second, a leg shows once it has "from"). */
  private static List<Routes_RoutePartial> routePartials() {
    Routes_LegPartial oslo = new Routes_LegPartial("Oslo", "Bergen", 7);
    return List.of(
        new Routes_RoutePartial(null, null),
        new Routes_RoutePartial("Nord ✓", List.of(new Routes_LegPartial("Oslo", null, null))),
        new Routes_RoutePartial("Nord ✓", List.of(new Routes_LegPartial("Oslo", "Bergen", null))),
        new Routes_RoutePartial("Nord ✓", List.of(oslo)),
        new Routes_RoutePartial("Nord ✓", List.of(oslo, new Routes_LegPartial("Bergen", "Flåm", 2))));
  }

  @ParameterizedTest
  @MethodSource("providers")
  void aRecordAnswerStreamsItsTypedPartials(String provider) throws Exception {
    try (SseServer server = new SseServer(provider, ROUTE, 5)) {
      Routes routes = routes(provider, server);
      PromptStream<Routes.Route> stream = switch (provider) {
        case "openai" -> routes.openai("fjords");
        case "anthropic" -> routes.anthropic("fjords");
        case "gemini" -> routes.gemini("fjords");
        default -> routes.ollama("fjords");
      };
      assertEquals(routePartials(), stream.partials(Routes_RoutePartial.class).toList());
      assertEquals(new Routes.Route("Nord ✓", List.of(new Routes.Leg("Oslo", "Bergen", 7), new Routes.Leg("Bergen", "Flåm", 2))),
          stream.result().value());
    }
  }

  @Test
  void aListAnswerStreamsItsElementsAsEachCompletes() throws Exception {
    List<String> legs = List.of("[{\"from\":\"Oslo\",\"to\":\"Ber", "gen\",\"hours\":7},{\"from\":\"Bergen\",", "\"to\":\"Flåm\",\"hours\":2}]");
    try (SseServer server = new SseServer("openai", legs, 5)) {
      List<Routes.Leg> received = new CopyOnWriteArrayList<>();
      CompletableFuture<Void> done = new CompletableFuture<>();
      routes("openai", server).legs("fjords").subscribe(new Flow.Subscriber<>() {
        @Override public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }
        @Override public void onNext(Routes.Leg item) { received.add(item); }
        @Override public void onError(Throwable t) { done.completeExceptionally(t); }
        @Override public void onComplete() { done.complete(null); }
      });
      done.get(10, TimeUnit.SECONDS);
      assertEquals(List.of(new Routes.Leg("Oslo", "Bergen", 7), new Routes.Leg("Bergen", "Flåm", 2)), received);
      assertTrue(server.bodies.get(0).contains("Legs for fjords"), server.bodies.get(0));
    }
  }

  @Test
  void aFluxOfPartialsEmitsTheSameSequenceAsThePromptStream() throws Exception {
    try (SseServer server = new SseServer("openai", ROUTE, 5)) {
      assertEquals(routePartials(), routes("openai", server).routeFlux("fjords").collectList().block(Duration.ofSeconds(10)));
      assertTrue(server.bodies.get(0).contains("Route for fjords"), server.bodies.get(0));
    }
  }

  @Test
  void aFluxOfItemsEmitsEachElementAsItCompletesAndCancelsWithTake() throws Exception {
    List<String> legs = List.of("[{\"from\":\"Oslo\",\"to\":\"Ber", "gen\",\"hours\":7},{\"from\":\"Bergen\",", "\"to\":\"Flåm\",\"hours\":2}]");
    try (SseServer server = new SseServer("openai", legs, 5)) {
      Routes routes = routes("openai", server);
      assertEquals(List.of(new Routes.Leg("Oslo", "Bergen", 7), new Routes.Leg("Bergen", "Flåm", 2)),
          routes.legFlux("fjords").collectList().block(Duration.ofSeconds(10)));
      // Reactor's take(1) cancels the subscription after the first element: the flux ends with it.
      assertEquals(List.of(new Routes.Leg("Oslo", "Bergen", 7)), routes.legFlux("fjords").take(1).collectList().block(Duration.ofSeconds(10)));
    }
  }
}
