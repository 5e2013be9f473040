package dev.prompt4j.test.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptStream;
import dev.prompt4j.StreamEvent;
import dev.prompt4j.internal.stream.PartialJson;
import dev.prompt4j.internal.stream.Partials;
import dev.prompt4j.internal.stream.StreamRules;
import dev.prompt4j.test.OfflineModel;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Typed partials (the generated {@code ItineraryPartial}) and list items, from the parser up to the
 * generated methods on the offline model's chunks.
 */
class TypedPartialsTest {
  private static final Map<String, String> FAST_RETRIES = Map.of("prompt4j.retry.initial-delay", "1ms", "prompt4j.retry.max-delay", "1ms");
  private static final String ANSWER = "{\"title\":\"Lakes\",\"pace\":\"BRISK\",\"days\":5,\"stops\":["
      + "{\"city\":\"Como\",\"nights\":2,\"note\":\"boat\"},{\"note\":\"hike\",\"city\":\"Bled\",\"nights\":3}]}";
  private static final StopPartial COMO = new StopPartial("Como", 2, "boat");

  /** What one character per chunk shows: one partial per completed value; a stop only once it has a city. */
  private static final List<ItineraryPartial> EXPECTED = List.of(
      new ItineraryPartial(null, null, null, null),
      new ItineraryPartial("Lakes", null, null, null),
      new ItineraryPartial("Lakes", Pace.BRISK, null, null),
      new ItineraryPartial("Lakes", Pace.BRISK, 5, null), // the number only at its delimiter
      new ItineraryPartial("Lakes", Pace.BRISK, 5, List.of()),
      new ItineraryPartial("Lakes", Pace.BRISK, 5, List.of(new StopPartial("Como", null, null))), // not before its city
      new ItineraryPartial("Lakes", Pace.BRISK, 5, List.of(new StopPartial("Como", 2, null))),
      new ItineraryPartial("Lakes", Pace.BRISK, 5, List.of(COMO)),
      // the second stop opens with its note: hidden until the city comes (@StreamRequired)
      new ItineraryPartial("Lakes", Pace.BRISK, 5, List.of(COMO, new StopPartial("Bled", null, "hike"))),
      new ItineraryPartial("Lakes", Pace.BRISK, 5, List.of(COMO, new StopPartial("Bled", 3, "hike"))));

  private static Planner planner(OfflineModel model) {
    return Prompt4j.builder().properties(FAST_RETRIES).client("offline", model).build().create(Planner.class);
  }

  /** The typed partials of {@code answer} in chunks of {@code size} characters, one per change of the answer so far. */
  private static List<ItineraryPartial> typed(String answer, int size) {
    PartialJson json = new PartialJson(StreamRules.NONE.required("stops[].city"));
    Partials partials = new Partials(json);
    List<ItineraryPartial> seen = new ArrayList<>();
    Map<String, Object> last = null;
    for (int at = 0; at < answer.length(); at += size) {
      if (json.feed(answer.substring(at, Math.min(answer.length(), at + size))) && !json.snapshot().equals(last)) {
        last = json.snapshot();
        seen.add(partials.snapshot(ItineraryPartial::of));
      }
    }
    return seen;
  }

  // ---- the corpus: fenced, prose around, truncated, wrong types

  @Test
  void aFencedAnswerWithProseAroundShowsItsValuesAsTheyComplete() {
    String answer = "Here:\n```json\n{\"title\":\"Lakes\",\"days\":5}\n```\nEnjoy!";
    assertEquals(List.of(
        new ItineraryPartial(null, null, null, null),
        new ItineraryPartial("Lakes", null, null, null),
        new ItineraryPartial("Lakes", null, 5, null)), typed(answer, 12));
  }

  @Test
  void aTruncatedAnswerNeverShowsItsUnfinishedString() {
    String answer = "{\"title\":\"Lakes\",\"stops\":[{\"city\":\"Como\",\"nights\":2,\"note\":\"bo";
    assertEquals(List.of(
        new ItineraryPartial(null, null, null, null),
        new ItineraryPartial("Lakes", null, null, null),
        new ItineraryPartial("Lakes", null, null, List.of()),
        new ItineraryPartial("Lakes", null, null, List.of(new StopPartial("Como", null, null))),
        new ItineraryPartial("Lakes", null, null, List.of(new StopPartial("Como", 2, null)))), typed(answer, 1));
  }

  @Test
  void aValueOfTheWrongTypeShowsAsNullAndAnEnumConstantInAnyCaseIsRead() {
    String answer = "{\"title\":7,\"pace\":\"brisk\",\"days\":\"five\"}";
    ItineraryPartial none = new ItineraryPartial(null, null, null, null);
    ItineraryPartial brisk = new ItineraryPartial(null, Pace.BRISK, null, null);
    // each change of the answer so far is a partial, even when the typed view cannot show it
    assertEquals(List.of(none, none, brisk, brisk), typed(answer, 4));
  }

  @Test
  void oneCharacterPerChunkGivesOnePartialPerCompletedValue() {
    assertEquals(EXPECTED, typed(ANSWER, 1));
  }

  // ---- through the generated methods and the offline model

  @Test
  void aStreamedRecordAnswerGivesItsTypedPartialsThenTheValidatedValue() {
    PromptStream<Itinerary> stream = planner(OfflineModel.replying(ANSWER).withStreaming(1, Duration.ZERO)).itinerary("Alps");
    assertEquals(EXPECTED, stream.partials(ItineraryPartial.class).toList());
    assertEquals(new Itinerary("Lakes", Pace.BRISK, 5, List.of(new Stop("Como", 2, "boat"), new Stop("Bled", 3, "hike"))),
        stream.result().value());
  }

  @Test
  void aClosedStopIsConvertedOnceAndKeptInLaterPartials() {
    List<ItineraryPartial> partials = planner(OfflineModel.replying(ANSWER).withStreaming(1, Duration.ZERO)).itinerary("Alps")
        .events().filter(e -> e instanceof StreamEvent.Partial).map(e -> (ItineraryPartial) ((StreamEvent.Partial) e).typed()).toList();
    assertEquals(EXPECTED, partials);
    assertSame(partials.get(8).stops().get(0), partials.get(9).stops().get(0), "the closed first stop is not rebuilt");
  }

  @Test
  void aPublisherOfThePartialTypeIsAReturnType() throws Exception {
    List<ItineraryPartial> received = new CopyOnWriteArrayList<>();
    CompletableFuture<Void> done = new CompletableFuture<>();
    planner(OfflineModel.replying(ANSWER).withStreaming(7, Duration.ZERO)).itineraryPartials("Alps").subscribe(new Flow.Subscriber<>() {
      @Override public void onSubscribe(Flow.Subscription s) { s.request(Long.MAX_VALUE); }
      @Override public void onNext(ItineraryPartial item) { received.add(item); }
      @Override public void onError(Throwable t) { done.completeExceptionally(t); }
      @Override public void onComplete() { done.complete(null); }
    });
    done.get(10, TimeUnit.SECONDS);
    assertEquals(EXPECTED.get(EXPECTED.size() - 1), received.get(received.size() - 1));
    assertTrue(received.size() > 1 && received.size() < EXPECTED.size() + 1, "partials in 7-character chunks: " + received);
  }

  @Test
  void askingForAnotherPartialTypeNamesTheOneItIs() {
    PromptStream<Itinerary> stream = planner(OfflineModel.replying(ANSWER).withStreaming(5, Duration.ZERO)).itinerary("Alps");
    ClassCastException e = assertThrows(ClassCastException.class, () -> stream.partials(StopPartial.class).toList());
    assertTrue(e.getMessage().contains("ItineraryPartial") && e.getMessage().contains("StopPartial"), e.getMessage());
  }

  // ---- list items, one by one

  private static final String STOPS = "[{\"city\":\"Como\",\"nights\":2,\"note\":\"boat\"},{\"city\":\"Bled\",\"nights\":3,\"note\":\"hike\"}]";

  @Test
  void theStopsOfAListAnswerArriveOneByOneBeforeTheAnswerEnds() {
    List<StreamEvent> events = planner(OfflineModel.replying(STOPS).withStreaming(4, Duration.ZERO)).stops("Alps")
        .events().collect(Collectors.toList());
    List<StreamEvent> items = events.stream().filter(e -> e instanceof StreamEvent.Item).toList();
    assertEquals(List.of(new StreamEvent.Item(0, new Stop("Como", 2, "boat")), new StreamEvent.Item(1, new Stop("Bled", 3, "hike"))), items);
    int bled = 0;
    while (!(events.get(bled) instanceof StreamEvent.Text t && t.text().contains("B"))) {
      bled++;
    }
    assertTrue(events.indexOf(items.get(0)) < bled, "the first stop comes before the second one's chunks: " + events);
    assertTrue(events.stream().noneMatch(e -> e instanceof StreamEvent.Partial), "a list of records streams items, not partials");
  }

  @Test
  void aStreamOfTheElementTypeIsAReturnType() {
    assertEquals(List.of(new Stop("Como", 2, "boat"), new Stop("Bled", 3, "hike")),
        planner(OfflineModel.replying(STOPS).withStreaming(3, Duration.ZERO)).stopStream("Alps").toList());
  }

  @Test
  void anInvalidItemIsNotSentAndTheReAskedAnswerSendsItsItemsAgain() {
    String invalid = "[{\"city\":\"Como\",\"nights\":2,\"note\":\"boat\"},{\"city\":\"Bled\",\"nights\":3,\"note\":\" \"}]";
    OfflineModel model = OfflineModel.builder().when("Planner.stops").replies(invalid, STOPS).build().withStreaming(6, Duration.ZERO);
    List<StreamEvent> events = planner(model).stops("Alps").events()
        .filter(e -> e instanceof StreamEvent.Item || e instanceof StreamEvent.Restarted).toList();
    assertEquals(4, events.size(), events.toString());
    assertEquals(new StreamEvent.Item(0, new Stop("Como", 2, "boat")), events.get(0));
    assertTrue(events.get(1) instanceof StreamEvent.Restarted r && r.errors().toString().contains("note"), events.toString());
    assertEquals(List.of(new StreamEvent.Item(0, new Stop("Como", 2, "boat")), new StreamEvent.Item(1, new Stop("Bled", 3, "hike"))),
        events.subList(2, 4));
  }

  @Test
  void aListAnswerHasNoTypedPartials() {
    PromptStream<List<Stop>> stream = planner(OfflineModel.replying("{\"value\":" + STOPS + "}").withStreaming(4, Duration.ZERO)).stops("Alps");
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> stream.partials(Object.class));
    assertTrue(e.getMessage().contains("no generated partial type") && e.getMessage().contains("items(Class)"), e.getMessage());
    assertEquals(2, stream.items(Stop.class).count(), "in native mode the list comes wrapped as {\"value\": [...]}");
  }
}
