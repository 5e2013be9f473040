package dev.prompt4j.internal.cost;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Cost;
import dev.prompt4j.ModelPrice;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.Usage;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PriceTableTest {
  private final PriceTable shipped = new PriceTable(Map.of(), List.of());

  @Test
  void theShippedTablePricesTheCommonModelsWithTheDateTaken() {
    for (String model : List.of("openai:gpt-4o", "openai:gpt-4o-mini", "openai:gpt-4.1", "openai:gpt-4.1-mini", "anthropic:claude-sonnet-4",
        "anthropic:claude-haiku-4-5", "gemini:gemini-2.5-flash", "gemini:gemini-2.5-pro")) {
      String[] parts = model.split(":");
      ModelPrice price = shipped.price(parts[0], parts[1]);
      assertTrue(price != null && price.taken() != null && price.outputPerMillion().signum() > 0, model);
    }
    assertEquals("2025-08-01", PriceTable.version());
  }

  @Test
  void costCountsCachedInputAtItsOwnPrice() {
    // gpt-4o: $2.50 input, $1.25 cached input, $10.00 output per million tokens.
    Cost cost = shipped.cost("openai", "gpt-4o", new Usage(1_000_000, 100_000, 1_100_000, 400_000));
    assertEquals(Cost.usd(new BigDecimal("3.00")), cost, "600k at 2.50 (1.50) + 400k at 1.25 (0.50) + 100k at 10.00 (1.00)");
    assertEquals("$3", cost.toString());
  }

  @Test
  void snapshotsTakeTheirModelsPriceButOtherModelsDoNot() {
    assertEquals(shipped.price("openai", "gpt-4o"), shipped.price("openai", "gpt-4o-2024-08-06"));
    assertEquals(shipped.price("anthropic", "claude-sonnet-4"), shipped.price("anthropic", "claude-sonnet-4-20250514"));
    assertNull(shipped.price("openai", "gpt-4o-turbo-preview"), "not a snapshot of gpt-4o");
    assertNull(shipped.price("openai", "gpt-5-unreleased"));
  }

  @Test
  void anUnpricedModelCostsUnknownNeverZeroAndLocalModelsCostNothing() {
    Cost unknown = shipped.cost("openai", "gpt-5-unreleased", new Usage(10, 5, 15));
    assertSame(Cost.UNKNOWN, unknown);
    assertFalse(unknown.usd().isPresent());
    assertEquals(Cost.ZERO, shipped.cost("ollama", "llama3.2", new Usage(10, 5, 15)));
    Cost partly = Cost.usd(new BigDecimal("0.002")).plus(unknown);
    assertFalse(partly.isKnown());
    assertEquals("unknown (at least $0.002)", partly.toString());
  }

  @Test
  void configurationAndSourcesReplaceTheTableInThatOrder() {
    ModelPrice configured = PriceTable.parse("prompt4j.prices.openai.gpt-4.1", "1, 4, 0.25", "system property", "prompt4j.prices.");
    assertEquals("gpt-4.1", configured.model(), "the model name keeps its dots");
    PriceTable table = new PriceTable(Map.of("openai:gpt-4.1", configured),
        List.of((provider, model) -> new ModelPrice(provider, model, BigDecimal.ONE, BigDecimal.ONE, null, null)));
    assertEquals(configured, table.price("openai", "gpt-4.1"));
    assertEquals(BigDecimal.ONE, table.price("openai", "gpt-4o").inputPerMillion(), "a source beats the shipped table");

    Prompt4jException bad = assertThrows(Prompt4jException.class,
        () -> PriceTable.parse("prompt4j.prices.openai.gpt-4.1", "cheap", "file x", "prompt4j.prices."));
    assertTrue(bad.getMessage().startsWith("Configuration key prompt4j.prices.openai.gpt-4.1 (file x) is 'cheap', which is not valid"),
        bad.getMessage());
  }
}
