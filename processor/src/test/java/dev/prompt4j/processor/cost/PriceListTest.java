package dev.prompt4j.processor.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prompt4j.internal.cost.PriceTable;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The processor's reading of the price table agrees with the runtime's: same entries, same version,
 * and for any name the processor checks, it warns exactly when the runtime would find no price.
 */
class PriceListTest {
  private final PriceList processor = PriceList.shipped();
  private final PriceTable runtime = new PriceTable(Map.of(), List.of());

  @Test
  void readsEveryEntryOfTheRuntimesTable() throws Exception {
    JsonNode root;
    try (InputStream in = PriceTable.class.getClassLoader().getResourceAsStream(PriceTable.RESOURCE)) {
      root = new ObjectMapper().readTree(in);
    }
    Set<String> expected = new TreeSet<>();
    root.path("prices").forEach(p -> expected.add(p.path("provider").asText() + ":" + p.path("model").asText()));
    Set<String> read = new TreeSet<>();
    processor.models().forEach((provider, models) -> models.forEach(m -> read.add(provider + ":" + m)));

    assertEquals(expected, read);
    assertEquals(PriceTable.version(), processor.version());
  }

  @Test
  void warnsExactlyWhenTheRuntimeFindsNoPrice() {
    List<String[]> names = List.of(
        new String[] {"openai", "gpt-4o-mini"}, new String[] {"openai", "gpt-4o-2024-08-06"}, new String[] {"openai", "gpt-4o-latest"},
        new String[] {"openai", "gpt-4.1-nano"}, new String[] {"openai", "gpt-4.1-nano-2025-04-14"}, new String[] {"openai", "gpt-5"},
        new String[] {"openai", "gpt-4o-mini-2024"}, new String[] {"anthropic", "claude-sonnet-4-20250514"},
        new String[] {"anthropic", "claude-opus-4"}, new String[] {"gemini", "gemini-2.5-flash"}, new String[] {"gemini", "gemini-3"},
        new String[] {"ollama", "llama3.2"}, new String[] {"offline", "anything"});
    for (String[] name : names) {
      assertEquals(runtime.price(name[0], name[1]) != null, processor.prices(name[0], name[1]), name[0] + ":" + name[1]);
    }
  }

  @Test
  void providersOutsideTheTableAreNotChecked() {
    assertEquals(false, processor.knows("my-proxy"));
    assertEquals(true, processor.knows("openai"));
  }
}
