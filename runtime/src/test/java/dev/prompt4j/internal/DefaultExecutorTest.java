package dev.prompt4j.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.prompt4j.Prompt4jException;
import org.junit.jupiter.api.Test;

/** The Java 17 pool's size setting: a clear error for a bad value, every time it is read. */
class DefaultExecutorTest {

  private static int withThreads(String value) {
    String previous = System.getProperty("prompt4j.executor.threads");
    try {
      if (value == null) {
        System.clearProperty("prompt4j.executor.threads");
      } else {
        System.setProperty("prompt4j.executor.threads", value);
      }
      return DefaultExecutor.poolSize();
    } finally {
      if (previous == null) {
        System.clearProperty("prompt4j.executor.threads");
      } else {
        System.setProperty("prompt4j.executor.threads", previous);
      }
    }
  }

  @Test
  void sizes() {
    assertEquals(DefaultExecutor.DEFAULT_POOL_SIZE, withThreads(null));
    assertEquals(32, withThreads(" 32 "));
  }

  @Test
  void badSizesNameTheSetting() {
    for (String bad : new String[] {"0", "-4", "many"}) {
      Prompt4jException e = assertThrows(Prompt4jException.class, () -> withThreads(bad));
      assertTrue(e.getMessage().contains("prompt4j.executor.threads") && e.getMessage().contains("'" + bad + "'"), e.getMessage());
    }
  }
}
