package com.acme;

import dev.prompt4j.Call;
import dev.prompt4j.Media;
import dev.prompt4j.Prompt;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

@Call(provider = "openai", model = "gpt-4o-mini")
public interface Vision {
  /** No role markers: one user message, its parts in template order. */
  @Prompt("Describe {photo:image(detail=low)} in one sentence.")
  String describe(Path photo);

  @Prompt("""
      SYSTEM: You compare pictures for {customer}.
      USER: Compare {before:image} with {after:images} and read {contract:pdf}.
      Then listen to {note:audio}.
      """)
  String compare(String customer, URI before, List<Media> after, byte[] contract, Media note);
}
