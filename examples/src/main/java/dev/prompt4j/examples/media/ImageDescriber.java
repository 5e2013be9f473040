package dev.prompt4j.examples.media;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;

/**
 * Media in a template: the image is a content part of the user message, between the text around it.
 * The processor checked that {@code byte[]} can be an image and that the provider takes images.
 */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface ImageDescriber {
  @Prompt("""
      SYSTEM: You describe pictures for people who cannot see them, in plain words.
      USER: Here is a picture: {picture:image(detail=low)}
      In one sentence, what does it show, and what is its main colour?
      """)
  Response<String> describe(byte[] picture);
}
