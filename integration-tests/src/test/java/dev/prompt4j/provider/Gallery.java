package dev.prompt4j.provider;

import dev.prompt4j.Call;
import dev.prompt4j.Media;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/** Media in templates, for the wire tests of each provider ({@link MediaWireTest}). */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface Gallery {
  @Prompt("""
      SYSTEM: You look closely.
      USER: First {photo:image(detail=low)} then {photos:images} end.
      """)
  Response<String> look(byte[] photo, List<Path> photos);

  @Prompt("Hear {clip:audio} now")
  Response<String> hear(Media clip);

  @Prompt("Read {doc:pdf} please")
  Response<String> read(Path doc);

  @Prompt("See {picture:image}")
  Response<String> see(URI picture);
}
