package dev.prompt4j.provider;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * How to reach one provider: key, base URL, timeout, retry budget and any provider-specific options
 * ({@link ChatModelProvider#optionKeys()}). The key is a secret: {@link #toString()} never shows it,
 * and option values are not shown either (only their names).
 *
 * <p>Prompt4j fills it from {@code prompt4j.providers.<name>.api-key|base-url|timeout|max-retries}
 * (system properties, then environment, then {@code prompt4j.properties}), with the provider's usual
 * environment variables ({@link ChatModelProvider#apiKeyVariables()}, {@link
 * ChatModelProvider#baseUrlVariables()}) used where no such key is set.
 *
 * <pre>{@code
 * public ChatModel create(String model, ProviderSettings settings) {
 *   String key = settings.requireApiKey("MY_API_KEY");
 *   return MyChatModel.builder().apiKey(key).baseUrl(settings.baseUrl()).modelName(model).build();
 * }
 * }</pre>
 *
 * @param provider provider name
 * @param apiKey the key, or {@code null} when none is configured
 * @param baseUrl the base URL, or {@code null} for the provider's default
 * @param timeout request timeout, or {@code null} for the default
 * @param maxRetries retries after a failed request (429, 5xx, time-out), or {@code null} for the default
 * @param options provider-specific settings by option name (for example the offline provider's
 *     {@code script}); never {@code null}
 */
public record ProviderSettings(
    String provider, String apiKey, String baseUrl, Duration timeout, Integer maxRetries, Map<String, String> options) {

  /**
   * Settings of one provider; {@code null} options mean none.
   *
   * @param provider provider name
   * @param apiKey the key, or {@code null} when none is configured
   * @param baseUrl the base URL, or {@code null} for the provider's default
   * @param timeout request timeout, or {@code null} for the default
   * @param maxRetries retries after a failed request (429, 5xx, time-out), or {@code null} for the default
   * @param options provider-specific settings by option name (for example the offline provider's {@code script}); never {@code null}
   */
  public ProviderSettings {
    Objects.requireNonNull(provider, "provider");
    options = options == null ? Map.of() : Map.copyOf(options);
  }

  /**
   * Settings without provider-specific options.
   *
   * @param provider the provider
   * @param apiKey the api key
   * @param baseUrl the base url
   * @param timeout the timeout
   * @param maxRetries the max retries
   */
  public ProviderSettings(String provider, String apiKey, String baseUrl, Duration timeout, Integer maxRetries) {
    this(provider, apiKey, baseUrl, timeout, maxRetries, Map.of());
  }

  /**
   * Nothing configured.
   *
   * @param provider the provider
   * @return nothing configured
   */
  public static ProviderSettings empty(String provider) {
    return new ProviderSettings(provider, null, null, null, null, Map.of());
  }

  /**
   * The key, or an exception naming where to configure it.
   *
   * @param environmentVariable the variable(s) to name in the message, for example {@code OPENAI_API_KEY}
   * @throws dev.prompt4j.Prompt4jException when no key is configured
   * @return the key, or an exception naming where to configure it
   */
  public String requireApiKey(String environmentVariable) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new dev.prompt4j.Prompt4jException(
          "No API key for provider '" + provider + "': set the environment variable " + environmentVariable
              + " or the property prompt4j.providers." + provider + ".api-key");
    }
    for (int i = 0; i < apiKey.length(); i++) {
      char c = apiKey.charAt(i);
      if (c < 0x21 || c > 0x7e) {
        // Never quote the key: say where it is wrong, not what it is.
        throw new dev.prompt4j.Prompt4jException("The API key of provider '" + provider + "' has a space, line break or"
            + " non-ASCII character at position " + (i + 1) + " of " + apiKey.length() + "; check " + environmentVariable
            + " or prompt4j.providers." + provider + ".api-key");
      }
    }
    return apiKey;
  }

  /**
   * The option {@code name}, or {@code null}.
   *
   * @param name the name
   * @return the option {@code name}, or {@code null}
   */
  public String option(String name) {
    return options.get(name);
  }

  /**
   * A copy with this base URL.
   *
   * @param value the value
   * @return a copy with this base URL
   */
  public ProviderSettings withBaseUrl(String value) {
    return new ProviderSettings(provider, apiKey, value, timeout, maxRetries, options);
  }

  /**
   * A copy with this key.
   *
   * @param value the value
   * @return a copy with this key
   */
  public ProviderSettings withApiKey(String value) {
    return new ProviderSettings(provider, value, baseUrl, timeout, maxRetries, options);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProviderSettings s
        && provider.equals(s.provider)
        && Objects.equals(apiKey, s.apiKey)
        && Objects.equals(baseUrl, s.baseUrl)
        && Objects.equals(timeout, s.timeout)
        && Objects.equals(maxRetries, s.maxRetries)
        && options.equals(s.options);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, apiKey, baseUrl, timeout, maxRetries, options);
  }

  @Override
  public String toString() {
    return "ProviderSettings[provider=" + provider + ", apiKey=" + (apiKey == null ? "none" : "****") + ", baseUrl=" + baseUrl
        + ", timeout=" + timeout + ", maxRetries=" + maxRetries + ", options=" + new TreeMap<>(options).keySet() + "]";
  }
}
