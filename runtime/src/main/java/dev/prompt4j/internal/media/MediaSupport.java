package dev.prompt4j.internal.media;

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
 * What each built-in provider accepts as media input: the table {@value #RESOURCE} shipped in the
 * runtime jar, which the annotation processor reads too (from the class path) for its compile-time
 * check. A provider not in the table is not checked.
 *
 * @param providers provider name to kinds ({@code image}, {@code image-url}, {@code audio}, {@code pdf}, {@code pdf-url})
 */
public record MediaSupport(Map<String, Set<String>> providers) {
  /** Where the table is, in the runtime jar. */
  public static final String RESOURCE = "META-INF/prompt4j/media-support.properties";

  private static final MediaSupport SHIPPED = load();

  /** The shipped table. */
  public static MediaSupport shipped() {
    return SHIPPED;
  }

  private static MediaSupport load() {
    try (InputStream in = MediaSupport.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the Prompt4j runtime jar");
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, Set<String>> providers = new TreeMap<>();
      for (String name : properties.stringPropertyNames()) {
        providers.put(name, Arrays.stream(properties.getProperty(name).split(",")).map(String::strip).filter(s -> !s.isEmpty())
            .collect(Collectors.toUnmodifiableSet()));
      }
      return new MediaSupport(Map.copyOf(providers));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code provider} is in the table (others are not checked). */
  public boolean knows(String provider) {
    return providers.containsKey(provider);
  }

  /** Whether {@code provider} takes {@code kind} in some form: bytes, or a URL. */
  public boolean accepts(String provider, String kind) {
    Set<String> kinds = providers.get(provider);
    return kinds == null || kinds.contains(kind) || kinds.contains(kind + "-url");
  }

  /** Whether {@code provider} takes {@code kind} passed as a URL. */
  public boolean acceptsUrl(String provider, String kind) {
    Set<String> kinds = providers.get(provider);
    return kinds == null || kinds.contains(kind + "-url");
  }

  /** The providers that take {@code kind}, sorted, for messages. */
  public String providersTaking(String kind) {
    return providers.keySet().stream().filter(p -> accepts(p, kind)).sorted().collect(Collectors.joining(", "));
  }
}
