package dev.prompt4j.internal.output;

/**
 * Clinger's fast path for reading a decimal: a whole number of at most 15 significant digits is an exact
 * {@code double}, so is a power of ten up to 10<sup>22</sup>, and one product or quotient of two exact
 * doubles is correctly rounded. Such a number is then the same double {@link Double#parseDouble} gives,
 * computed with one operation. Shared by the tool-argument scanner and the streaming lexer.
 */
public final class ExactDecimal {
  /** Powers of ten a double holds exactly. */
  private static final double[] POWERS = {1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
      1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

  private ExactDecimal() {}

  /**
   * {@code digits × 10^power}, correctly rounded, or {@code NaN} when the power of ten is not exact (the
   * caller then parses the text).
   *
   * @param digits the significant digits as a whole number, at most 15 of them (the caller checks)
   * @param power the power of ten
   * @return the value, or {@code NaN}
   */
  public static double scaled(long digits, int power) {
    if (power >= 0) {
      return power < POWERS.length ? digits * POWERS[power] : Double.NaN;
    }
    return -power < POWERS.length ? digits / POWERS[-power] : Double.NaN;
  }
}
