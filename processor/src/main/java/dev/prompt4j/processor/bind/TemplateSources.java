package dev.prompt4j.processor.bind;

import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Report;
import dev.prompt4j.processor.read.Annotations;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.NoSuchFileException;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Filer;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;
import javax.tools.StandardLocation;

/** The text of a prompt method's template: {@code @Prompt(value)}, or the file {@code @Prompt(file)} names. */
final class TemplateSources {
  private final Elements elements;
  private final Filer filer;

  TemplateSources(Elements elements, Filer filer) {
    this.elements = elements;
    this.filer = filer;
  }

  Optional<String> text(ExecutableElement method, AnnotationMirror prompt, Report.Builder report) {
    String value = (String) Annotations.value(elements, prompt, "value").getValue();
    String file = (String) Annotations.value(elements, prompt, "file").getValue();
    if (value.isEmpty() == file.isEmpty()) {
      report.report(Diagnostic.TEMPLATE_SOURCE, method, prompt, null, method.getSimpleName() + "()",
          value.isEmpty() ? "sets neither value nor file" : "sets both value and file");
      return Optional.empty();
    }
    if (!value.isEmpty()) {
      return Optional.of(value);
    }
    String path = file.startsWith("/") ? file.substring(1) : file;
    AnnotationValue fileValue = Annotations.explicitValue(prompt, "file").orElse(null);
    for (StandardLocation location : List.of(StandardLocation.CLASS_PATH, StandardLocation.SOURCE_PATH, StandardLocation.CLASS_OUTPUT)) {
      byte[] bytes;
      try (InputStream in = filer.getResource(location, "", path).openInputStream()) {
        bytes = in.readAllBytes();
      } catch (FileNotFoundException | NoSuchFileException | IllegalArgumentException e) {
        continue; // not in this location
      } catch (IOException e) {
        report.report(Diagnostic.TEMPLATE_FILE_UNREADABLE, method, prompt, fileValue, file, method.getSimpleName() + "()", e);
        return Optional.empty();
      }
      try {
        return Optional.of(utf8(bytes));
      } catch (CharacterCodingException e) {
        report.report(Diagnostic.TEMPLATE_FILE_UNREADABLE, method, prompt, fileValue, file, method.getSimpleName() + "()", e.getMessage());
        return Optional.empty();
      }
    }
    report.report(Diagnostic.TEMPLATE_FILE_NOT_FOUND, method, prompt, fileValue, file, method.getSimpleName() + "()");
    return Optional.empty();
  }

  /** Template files are UTF-8; malformed bytes are an error (not replacement characters sent to the model). */
  private static String utf8(byte[] bytes) throws CharacterCodingException {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw new CharacterCodingException() {
        private static final long serialVersionUID = 1L;

        @Override
        public String getMessage() {
          return "malformed UTF-8 at byte " + in.position();
        }
      };
    }
    decoder.flush(out);
    return out.flip().toString();
  }
}
