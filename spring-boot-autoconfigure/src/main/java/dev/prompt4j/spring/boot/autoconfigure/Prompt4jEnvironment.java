package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.provider.ChatModelProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.Environment;
import org.springframework.core.env.PropertySource;

/**
 * Reads Prompt4j's keys from the Spring {@link Environment}: everything under {@code prompt4j.}, with
 * Spring's relaxed binding, profiles and {@code ${...}} placeholders, plus each provider's usual
 * environment variables ({@code OPENAI_API_KEY}, ...) for a key or base URL the application did not
 * set, since a runtime built from properties reads no environment of its own.
 */
final class Prompt4jEnvironment {
  /** The first element of every key, in the form {@link #mayHoldKeys} compares. */
  private static final String PREFIX = "prompt4j";

  /** A key in a message; compiled when a message is read (a rejected configuration), not at start-up. */
  private static final String KEY = "prompt4j\\.[A-Za-z0-9_.\\-\\[\\]]*[A-Za-z0-9_\\]]";

  private Prompt4jEnvironment() {}

  /**
   * The {@code prompt4j.*} keys and values the application sets, bound by Spring's {@link Binder} as a
   * map (relaxed names, placeholders resolved against the whole environment, the first property source
   * that has a key wins) from the property sources that can hold one: binding a map goes over every
   * name of every source it is given, and most sources (system properties, environment variables) have
   * many names and no Prompt4j key, which a look at their raw names tells ({@link #mayHoldKeys}).
   */
  static Map<String, String> keys(Environment environment) {
    Binder binder;
    if (environment instanceof ConfigurableEnvironment configurable) {
      List<PropertySource<?>> sources = new ArrayList<>();
      for (PropertySource<?> source : configurable.getPropertySources()) {
        if (!(source instanceof EnumerablePropertySource<?> names) || mayHoldKeys(names.getPropertyNames())) {
          sources.add(source);
        }
      }
      binder = new Binder(ConfigurationPropertySources.from(sources), new PropertySourcesPlaceholdersResolver(environment));
    } else {
      binder = Binder.get(environment);
    }
    Map<String, String> bound = binder.bind("prompt4j", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    Map<String, String> keys = new TreeMap<>();
    for (Map.Entry<String, String> key : bound.entrySet()) { // no lambda: read at start-up
      keys.put("prompt4j." + key.getKey(), key.getValue());
    }
    return keys;
  }

  /**
   * Whether one of {@code names} may be a {@code prompt4j.*} key in any spelling Spring's relaxed
   * binding reads ({@code prompt4j.x}, {@code Prompt4j.x}, {@code [prompt4j].x}, {@code PROMPT4J_X},
   * with dashes anywhere): its first letters, ignoring case, dashes and a leading {@code [}, are {@code
   * prompt4j}. It may say yes for a name that is not one (the binder decides), never no for one that is.
   */
  static boolean mayHoldKeys(String[] names) {
    for (String name : names) {
      int matched = 0;
      for (int i = name.startsWith("[") ? 1 : 0; i < name.length() && matched < PREFIX.length(); i++) {
        char c = name.charAt(i);
        if (c == '-') {
          continue;
        }
        if (Character.toLowerCase(c) != PREFIX.charAt(matched)) {
          break;
        }
        matched++;
      }
      if (matched == PREFIX.length()) {
        return true;
      }
    }
    return false;
  }

  /** {@code keys} plus each provider's API key and base URL from its usual variables, for {@code Prompt4j.builder().properties(...)}. */
  static Map<String, String> properties(Environment environment, Map<String, String> keys, Collection<ChatModelProvider> providers) {
    Map<String, String> properties = new TreeMap<>(keys);
    for (ChatModelProvider provider : providers) {
      String prefix = "prompt4j.providers." + provider.name() + ".";
      fromVariables(environment, properties, prefix + "api-key", provider.apiKeyVariables());
      fromVariables(environment, properties, prefix + "base-url", provider.baseUrlVariables());
    }
    return properties;
  }

  private static void fromVariables(Environment environment, Map<String, String> properties, String key, List<String> variables) {
    if (properties.containsKey(key)) {
      return;
    }
    for (String variable : variables) {
      String value = environment.getProperty(variable);
      if (value != null && !value.isBlank()) {
        properties.put(key, value);
        return;
      }
    }
  }

  /** The first {@code prompt4j.*} key a message names, or {@code null}. */
  static String keyIn(String message) {
    Matcher matcher = Pattern.compile(KEY).matcher(message == null ? "" : message);
    return matcher.find() ? matcher.group() : null;
  }

  /** Where {@code key} is set in {@code environment} (file and line, when Spring knows them), or {@code null}. */
  static Origin origin(Environment environment, String key) {
    if (key == null || !ConfigurationPropertyName.isValid(key.toLowerCase(java.util.Locale.ROOT))) {
      return null;
    }
    ConfigurationPropertyName name = ConfigurationPropertyName.adapt(key, '.');
    for (ConfigurationPropertySource source : ConfigurationPropertySources.get(environment)) {
      ConfigurationProperty property = source.getConfigurationProperty(name);
      if (property != null) {
        return property.getOrigin();
      }
    }
    return null;
  }
}
