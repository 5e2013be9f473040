package dev.prompt4j.processor.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * What each built-in provider accepts as media input: the runtime's table ({@value #RESOURCE}, kept in
 * {@code runtime/src/main/resources}), which the build copies into the processor's jar. One file, read
 * by both: the runtime before each call, the processor here, from its own jar, so the check does not
 * depend on the compilation's class path and the processor loads no runtime class.
 *
 * @param providers provider name to the kinds it takes ({@code image}, {@code image-url}, {@code audio}, {@code pdf}, ...)
 */
public record MediaSupportTable(Map<String, Set<String>> providers) {
  /** The table's path, in the runtime's jar and in this one. */
  public static final String RESOURCE = "META-INF/prompt4j/media-support.properties";

  private static final MediaSupportTable SHIPPED = load();

  /** The table shipped with the processor. */
  static MediaSupportTable shipped() {
    return SHIPPED;
  }

  private static MediaSupportTable load() {
    try (InputStream in = MediaSupportTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the Prompt4j processor jar");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, Set<String>> providers = new TreeMap<>();
      for (String provider : properties.stringPropertyNames()) {
        providers.put(provider, Arrays.stream(properties.getProperty(provider).split(","))
            .map(String::strip).filter(s -> !s.isEmpty()).collect(Collectors.toUnmodifiableSet()));
      }
      return new MediaSupportTable(Map.copyOf(providers));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code provider} takes {@code kind} in some form (bytes or URL); providers not in the table are not checked. */
  boolean accepts(String provider, String kind) {
    Set<String> kinds = providers.get(provider);
    return kinds == null || kinds.contains(kind) || kinds.contains(kind + "-url");
  }

  /** The providers that take {@code kind}, sorted. */
  String providersTaking(String kind) {
    return providers.keySet().stream().filter(p -> {
      Set<String> kinds = providers.get(p);
      return kinds.contains(kind) || kinds.contains(kind + "-url");
    }).sorted().collect(Collectors.joining(", "));
  }
}
