package dev.prompt4j.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import dev.prompt4j.PromptCall;
import dev.prompt4j.PromptListener;
import dev.prompt4j.Response;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The service on a random port, called over real HTTP, answering offline from its script (streamed
 * in chunks of 8 characters, 20 ms apart, so that a client can leave half-way).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "prompt4j.providers.offline.chunk-delay-ms=20")
class TrendApplicationTest {
  /** Records how each streamed call ended. */
  @TestConfiguration(proxyBeanMethods = false)
  static class Calls {
    final BlockingQueue<Throwable> streamedCallEnds = new LinkedBlockingQueue<>();

    @Bean
    PromptListener streamedCalls() {
      return new PromptListener() {
        @Override
        public void callFinished(PromptCall call, Response<?> response, Throwable failure) {
          if (call.method().endsWith("streamAnalysis")) {
            streamedCallEnds.add(failure != null ? failure : new Throwable("completed"));
          }
        }
      };
    }
  }

  @Autowired
  Calls calls;

  private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final ObjectMapper JSON = new ObjectMapper();

  @LocalServerPort
  int port;

  private HttpResponse<String> post(String body) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/trends/analysis"))
        .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aTrendIsClassifiedThenAnalysedWithTheBranchItTook() throws Exception {
    HttpResponse<String> response = post("{\"description\": \"More enterprises are adopting AI-driven automation.\"}");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode report = JSON.readTree(response.body());
    assertThat(report.get("category").asText()).isEqualTo("EMERGING");
    assertThat(report.get("analysis").asText()).startsWith("This is a significant growth opportunity");
    assertThat(report.get("provider").asText()).isEqualTo("offline");
    assertThat(report.get("modelCalls").asInt()).isEqualTo(2);
  }

  @Test
  void theOtherBranch() throws Exception {
    JsonNode report = JSON.readTree(post("{\"description\": \"Demand for on-premise servers keeps falling.\"}").body());

    assertThat(report.get("category").asText()).isEqualTo("DECLINING");
    assertThat(report.get("analysis").asText()).contains("Mitigate the risk");
  }

  @Test
  void answersThatStayInvalidAreA502NamingTheMethodAndEachAttempt() throws Exception {
    HttpResponse<String> response = post("{\"description\": \"My crystal ball says otherwise.\"}");

    assertThat(response.statusCode()).isEqualTo(502);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).contains("application/problem+json"));
    JsonNode problem = JSON.readTree(response.body());
    assertThat(problem.get("title").asText()).isEqualTo("The model's answer was not valid");
    assertThat(problem.get("method").asText()).isEqualTo("classifyTrend");
    assertThat(problem.get("detail").asText()).contains("TrendAnalysis.classifyTrend");
    assertThat(problem.get("attempts")).hasSize(2); // prompt4j.TrendAnalysis.max-attempts in application.yml
    assertThat(problem.get("attempts").get(0).get("answer").asText()).isEqualTo("Hard to say, it could go either way.");
    assertThat(problem.get("attempts").get(0).get("errors").get(0).asText()).contains("EMERGING");
  }

  @Test
  void aRequestWithoutADescriptionIsA400() throws Exception {
    HttpResponse<String> response = post("{\"description\": \"  \"}");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(JSON.readTree(response.body()).get("status").asInt()).isEqualTo(400);
  }

  @Test
  void theActuatorEndpointShowsWhatEachMethodCalls() throws Exception {
    HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/actuator/prompt4j"))
        .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode trends = JSON.readTree(response.body()).get("interfaces").get(0);
    assertThat(trends.get("name").asText()).isEqualTo(TrendAnalysis.class.getName());
    assertThat(trends.get("beans").get(0).asText()).isEqualTo("trendAnalysis");
    for (JsonNode method : trends.get("methods")) {
      assertThat(method.get("provider").asText()).isEqualTo("offline"); // prompt4j.provider in application.yml
      assertThat(method.get("model").asText()).isEqualTo("gpt-4o-mini"); // the @Call annotation
      assertThat(method.get("maxAttempts").asInt()).isEqualTo(2); // prompt4j.TrendAnalysis.max-attempts
    }
    assertThat(trends.get("methods").findValuesAsText("name")).contains("analyzeTrend", "classifyTrend", "streamAnalysis");
  }

  /** One server-sent event: its name and its data (data lines joined by newlines). */
  record Event(String name, String data) {}

  private InputStream openStream(String description) throws Exception {
    HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/trends/analysis/stream"))
        .version(HttpClient.Version.HTTP_1_1).timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
        .header("Accept", "text/event-stream").POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(
            java.util.Map.of("description", description)))).build();
    HttpResponse<InputStream> response = HTTP.send(request, HttpResponse.BodyHandlers.ofInputStream());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));
    return response.body();
  }

  /** The next event of {@code in}, or {@code null} at the end of the stream. */
  private static Event next(BufferedReader in) throws Exception {
    String name = "message";
    List<String> data = new ArrayList<>();
    for (String line = in.readLine(); line != null; line = in.readLine()) {
      if (line.isEmpty()) {
        if (!data.isEmpty()) {
          return new Event(name, String.join("\n", data));
        }
      } else if (line.startsWith("event:")) {
        name = line.substring(6).strip();
      } else if (line.startsWith("data:")) {
        data.add(line.substring(5).startsWith(" ") ? line.substring(6) : line.substring(5));
      }
    }
    return null;
  }

  @Test
  void theAnalysisStreamsAsServerSentEventsEndingWithTheReport() throws Exception {
    List<Event> events = new ArrayList<>();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        openStream("More enterprises are adopting AI-driven automation."), StandardCharsets.UTF_8))) {
      for (Event event = next(in); event != null && events.size() < 1_000; event = next(in)) {
        events.add(event);
      }
    }

    assertThat(events).hasSizeGreaterThan(2);
    Event last = events.get(events.size() - 1);
    assertThat(last.name()).isEqualTo("done");
    List<Event> texts = events.subList(0, events.size() - 1);
    assertThat(texts).allSatisfy(event -> assertThat(event.name()).isEqualTo("text"));
    StringBuilder streamed = new StringBuilder();
    for (Event text : texts) {
      streamed.append(JSON.readTree(text.data()).get("text").asText());
    }
    JsonNode report = JSON.readTree(last.data());
    assertThat(report.get("category").asText()).isEqualTo("EMERGING");
    assertThat(report.get("analysis").asText()).startsWith("This is a significant growth opportunity").isEqualTo(streamed.toString());
    assertThat(report.get("modelCalls").asInt()).isEqualTo(2);
    assertThat(calls.streamedCallEnds.poll(10, TimeUnit.SECONDS)).hasMessage("completed");
  }

  @Test
  void aClientThatLeavesCancelsTheStreamedCall() throws Exception {
    calls.streamedCallEnds.clear();
    try (BufferedReader in = new BufferedReader(new InputStreamReader(
        openStream("Demand for on-premise servers keeps falling."), StandardCharsets.UTF_8))) {
      Event first = next(in);
      assertThat(first.name()).isEqualTo("text");
      assertThat(JSON.readTree(first.data()).get("text").asText()).isEqualTo("Demand f");
    } // the client leaves after the first chunk of about 30

    Throwable end = calls.streamedCallEnds.poll(10, TimeUnit.SECONDS);
    // The runtime reports a cancelled stream to listeners as a provider failure caused by the cancellation.
    assertThat(end).as("how the streamed call ended").satisfiesAnyOf(
        e -> assertThat(e).isInstanceOf(CancellationException.class),
        e -> assertThat(e).hasRootCauseInstanceOf(CancellationException.class));
  }
}
