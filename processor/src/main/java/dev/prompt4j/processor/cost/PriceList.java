package dev.prompt4j.processor.cost;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which models the runtime's price table prices: its shipped file ({@value #RESOURCE}, kept in {@code
 * runtime/src/main/resources}), which the build copies into the processor's jar, as it does the media
 * table. One file read by both: the runtime for {@code Response.cost()}, the processor here, by the same
 * rules (a {@code provider:*} entry prices every model of its provider; a snapshot suffix, given by the
 * table's {@code snapshotSuffix}, is stripped before a second look). Only names are read: the processor
 * needs no price and loads no runtime class or JSON library.
 *
 * @param version the table's version (the date its prices were read)
 * @param models priced {@code model} names (or {@code *}) by provider
 * @param snapshot the snapshot suffix a model name may carry
 */
public record PriceList(String version, Map<String, Set<String>> models, Pattern snapshot) {
  /** The table's path, in the runtime's jar and in this one. */
  public static final String RESOURCE = "dev/prompt4j/internal/cost/prices.json";

  private static final Pattern ENTRY = Pattern.compile("\\{([^{}]*)}");
  private static final Pattern STRING_FIELD = Pattern.compile("\"(\\w+)\"\\s*:\\s*\"([^\"\\\\]*)\"");

  private static final PriceList SHIPPED = load();

  /** The table shipped with the processor. */
  public static PriceList shipped() {
    return SHIPPED;
  }

  private static PriceList load() {
    try (InputStream in = PriceList.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the Prompt4j processor jar");
      }
      return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads the table's string fields: the top-level ones, then {@code provider} and {@code model} of each entry of {@code prices}. */
  static PriceList parse(String json) {
    int array = json.indexOf("\"prices\"");
    if (array < 0) {
      throw new IllegalStateException(RESOURCE + " has no \"prices\" array");
    }
    Map<String, String> top = fields(json.substring(0, array));
    Map<String, Set<String>> models = new HashMap<>();
    Matcher entry = ENTRY.matcher(json);
    entry.region(array, json.length());
    while (entry.find()) {
      Map<String, String> fields = fields(entry.group(1));
      models.computeIfAbsent(fields.get("provider"), p -> new TreeSet<>()).add(fields.get("model"));
    }
    models.replaceAll((provider, names) -> Set.copyOf(names));
    return new PriceList(top.get("version"), Map.copyOf(models), Pattern.compile(top.getOrDefault("snapshotSuffix", "$^")));
  }

  private static Map<String, String> fields(String text) {
    Map<String, String> fields = new HashMap<>();
    Matcher field = STRING_FIELD.matcher(text);
    while (field.find()) {
      fields.putIfAbsent(field.group(1), field.group(2));
    }
    return fields;
  }

  /** Whether the table has prices for {@code provider} at all; the others (custom, local) are not checked. */
  public boolean knows(String provider) {
    return models.containsKey(provider);
  }

  /** Whether the runtime would find a price for {@code provider}'s {@code model} in this table. */
  public boolean prices(String provider, String model) {
    Set<String> priced = models.getOrDefault(provider, Set.of());
    return priced.contains("*") || priced.contains(model) || priced.contains(snapshot.matcher(model).replaceFirst(""));
  }

  /** The priced models of {@code provider}, sorted. */
  public Set<String> priced(String provider) {
    return new TreeSet<>(models.getOrDefault(provider, Set.of()));
  }
}
