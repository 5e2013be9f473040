package dev.prompt4j.internal.config;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Which {@code prompt4j.*} keys exist. A key's last part must name a setting; the parts before it (an
 * interface and a method) cannot be checked here, since the interface may not be loaded yet.
 */
final class KeyCatalog {
  /** Reserved for the {@code prompt4j-test} kit: {@code -Dprompt4j.test.mode=RECORD} must not fail the runtime it tests. */
  static final String TEST_KIT = "test.";

  private KeyCatalog() {}

  /**
   * What is wrong with {@code key}, or {@code null} when it is a valid key. Adds a warning instead
   * when the key may be meant for a provider that is not on the class path.
   */
  static String problem(String key, Map<String, List<String>> providerOptions, List<String> warnings, String source) {
    String rest = key.substring(Setting.PREFIX.length());
    if (rest.startsWith(TEST_KIT)) {
      return null; // the test kit's own keys (prompt4j.test.mode, ...), read by prompt4j-test, never by the runtime
    }
    if (key.startsWith(Setting.PROVIDERS)) {
      String[] parts = key.substring(Setting.PROVIDERS.length()).split("\\.", 2);
      if (parts.length < 2 || parts[0].isEmpty()) {
        return unknown(key, source, Setting.PROVIDERS + "<provider>.api-key");
      }
      List<String> options = providerOptions.get(parts[0]);
      List<String> valid = new ArrayList<>(Setting.PROVIDER_KEYS);
      if (options == null) {
        if (!valid.contains(parts[1])) {
          warnings.add("Configuration key " + key + " (" + source + ") is for provider '" + parts[0]
              + "', which is not on the class path; known providers: " + providerOptions.keySet());
        }
        return null;
      }
      valid.addAll(options);
      return valid.contains(parts[1]) ? null : unknown(key, source, Setting.PROVIDERS + parts[0] + "." + closest(parts[1], valid));
    }
    if (key.startsWith(Setting.PRICES)) {
      String model = key.substring(Setting.PRICES.length());
      int dot = model.indexOf('.');
      return dot > 0 && dot < model.length() - 1 ? null
          : unknown(key, source, Setting.PRICES + "<provider>.<model> (such as " + Setting.PRICES + "openai.gpt-4o-mini)");
    }
    for (Setting<?> setting : Setting.GLOBAL_SETTINGS) {
      if (rest.equals(setting.name())) {
        return null;
      }
    }
    if (rest.startsWith("retry.") || rest.startsWith("executor.") || rest.startsWith("log.")) {
      List<String> valid = Setting.GLOBAL_SETTINGS.stream().map(Setting::name).toList();
      return unknown(key, source, Setting.PREFIX + closest(rest, valid));
    }
    int dot = rest.lastIndexOf('.');
    String last = rest.substring(dot + 1);
    List<String> names = new ArrayList<>();
    for (Setting<?> setting : Setting.METHOD_SETTINGS) {
      if (setting.names().contains(last)) {
        return null;
      }
      names.addAll(setting.names());
    }
    return unknown(key, source, key.substring(0, key.length() - last.length()) + closest(last, names));
  }

  /** The setting a valid key sets, for checking its value; {@code null} for provider options and keys. */
  static Setting<?> setting(String key) {
    if (key.startsWith(Setting.PROVIDERS)) {
      String option = key.substring(key.lastIndexOf('.') + 1);
      return option.equals("timeout") ? Setting.PROVIDER_TIMEOUT : option.equals("max-retries") ? Setting.MAX_RETRIES : null;
    }
    String rest = key.substring(Setting.PREFIX.length());
    for (Setting<?> setting : Setting.GLOBAL_SETTINGS) {
      if (rest.equals(setting.name())) {
        return setting;
      }
    }
    String last = rest.substring(rest.lastIndexOf('.') + 1);
    for (Setting<?> setting : Setting.METHOD_SETTINGS) {
      if (setting.names().contains(last)) {
        return setting;
      }
    }
    return null;
  }

  private static String unknown(String key, String source, String suggestion) {
    return "Unknown configuration key " + key + " (" + source + "); did you mean " + suggestion
        + "? Keys are prompt4j[.<Interface>[.<method>]].<setting> with a setting among provider, model, temperature,"
        + " max-tokens, top-p, seed, stop, fallbacks, timeout, chain-timeout, max-attempts, output-mode; or"
        + " prompt4j.providers.<provider>.api-key|base-url|timeout|max-retries|type|model; or prompt4j.retry.initial-delay|max-delay;"
        + " or prompt4j.listeners, prompt4j.log.content, prompt4j.prices.<provider>.<model>.";
  }

  /** Whether an environment variable {@code PROMPT4J_...} ends in the variable form of a setting. */
  static boolean knownEnvironmentName(String name, Map<String, List<String>> providerOptions) {
    for (String suffix : environmentSuffixes(providerOptions)) {
      if (name.endsWith("_" + suffix)) {
        return true;
      }
    }
    return false;
  }

  static String environmentHint(String name, Map<String, List<String>> providerOptions) {
    String last = name.substring(name.lastIndexOf('_') + 1);
    return "; a setting's variable ends in one of " + environmentSuffixes(providerOptions).stream().filter(s -> !s.contains("_") || s.endsWith(last)).limit(12).toList();
  }

  private static List<String> environmentSuffixes(Map<String, List<String>> providerOptions) {
    List<String> suffixes = new ArrayList<>();
    for (Setting<?> setting : Setting.METHOD_SETTINGS) {
      setting.names().forEach(n -> suffixes.add(Configuration.environmentName(n)));
    }
    for (Setting<?> setting : Setting.GLOBAL_SETTINGS) {
      suffixes.add(Configuration.environmentName(setting.name()));
    }
    Setting.PROVIDER_KEYS.forEach(k -> suffixes.add(Configuration.environmentName(k)));
    providerOptions.values().forEach(options -> options.forEach(o -> suffixes.add(Configuration.environmentName(o))));
    return suffixes;
  }

  /** The candidate nearest to {@code word} by edit distance. */
  static String closest(String word, List<String> candidates) {
    String best = candidates.get(0);
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int d = distance(word.toLowerCase(java.util.Locale.ROOT), candidate.toLowerCase(java.util.Locale.ROOT));
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
