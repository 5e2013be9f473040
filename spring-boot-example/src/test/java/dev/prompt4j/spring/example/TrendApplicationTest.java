package dev.prompt4j.spring.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The service on a random port, called over real HTTP, answering offline from its script. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TrendApplicationTest {
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
}
