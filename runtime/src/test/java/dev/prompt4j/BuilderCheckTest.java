package dev.prompt4j;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Prompt4j.Builder#check()}: what {@code build()} rejects, without building a runtime. */
class BuilderCheckTest {
  private static Prompt4jException rejected(Map<String, String> properties) {
    return assertThrows(Prompt4jException.class, () -> Prompt4j.builder().properties(properties).check());
  }

  @Test
  void anUnknownKeyIsRejectedWithTheKeyItMeant() {
    Prompt4jException e = rejected(Map.of("prompt4j.Faqs.write.temprature", "0.2"));
    assertTrue(e.getMessage().contains("Unknown configuration key prompt4j.Faqs.write.temprature"), e.getMessage());
    assertTrue(e.getMessage().contains("did you mean prompt4j.Faqs.write.temperature?"), e.getMessage());
  }

  @Test
  void aValueItsSettingCannotReadIsRejected() {
    Prompt4jException e = rejected(Map.of("prompt4j.max-attempts", "many"));
    assertTrue(e.getMessage().contains("prompt4j.max-attempts") && e.getMessage().contains("'many'"), e.getMessage());
  }

  @Test
  void theJvmWideExecutorKeysAreRejectedAsBuildRejectsThem() {
    Prompt4jException e = rejected(Map.of("prompt4j.executor.threads", "4"));
    assertTrue(e.getMessage().contains("JVM-wide default executor"), e.getMessage());
  }

  @Test
  void providerOptionsAndNamedInstancesAreKnownKeys() {
    Map<String, String> valid = Map.of("prompt4j.provider", "work", "prompt4j.providers.work.type", "openai",
        "prompt4j.providers.work.base-url", "http://127.0.0.1:1/v1", "prompt4j.Faqs.write.temperature", "0.2");
    assertDoesNotThrow(() -> Prompt4j.builder().properties(valid).check());
    Prompt4jException e = rejected(Map.of("prompt4j.providers.work.type", "nosuchprovider"));
    assertTrue(e.getMessage().contains("nosuchprovider"), e.getMessage());
  }
}
