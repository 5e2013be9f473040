package dev.prompt4j.examples.decomposition;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

/**
 * The steps of a product page (seed 003's decomposition of "write a product page"), run one after
 * the other with explicit state in {@link ChainState}; the tone check is where recovery happens.
 */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface ProductPage {

  enum ToneVerdict { ON_BRAND, OFF_BRAND }

  @Prompt("Extract five search keywords from this product brief, comma-separated, nothing else:\n{brief}")
  String extractKeywords(String brief);

  @Prompt("Write one product headline of at most ten words using some of these keywords: {keywords}")
  String writeHeadline(String keywords);

  @Prompt("""
      Write a two-sentence product description under the headline "{headline}".
      Use these keywords where they fit: {keywords}
      """)
  String writeDescription(String keywords, String headline);

  @Prompt("Write a call to action of at most six words for this product description: {description}")
  String writeCallToAction(String description);

  @Prompt("""
      Our brand voice is calm, concrete and free of hype. Is this product page ON_BRAND or OFF_BRAND?
      Answer with ON_BRAND or OFF_BRAND only.

      {page}
      """)
  ToneVerdict checkTone(String page);
}
