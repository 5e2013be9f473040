package dev.prompt4j.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The trace page of a real chain, rendered by headless Chromium: the DOM it built (a bar per call,
 * nested under the field that made it, parallel fields overlapping, a re-ask marked) and a screenshot
 * kept as {@code target/trace-page.png}. Skipped only when no Chromium is installed ({@code .ci/run}
 * installs Debian's {@code chromium}).
 */
class TracePageBrowserTest {
  private static final Pattern ROW = Pattern.compile("<div class=\"row (call|field)[^\"]*\"([^>]*)>");
  private static final Pattern ATTRIBUTE = Pattern.compile("data-([a-z]+)=\"([^\"]*)\"");

  /** The two classify calls wait for each other, so the fields that make them certainly overlap; the first answer is re-asked. */
  private static ChatModel seedLikeModel() {
    CountDownLatch bothInFlight = new CountDownLatch(2);
    AtomicBoolean vagueGiven = new AtomicBoolean();
    return new ChatModel() {
      @Override
      public ChatResponse doChat(ChatRequest request) {
        String text = ((UserMessage) request.messages().get(0)).singleText();
        String answer;
        try {
          if (text.startsWith("Classify")) {
            bothInFlight.countDown();
            if (!bothInFlight.await(20, TimeUnit.SECONDS)) {
              throw new IllegalStateException("the two fields never ran at the same time");
            }
            Thread.sleep(text.endsWith("one") ? 60 : 90);
            answer = text.endsWith("one") && vagueGiven.compareAndSet(false, true) ? "GROWING, PROBABLY" : "EMERGING";
          } else {
            Thread.sleep(70);
            answer = "Adoption is emerging on both fronts: pilot in procurement first, then scale to finance.";
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException(e);
        }
        return ChatResponse.builder().aiMessage(AiMessage.from(answer)).tokenUsage(new TokenUsage(text.length() / 4 + 20, answer.length() / 4))
            .modelName("gpt-4o-mini").finishReason(FinishReason.STOP).build();
      }
    };
  }

  static String chromium() {
    for (String name : List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")) {
      for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
        File candidate = new File(dir, name);
        if (candidate.canExecute()) {
          return candidate.getAbsolutePath();
        }
      }
    }
    return null;
  }

  private static String run(String chromium, Path profile, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars",
        "--user-data-dir=" + profile.toAbsolutePath()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile("chromium", ".out");
    Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
    if (!process.waitFor(90, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("chromium did not finish in 90 s: " + command);
    }
    return Files.readString(out, StandardCharsets.UTF_8);
  }

  @Test
  void chromiumRendersTheChainAsNestedOverlappingBars() throws Exception {
    String chromium = chromium();
    Assumptions.assumeTrue(chromium != null,
        "No Chromium on PATH: the trace page is not rendered. Install Debian's chromium (apt-get install -y chromium); .ci/run does.");

    ObservedChain chain = Prompt4j.builder().properties(Map.of())
        .classLoader(getClass().getClassLoader()).client("openai", seedLikeModel()).build().create(ObservedChain.class);
    Response<String> response = chain.analyze("AI-driven automation");
    Path target = Path.of("target");
    Files.createDirectories(target);
    Path page = target.resolve("trace-page.html");
    Files.writeString(page, response.toHtml(), StandardCharsets.UTF_8);
    String html = Files.readString(page);
    assertFalse(Pattern.compile("(src|href)\\s*=|<link|@import|url\\(", Pattern.CASE_INSENSITIVE).matcher(html).find(),
        "the page loads nothing from anywhere");

    Path profile = Files.createTempDirectory("chromium-profile");
    String dom = run(chromium, profile, "--dump-dom", page.toUri().toString());
    Map<String, Map<String, String>> rows = new HashMap<>();
    List<String> order = new ArrayList<>();
    String body = dom.substring(0, dom.indexOf("<script")); // the rendered elements, not the script's own text
    Matcher row = ROW.matcher(body);
    while (row.find()) {
      Map<String, String> data = new HashMap<>();
      data.put("kind", row.group(1));
      Matcher attribute = ATTRIBUTE.matcher(row.group(2));
      while (attribute.find()) {
        data.put(attribute.group(1), attribute.group(2));
      }
      rows.put(data.get("id"), data);
      order.add(data.get("id"));
    }
    assertEquals(5, rows.size(), "three calls and two fields were rendered: " + dom.substring(0, Math.min(dom.length(), 2000)));
    Map<String, String> root = rows.get(order.get(0));
    assertEquals("call", root.get("kind"));
    List<Map<String, String>> fields = rows.values().stream().filter(r -> r.get("kind").equals("field")).toList();
    List<Map<String, String>> nested = rows.values().stream().filter(r -> r.get("kind").equals("call") && r != root).toList();
    assertEquals(2, fields.size());
    assertEquals(2, nested.size());
    for (Map<String, String> field : fields) {
      assertEquals(root.get("id"), field.get("parent"), "a field sits under its call");
    }
    for (Map<String, String> call : nested) {
      assertTrue(fields.stream().anyMatch(f -> f.get("id").equals(call.get("parent"))), "a nested call sits under the field that made it");
      assertEquals("2", call.get("depth"));
      assertTrue(order.indexOf(call.get("parent")) < order.indexOf(call.get("id")), "listed after its field");
    }
    double aStart = Double.parseDouble(fields.get(0).get("start")), aEnd = Double.parseDouble(fields.get(0).get("end"));
    double bStart = Double.parseDouble(fields.get(1).get("start")), bEnd = Double.parseDouble(fields.get(1).get("end"));
    assertTrue(aStart < bEnd && bStart < aEnd, "the parallel fields overlap on the time axis: " + fields);
    assertEquals(1, nested.stream().filter(c -> c.get("reasks").equals("1")).count(), "the re-asked call is marked");
    assertTrue(dom.contains("✎1"), "the re-ask mark is drawn on its bar");
    assertTrue(dom.contains("<h2>ObservedChain.analyze</h2>") && dom.contains("Adoption is emerging on both fronts"),
        "the details of the selected call show its answer");

    Path screenshot = target.resolve("trace-page.png").toAbsolutePath();
    Files.deleteIfExists(screenshot);
    run(chromium, profile, "--screenshot=" + screenshot, "--window-size=1400,900", page.toUri().toString());
    assertTrue(Files.size(screenshot) > 10_000, "a screenshot of the page was taken: " + screenshot);
  }
}
