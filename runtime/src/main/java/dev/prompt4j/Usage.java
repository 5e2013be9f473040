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
 */
public record Usage(long inputTokens, long outputTokens, long totalTokens) {
  /** No tokens. */
  public static final Usage ZERO = new Usage(0, 0, 0);

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
    return new Usage(inputTokens + other.inputTokens, outputTokens + other.outputTokens, totalTokens + other.totalTokens);
  }
}
