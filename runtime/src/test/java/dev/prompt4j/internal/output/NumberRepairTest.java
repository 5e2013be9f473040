package dev.prompt4j.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** A number in prose is read only when it is unambiguous: commas count as thousands separators, nothing else. */
class NumberRepairTest {

  @Test
  void thousandsSeparatorsAndPlainNumbersAreRead() {
    assertEquals(new BigDecimal("1234"), SchemaCheck.numberIn("1,234"));
    assertEquals(new BigDecimal("1234567.5"), SchemaCheck.numberIn("about 1,234,567.5 items"));
    assertEquals(new BigDecimal("42"), SchemaCheck.numberIn("The answer is 42."));
    assertEquals(new BigDecimal("42"), SchemaCheck.numberIn("42, definitely 42"));
  }

  @Test
  void decimalCommasAndListsAreAmbiguousNotSilentlyJoined() {
    assertNull(SchemaCheck.numberIn("3,5"), "a decimal comma is not 35");
    assertNull(SchemaCheck.numberIn("5,5"));
    assertNull(SchemaCheck.numberIn("1,2,3"), "a list is not 123");
    assertNull(SchemaCheck.numberIn("1,23"));
    assertNull(SchemaCheck.numberIn("between 4 and 5"));
  }
}
