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
 * The media diagnostics ({@code {photo:image}} and friends), one negative compilation each with
 * message, file and line; {@link DiagnosticsTest#everyCatalogEntryHasACase()} counts these cases too.
 */
class MediaDiagnosticsTest {

  static final List<Case> CASES = List.of(
      new Case("unknown media-like spec", Diagnostic.UNKNOWN_FORMAT_SPEC,
          "[Prompt4j:UnknownFormatSpec] {photo:imgae} at template line 1 has the unknown format ':imgae'; the formats are :list (one item per"
              + " line) and :lists (blocks separated by a blank line); the media specs are :image, :images, :audio and :pdf (or :document);"
              + " did you mean :image?",
          "{photo:imgae}",
          prompts("Vision",
              "  @Prompt(\"Describe {photo:imgae}\")",
              "  String describe(java.nio.file.Path photo);")),
      new Case("unknown media option", Diagnostic.MEDIA_OPTION,
          "[Prompt4j:MediaOption] {photo:image(size=2)} at template line 1 has the unknown option 'size=2'; :image takes"
              + " detail=low|high|auto, as in {x:image(detail=low)}",
          "{photo:image(size=2)}",
          prompts("Vision",
              "  @Prompt(\"Describe {photo:image(size=2)}\")",
              "  String describe(java.nio.file.Path photo);")),
      new Case("option on a spec without options", Diagnostic.MEDIA_OPTION,
          "[Prompt4j:MediaOption] {doc:pdf(detail=low)} at template line 1 has the unknown option 'detail=low'; :pdf takes no options",
          "{doc:pdf(detail=low)}",
          prompts("Reader",
              "  @Prompt(\"Summarize {doc:pdf(detail=low)}\")",
              "  String summarize(java.nio.file.Path doc);")),
      new Case("image of a string", Diagnostic.MEDIA_TYPE,
          "[Prompt4j:MediaType] {photo:image}: :image needs java.net.URI, java.net.URL, java.nio.file.Path, byte[], dev.prompt4j.Media or"
              + " dev.langchain4j.data.message.ImageContent, but photo is java.lang.String; pass one of these types",
          "@Prompt(\"Describe",
          prompts("Vision",
              "  @Prompt(\"Describe {photo:image}\")",
              "  String describe(String photo);")),
      new Case("audio given an ImageContent", Diagnostic.MEDIA_TYPE,
          "[Prompt4j:MediaType] {clip:audio}: :audio needs java.net.URI, java.net.URL, java.nio.file.Path, byte[], dev.prompt4j.Media or"
              + " dev.langchain4j.data.message.AudioContent, but clip is dev.langchain4j.data.message.ImageContent",
          "@Prompt(\"Transcribe",
          prompts("Ears",
              "  @Prompt(\"Transcribe {clip:audio}\")",
              "  String transcribe(dev.langchain4j.data.message.ImageContent clip);")),
      new Case("one image given a list", Diagnostic.MEDIA_TYPE,
          "[Prompt4j:MediaType] {photos:image}: :image needs java.net.URI, java.net.URL, java.nio.file.Path, byte[], dev.prompt4j.Media or"
              + " dev.langchain4j.data.message.ImageContent (for a List write {photos:images}), but photos is"
              + " java.util.List<java.nio.file.Path>",
          "@Prompt(\"Compare",
          prompts("Vision",
              "  @Prompt(\"Compare {photos:image}\")",
              "  String compare(List<java.nio.file.Path> photos);")),
      new Case("plural spec on one value", Diagnostic.MEDIA_PLURAL,
          "[Prompt4j:MediaPlural] {photo:images}: :images takes a List of media, but photo is one value (java.nio.file.Path); write"
              + " {photo:image} for one value, or pass a List",
          "@Prompt(\"Compare",
          prompts("Vision",
              "  @Prompt(\"Compare {photo:images}\")",
              "  String compare(java.nio.file.Path photo);")),
      new Case("image in a system section", Diagnostic.MEDIA_ROLE,
          "[Prompt4j:MediaRole] {logo:image} is in the SYSTEM: section; media go in USER: sections (langchain4j's system and assistant"
              + " messages carry text only): move it to a USER: section",
          "@Prompt(\"\"\"",
          prompts("Vision",
              "  @Prompt(\"\"\"",
              "      SYSTEM: Our logo is {logo:image}.",
              "      USER: Is it on {photo:image}?",
              "      \"\"\")",
              "  boolean hasLogo(byte[] logo, byte[] photo);")),
      new Case("PDF to a provider that cannot take one", Diagnostic.MEDIA_NOT_ACCEPTED,
          "[Prompt4j:MediaNotAccepted] {doc:pdf}: provider 'ollama' (the @Call of summarize()) cannot take PDF input; providers that can:"
              + " anthropic, gemini, openai; change the provider or the template",
          "@Prompt(\"Summarize",
          prompts("Reader",
              "  @Call(provider = \"ollama\", model = \"llama3.2\")",
              "  @Prompt(\"Summarize {doc:pdf}\")",
              "  String summarize(java.nio.file.Path doc);")),
      new Case("audio to a fallback that cannot take it", Diagnostic.MEDIA_NOT_ACCEPTED,
          "[Prompt4j:MediaNotAccepted] {clip:audio}: provider 'anthropic' (fallback anthropic:claude-haiku-4-5 of transcribe()) cannot"
              + " take audio input; providers that can: gemini, openai",
          "@Prompt(\"Transcribe",
          prompts("Ears",
              "  @Call(provider = \"openai\", model = \"gpt-4o-audio-preview\", fallbacks = \"anthropic:claude-haiku-4-5\")",
              "  @Prompt(\"Transcribe {clip:audio}\")",
              "  String transcribe(byte[] clip);")));

  @TestFactory
  Stream<DynamicTest> eachMediaDiagnosticIsReportedWithItsMessageFileAndLine() {
    return CASES.stream().map(c -> DynamicTest.dynamicTest(c.diagnostic().tag() + ": " + c.name(), () -> {
      Compilation compilation = Compiled.compile(c.file());
      assertThat(compilation).failed();
      assertThat(compilation).hadErrorContaining(c.message()).inFile(c.file()).onLineContaining(c.line());
    }));
  }

  @Test
  void everyAcceptedTypeCompiles() {
    JavaFileObject file = prompts("Gallery",
        "  @Prompt(\"\"\"",
        "      SYSTEM: Be brief.",
        "      USER: Compare {a:image} {b:image(detail=high)} {c:image} {d:image} {e:image} {f:image} {g:images} {h:images}",
        "      and {clip:audio} with {doc:document} and {paper:pdf}.",
        "      \"\"\")",
        "  String compare(java.net.URI a, java.net.URL b, java.nio.file.Path c, byte[] d, Media e,",
        "      dev.langchain4j.data.message.ImageContent f, List<java.nio.file.Path> g, List<? extends Media> h,",
        "      dev.langchain4j.data.message.AudioContent clip, List<Media> paper, dev.langchain4j.data.message.PdfFileContent doc);");
    Compilation compilation = Compiled.compile(file);
    assertThat(compilation).failed(); // paper is a List: :pdf takes one value
    assertThat(compilation).hadErrorCount(1);
    assertThat(compilation).hadErrorContaining("[Prompt4j:MediaType] {paper:pdf}");
  }
}
