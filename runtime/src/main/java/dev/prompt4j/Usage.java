package dev.prompt4j;

/**
 * Token usage of one call, or of several added up. Counts a provider did not report are zero.
 *
 * <pre>{@code
 * Usage all = response.totalUsage();    // this call and every nested call
 * long tokens = all.inputTokens() + all.outputTokens();
 * }</pre>
 *
 * @param inputTokens tokens sent
 * @param outputTokens tokens generated
 * @param totalTokens their sum as the provider reports it
 * @param cachedInputTokens how many of the input tokens the provider read from its prompt cache (priced lower), 0 when not reported
 */
public record Usage(long inputTokens, long outputTokens, long totalTokens, long cachedInputTokens) {
  /** No tokens. */
  public static final Usage ZERO = new Usage(0, 0, 0, 0);

  /**
   * Usage with no cached input tokens.
   *
   * @param inputTokens tokens sent
   * @param outputTokens tokens generated
   * @param totalTokens their sum as the provider reports it
   */
  public Usage(long inputTokens, long outputTokens, long totalTokens) {
    this(inputTokens, outputTokens, totalTokens, 0);
  }

  /**
   * The sum of this usage and another.
   *
   * @param other another usage, or {@code null} for none
   * @return the sum
   */
  public Usage plus(Usage other) {
    if (other == null || other.equals(ZERO)) {
      return this;
    }
    if (this.equals(ZERO)) {
      return other;
    }
    return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, totalTokens + other.totalTokens,
        cachedInputTokens + other.cachedInputTokens);
  }
}
