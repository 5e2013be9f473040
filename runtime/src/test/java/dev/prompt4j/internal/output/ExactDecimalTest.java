package dev.prompt4j.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class ExactDecimalTest {

  @Test
  void digitsTimesAnExactPowerOfTenIsWhatParseDoubleGives() {
    SplittableRandom random = new SplittableRandom(19);
    for (int i = 0; i < 100_000; i++) {
      long digits = random.nextLong(1_000_000_000_000_000L); // at most 15 digits
      int power = random.nextInt(-22, 23);
      String text = digits + "e" + power;
      assertEquals(Double.doubleToLongBits(Double.parseDouble(text)), Double.doubleToLongBits(ExactDecimal.scaled(digits, power)), text);
    }
  }

  @Test
  void aPowerOfTenNoDoubleHoldsExactlyIsLeftToTheCaller() {
    assertTrue(Double.isNaN(ExactDecimal.scaled(1, 23)));
    assertTrue(Double.isNaN(ExactDecimal.scaled(1, -23)));
    assertEquals(1e22, ExactDecimal.scaled(1, 22));
    assertEquals(0.125, ExactDecimal.scaled(125, -3));
  }
}
