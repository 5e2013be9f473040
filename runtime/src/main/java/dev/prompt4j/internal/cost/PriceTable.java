package dev.prompt4j.internal.cost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.prompt4j.Cost;
import dev.prompt4j.ModelPrice;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.PriceSource;
import dev.prompt4j.Usage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What a model's tokens cost: configured prices first, then {@link PriceSource}s, then the shipped
 * table ({@value #RESOURCE}, versioned by the date its prices were read). A model none of them prices
 * gives {@link Cost#UNKNOWN}, and a warning, once per model, in the log.
 *
 * <p>A snapshot name takes its model's price: {@code gpt-4o-2024-08-06} and {@code
 * claude-sonnet-4-20250514} are priced as {@code gpt-4o} and {@code claude-sonnet-4}. Only a date or
 * {@code -latest} is stripped, so {@code gpt-4.1-nano} is never priced as {@code gpt-4.1}. That rule
 * ({@code snapshotSuffix}) lives in the table, which the annotation processor reads too (it warns when a
 * {@code @Call} names a model with no price): one file, one rule, for both.
 */
public final class PriceTable {
  /** The shipped table, on the class path. */
  public static final String RESOURCE = "dev/prompt4j/internal/cost/prices.json";

  private static final System.Logger LOG = System.getLogger(PriceTable.class.getName());

  private final Map<String, ModelPrice> configured; // by provider:model
  private final List<PriceSource> sources;
  private final ConcurrentHashMap<String, Boolean> warned = new ConcurrentHashMap<>();

  /**
   * @param configured prices set by configuration, by {@code provider:model}
   * @param sources price sources, asked in order
   */
  public PriceTable(Map<String, ModelPrice> configured, List<PriceSource> sources) {
    this.configured = Map.copyOf(configured);
    this.sources = List.copyOf(sources);
  }

  /**
   * The sources registered for {@link ServiceLoader} on the class path of {@code loader}.
   *
   * @param loader the class loader
   * @return the sources
   */
  public static List<PriceSource> discover(ClassLoader loader) {
    List<PriceSource> found = new ArrayList<>();
    ServiceLoader.load(PriceSource.class, loader).forEach(found::add);
    return found;
  }

  /** The version (date) of the shipped table. */
  public static String version() {
    return ShippedTable.INSTANCE.version;
  }

  /**
   * The price of a model, or {@code null} when nothing prices it.
   *
   * @param provider the provider
   * @param model the model
   * @return the price or {@code null}
   */
  public ModelPrice price(String provider, String model) {
    if (provider == null || model == null) {
      return null;
    }
    ModelPrice price = find(provider, model);
    if (price == null) {
      String bare = ShippedTable.INSTANCE.snapshot.matcher(model).replaceFirst("");
      if (!bare.equals(model)) {
        price = find(provider, bare);
      }
    }
    return price != null ? price : ShippedTable.INSTANCE.prices.get(provider + ":*");
  }

  private ModelPrice find(String provider, String model) {
    String key = provider + ":" + model;
    ModelPrice price = configured.get(key);
    if (price != null) {
      return price;
    }
    for (PriceSource source : sources) {
      price = source.price(provider, model);
      if (price != null) {
        return price;
      }
    }
    return ShippedTable.INSTANCE.prices.get(key);
  }

  /**
   * What {@code usage} of {@code provider}'s {@code model} cost; unknown (and a warning the first
   * time) when the model has no price.
   *
   * @param provider the provider
   * @param model the model
   * @param usage the tokens
   * @return the cost
   */
  public Cost cost(String provider, String model, Usage usage) {
    ModelPrice price = price(provider, model);
    if (price == null) {
      if (warned.putIfAbsent(provider + ":" + model, Boolean.TRUE) == null) {
        LOG.log(System.Logger.Level.WARNING, provider + ":" + model + " has no price (table of " + ShippedTable.INSTANCE.version + "): its calls"
            + " report an unknown cost. Set prompt4j.prices." + provider + "." + model + "=<input>,<output>[,<cached input>]"
            + " (USD per million tokens) or register a dev.prompt4j.PriceSource");
      }
      return Cost.UNKNOWN;
    }
    return price.cost(usage);
  }

  /**
   * A configured price: {@code input,output[,cachedInput]} in USD per million tokens.
   *
   * @param key the key, {@code prompt4j.prices.<provider>.<model>}
   * @param value its value
   * @param source where it came from, for the message
   * @param prefix the key prefix, {@code prompt4j.prices.}
   * @return the price
   * @throws Prompt4jException naming the key when it is malformed
   */
  public static ModelPrice parse(String key, String value, String source, String prefix) {
    String rest = key.substring(prefix.length());
    int dot = rest.indexOf('.');
    String[] numbers = value.split(",");
    try {
      if (dot <= 0 || dot == rest.length() - 1 || numbers.length < 2 || numbers.length > 3) {
        throw new IllegalArgumentException("shape");
      }
      BigDecimal input = new BigDecimal(numbers[0].strip());
      BigDecimal output = new BigDecimal(numbers[1].strip());
      BigDecimal cached = numbers.length == 3 ? new BigDecimal(numbers[2].strip()) : null;
      return new ModelPrice(rest.substring(0, dot), rest.substring(dot + 1), input, output, cached, null);
    } catch (RuntimeException e) {
      throw new Prompt4jException("Configuration key " + key + " (" + source + ") is '" + value + "', which is not valid: write "
          + prefix + "<provider>.<model>=<input>,<output>[,<cached input>] in USD per million tokens, such as "
          + prefix + "openai.gpt-4o-mini=0.15,0.60,0.075", e);
    }
  }

  /**
   * The table shipped as {@value #RESOURCE}, read on first use (the first priced call), not when a
   * runtime is built: reading it starts Jackson, a large part of an application's start-up.
   */
  private static final class ShippedTable {
    static final ShippedTable INSTANCE = load();

    final String version;
    final Map<String, ModelPrice> prices;
    final Pattern snapshot;

    private ShippedTable(String version, Map<String, ModelPrice> prices, Pattern snapshot) {
      this.version = version;
      this.prices = Map.copyOf(prices);
      this.snapshot = snapshot;
    }

    static ShippedTable load() {
      try (InputStream in = PriceTable.class.getClassLoader().getResourceAsStream(RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(RESOURCE + " is missing from the prompt4j-runtime jar");
        }
        JsonNode root = new ObjectMapper().readTree(in);
        Map<String, ModelPrice> prices = new HashMap<>();
        for (JsonNode p : root.path("prices")) {
          ModelPrice price = new ModelPrice(p.path("provider").asText(), p.path("model").asText(), new BigDecimal(p.path("input").asText()),
              new BigDecimal(p.path("output").asText()), new BigDecimal(p.path("cachedInput").asText()), LocalDate.parse(p.path("taken").asText()));
          prices.put(price.provider() + ":" + price.model(), price);
        }
        return new ShippedTable(root.path("version").asText(), prices, Pattern.compile(root.path("snapshotSuffix").asText()));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + RESOURCE, e);
      }
    }
  }
}
