package dev.prompt4j.processor.template;

import dev.prompt4j.processor.diag.Diagnostic;
import dev.prompt4j.processor.diag.Suggestions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads the options of a media spec, {@code (detail=low)}, and hints for a spec that is not known. */
final class MediaOptions {
  private MediaOptions() {}

  /** The options of {@code {x:format(options)}}, each checked against what the spec takes. */
  static Map<String, String> parse(String source, int line, String format, String options) throws TemplateException {
    if (options == null) {
      return Map.of();
    }
    MediaSpec spec = MediaSpec.of(format).orElse(null);
    if (spec == null) {
      throw new TemplateException(Diagnostic.MEDIA_OPTION, source, line, options.strip(), ":" + format + " takes no options");
    }
    Map<String, String> parsed = new LinkedHashMap<>();
    for (String option : options.split(",", -1)) {
      int equals = option.indexOf('=');
      String name = (equals < 0 ? option : option.substring(0, equals)).strip();
      String value = equals < 0 ? "" : option.substring(equals + 1).strip();
      List<String> values = spec.options().get(name);
      if (values == null || !values.contains(value)) {
        throw new TemplateException(Diagnostic.MEDIA_OPTION, source, line, option.strip(), spec.describeOptions());
      }
      parsed.put(name, value);
    }
    return parsed;
  }

  /** The end of the unknown-format message: the media specs, and the closest one when it is close. */
  static String unknownSpecHint(String format) {
    String closest = Suggestions.closest(format, MediaSpec.ALL.stream().map(MediaSpec::spec).toList());
    return "; the media specs are :image, :images, :audio and :pdf (or :document)"
        + (closest == null ? "" : "; did you mean :" + closest + "?");
  }
}
