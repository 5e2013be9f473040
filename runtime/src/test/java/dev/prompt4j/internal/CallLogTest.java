package dev.prompt4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.data.message.UserMessage;
import dev.prompt4j.Cost;
import dev.prompt4j.Response;
import dev.prompt4j.Usage;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The DEBUG line per call: what ran and what it cost, with content only when asked for. */
class CallLogTest {
  private final Response<String> response = Response.<String>builder().method("Support.answer").provider("openai").model("gpt-4o-mini")
      .messages(List.of(UserMessage.from("my card number is 4111"))).rawText("We will call you.").usage(new Usage(12, 4, 16))
      .cost(Cost.usd(new BigDecimal("0.0000042"))).latency(Duration.ofMillis(250)).build();

  @Test
  void oneLineWithoutContentByDefault() {
    String line = new CallLog(false).line("Support.answer", response, null, 0);
    assertEquals("Support.answer -> openai:gpt-4o-mini in 250.0 ms, attempts 1, tokens 12 in / 4 out, cost $0.0000042", line);
    assertFalse(line.contains("4111") || line.contains("call you"));
  }

  @Test
  void contentOnlyWhenEnabled() {
    String line = new CallLog(true).line("Support.answer", response, null, 0);
    assertTrue(line.contains("[user] my card number is 4111") && line.contains("answer We will call you."), line);
  }

  @Test
  void aFailureNamesItsTypeNotItsMessage() {
    String line = new CallLog(false).line("Support.answer", null, new IllegalStateException("key sk-secret rejected"), 3_000_000);
    assertEquals("Support.answer failed after 3.0 ms: IllegalStateException", line);
  }
}
