package dev.prompt4j.provider;

import java.time.Duration;
import java.util.Objects;

/**
 * How to reach one provider: key, base URL, timeout and retry budget. The key is a secret: {@link
 * #toString()} never shows it.
 *
 * @param provider provider name
 * @param apiKey the key, or {@code null} when none is configured
 * @param baseUrl the base URL, or {@code null} for the provider's default
 * @param timeout request timeout, or {@code null} for the default
 * @param maxRetries retries after a failed request (429, 5xx, time-out), or {@code null} for the default
 */
public record ProviderSettings(String provider, String apiKey, String baseUrl, Duration timeout, Integer maxRetries) {

  /** Nothing configured. */
  public static ProviderSettings empty(String provider) {
    return new ProviderSettings(provider, null, null, null, null);
  }

  /** The key, or an exception naming where to configure it. */
  public String requireApiKey(String environmentVariable) {
    if (apiKey == null || apiKey.isBlank()) {
      throw new dev.prompt4j.Prompt4jException(
          "No API key for provider '" + provider + "': set the environment variable " + environmentVariable
              + " or the property prompt4j.providers." + provider + ".api-key");
    }
    return apiKey;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ProviderSettings s
        && provider.equals(s.provider)
        && Objects.equals(apiKey, s.apiKey)
        && Objects.equals(baseUrl, s.baseUrl)
        && Objects.equals(timeout, s.timeout)
        && Objects.equals(maxRetries, s.maxRetries);
  }

  @Override
  public int hashCode() {
    return Objects.hash(provider, apiKey, baseUrl, timeout, maxRetries);
  }

  @Override
  public String toString() {
    return "ProviderSettings[provider=" + provider + ", apiKey=" + (apiKey == null ? "none" : "****") + ", baseUrl=" + baseUrl
        + ", timeout=" + timeout + ", maxRetries=" + maxRetries + "]";
  }
}
