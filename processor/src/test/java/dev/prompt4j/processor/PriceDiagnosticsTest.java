package dev.prompt4j.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.prompt4j.processor.DiagnosticsTest.prompts;

import com.google.testing.compile.Compilation;
import dev.prompt4j.processor.DiagnosticsTest.Case;
import dev.prompt4j.processor.diag.Diagnostic;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The cost diagnostic: a {@code @Call} model or fallback the runtime's price table does not price, with
 * message, file and line; {@link DiagnosticsTest#everyCatalogEntryHasACase()} counts these cases too.
 */
class PriceDiagnosticsTest {

  static final List<Case> CASES = List.of(
      new Case("a misspelt model", Diagnostic.UNPRICED_MODEL,
          "[Prompt4j:UnpricedModel] @Call model openai:gpt-4o-mni has no price in Prompt4j's price table (2025-08-01), so its calls"
              + " report an unknown cost; did you mean gpt-4o-mini? Or price it with prompt4j.prices.openai.gpt-4o-mni=<input>,<output>"
              + "[,<cached input>] (USD per million tokens) or a dev.prompt4j.PriceSource",
          "model = \"gpt-4o-mni\"",
          prompts("Greetings",
              "  @Prompt(\"Say hello to {name}\")",
              "  @Call(provider = \"openai\", model = \"gpt-4o-mni\")",
              "  String hello(String name);")),
      new Case("a fallback with no price", Diagnostic.UNPRICED_MODEL,
          "[Prompt4j:UnpricedModel] @Call fallback anthropic:claude-opus-9 has no price in Prompt4j's price table (2025-08-01), so its"
              + " calls report an unknown cost; price it with prompt4j.prices.anthropic.claude-opus-9=<input>,<output>[,<cached input>]"
              + " (USD per million tokens) or a dev.prompt4j.PriceSource",
          "fallbacks = {\"ollama:llama3\", \"anthropic:claude-opus-9\"}",
          prompts("Greetings",
              "  @Prompt(\"Say hello to {name}\")",
              "  @Call(provider = \"openai\", model = \"gpt-4o\",",
              "      fallbacks = {\"ollama:llama3\", \"anthropic:claude-opus-9\"})",
              "  String hello(String name);")));

  @TestFactory
  Stream<DynamicTest> eachPriceDiagnosticIsReportedWithItsMessageFileAndLine() {
    return DiagnosticsTest.eachReported(CASES);
  }

  @Test
  void pricedModelsSnapshotsWildcardProvidersAndUnlistedProvidersGiveNoWarning() {
    JavaFileObject file = prompts("Priced",
        // priced as listed; a dated snapshot takes its model's price
        "  @Prompt(\"A {x}\")",
        "  @Call(provider = \"anthropic\", model = \"claude-sonnet-4-20250514\", fallbacks = {\"openai:gpt-4o-2024-08-06\", \"gemini:gemini-2.5-pro\"})",
        "  String a(String x);",
        // ollama:* prices every local model; a provider the table does not list is not checked
        "  @Prompt(\"B {x}\")",
        "  @Call(provider = \"ollama\", model = \"qwen3:8b\", fallbacks = \"acme-gateway:house-model\")",
        "  String b(String x);",
        "  @Prompt(\"C {x}\")",
        "  @Call(provider = \"my-proxy\", model = \"whatever-1\")",
        "  String c(String x);");

    Compilation compilation = Compiled.compile(file);

    assertThat(compilation).succeededWithoutWarnings();
  }
}
