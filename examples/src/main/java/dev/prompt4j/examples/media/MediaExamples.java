package dev.prompt4j.examples.media;

import dev.prompt4j.ChatMessages;
import dev.prompt4j.Response;
import dev.prompt4j.examples.Env;
import dev.prompt4j.examples.Example;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/** Multimodal input: describe an image shipped in the examples' resources ({@code images/sunrise.png}, 24 x 16 pixels). */
public final class MediaExamples {
  /** The offline script of these examples. */
  public static final String SCRIPT = "offline/media.json";

  private MediaExamples() {}

  public static List<Example> all() {
    return List.of(new Example("media", "Describe an image: a PNG as a content part, traced by its size and SHA-256", SCRIPT,
        MediaExamples::describe));
  }

  /** The description, and the media part as the trace shows it (never the bytes). */
  static String describe(Env env) {
    Response<String> response = env.create(ImageDescriber.class).describe(picture());
    return response.value() + "\nSent: " + ChatMessages.media(response.messages().get(1));
  }

  private static byte[] picture() {
    try (InputStream in = MediaExamples.class.getClassLoader().getResourceAsStream("images/sunrise.png")) {
      if (in == null) {
        throw new IllegalStateException("images/sunrise.png is missing from the examples' resources");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
