package dev.prompt4j.processor.template;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The media format specs of the template language: {@code {photo:image}}, {@code {photos:images}},
 * {@code {clip:audio}}, {@code {doc:pdf}} ({@code :document} is the same). A media placeholder is
 * sent as a content part of its message, in template order between the text around it.
 *
 * @param spec the spec as written, such as {@code images}
 * @param kind what it carries: {@code image}, {@code audio} or {@code pdf} (the runtime's names)
 * @param plural whether it takes a list of values
 * @param options the options it takes, each with its values, such as {@code detail -> [low, high, auto]}
 */
public record MediaSpec(String spec, String kind, boolean plural, Map<String, List<String>> options) {
  private static final Map<String, List<String>> IMAGE_OPTIONS = Map.of("detail", List.of("low", "high", "auto"));

  /** Every media spec, in the order messages list them. */
  public static final List<MediaSpec> ALL = List.of(
      new MediaSpec("image", "image", false, IMAGE_OPTIONS),
      new MediaSpec("images", "image", true, IMAGE_OPTIONS),
      new MediaSpec("audio", "audio", false, Map.of()),
      new MediaSpec("pdf", "pdf", false, Map.of()),
      new MediaSpec("document", "pdf", false, Map.of()));

  /** The spec named {@code format}, if it is a media spec. */
  public static Optional<MediaSpec> of(String format) {
    return ALL.stream().filter(m -> m.spec.equals(format)).findFirst();
  }

  /** The kind as messages name it: {@code image}, {@code audio}, {@code PDF}. */
  public String kindLabel() {
    return kind.equals("pdf") ? "PDF" : kind;
  }

  /** The singular spec of the same kind ({@code image} for {@code images}). */
  public String singular() {
    return plural ? spec.substring(0, spec.length() - 1) : spec;
  }

  /** The plural spec of the same kind, or {@code null} when there is none. */
  public String pluralSpec() {
    return kind.equals("image") ? "images" : null;
  }

  /** What a message says of the options {@code :spec} takes. */
  String describeOptions() {
    if (options.isEmpty()) {
      return ":" + spec + " takes no options";
    }
    StringBuilder out = new StringBuilder(":" + spec + " takes ");
    options.forEach((name, values) -> out.append(name).append('=').append(String.join("|", values)));
    return out.append(", as in {x:").append(spec).append('(').append(options.keySet().iterator().next()).append('=')
        .append(options.values().iterator().next().get(0)).append(")}").toString();
  }
}
