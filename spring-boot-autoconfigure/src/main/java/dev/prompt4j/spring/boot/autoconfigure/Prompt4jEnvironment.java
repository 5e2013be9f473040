package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.provider.ChatModelProvider;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationProperty;
import org.springframework.boot.context.properties.source.ConfigurationPropertyName;
import org.springframework.boot.context.properties.source.ConfigurationPropertySource;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.core.env.Environment;

/**
 * Reads Prompt4j's keys from the Spring {@link Environment}: everything under {@code prompt4j.}, with
 * Spring's relaxed binding, profiles and {@code ${...}} placeholders, plus each provider's usual
 * environment variables ({@code OPENAI_API_KEY}, ...) for a key or base URL the application did not
 * set, since a runtime built from properties reads no environment of its own.
 */
final class Prompt4jEnvironment {
  /** A key in a message; compiled when a message is read (a rejected configuration), not at start-up. */
  private static final String KEY = "prompt4j\\.[A-Za-z0-9_.\\-\\[\\]]*[A-Za-z0-9_\\]]";

  private Prompt4jEnvironment() {}

  /** The {@code prompt4j.*} keys and values the application sets. */
  static Map<String, String> keys(Environment environment) {
    Map<String, String> bound = Binder.get(environment).bind("prompt4j", Bindable.mapOf(String.class, String.class)).orElse(Map.of());
    Map<String, String> keys = new TreeMap<>();
    for (Map.Entry<String, String> key : bound.entrySet()) { // no lambda: read at start-up
      keys.put("prompt4j." + key.getKey(), key.getValue());
    }
    return keys;
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
