package dev.prompt4j;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.provider.ChatModelProvider;
import dev.prompt4j.provider.ProviderSettings;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

  /** Counts how often it is made: checking makes only the providers the keys need. */
  public static final class CountedProvider implements ChatModelProvider {
    static final AtomicInteger MADE = new AtomicInteger();

    /** Made by {@link java.util.ServiceLoader}. */
    public CountedProvider() {
      MADE.incrementAndGet();
    }

    @Override
    public String name() {
      return "counted";
    }

    @Override
    public List<String> optionKeys() {
      return List.of("knob");
    }

    @Override
    public ChatModel create(String model, ProviderSettings settings) {
      throw new UnsupportedOperationException("never called by a check");
    }
  }

  /** The test class path, plus a services file naming {@link CountedProvider} after the runtime's providers. */
  private static ClassLoader withCountedProvider(Path dir) throws IOException {
    Path services = dir.resolve("META-INF/services/" + ChatModelProvider.class.getName());
    Files.createDirectories(services.getParent());
    Files.writeString(services, CountedProvider.class.getName() + "\n");
    CountedProvider.MADE.set(0);
    return new URLClassLoader(new URL[] {dir.toUri().toURL()}, BuilderCheckTest.class.getClassLoader());
  }

  private static void check(ClassLoader loader, Map<String, String> properties) {
    Prompt4j.builder().classLoader(loader).properties(properties).check();
  }

  @Test
  void keysEveryProviderHasMakeNoProviderAndAnUnknownKeyIsStillRejected(@TempDir Path dir) throws IOException {
    ClassLoader loader = withCountedProvider(dir);

    assertDoesNotThrow(() -> check(loader, Map.of("prompt4j.providers.counted.api-key", "k", "prompt4j.providers.counted.timeout", "5s",
        "prompt4j.model", "m")));
    Prompt4jException e = assertThrows(Prompt4jException.class,
        () -> check(loader, Map.of("prompt4j.temprature", "0.2", "prompt4j.providers.counted.api-key", "k")));

    assertTrue(e.getMessage().contains("did you mean prompt4j.temperature?"), e.getMessage());
    assertEquals(0, CountedProvider.MADE.get(), "providers made");
  }

  @Test
  void aProviderOptionIsCheckedAgainstTheProviderItNamesAlone(@TempDir Path dir) throws IOException {
    ClassLoader loader = withCountedProvider(dir);

    Prompt4jException e = assertThrows(Prompt4jException.class, () -> check(loader, Map.of("prompt4j.providers.counted.knb", "1")));
    assertTrue(e.getMessage().contains("did you mean prompt4j.providers.counted.knob?"), e.getMessage());
    assertDoesNotThrow(() -> check(loader, Map.of("prompt4j.providers.counted.knob", "1")));
    assertEquals(2, CountedProvider.MADE.get(), "one provider made per check");

    // openai comes first on the class path: found there, the later provider is not made
    CountedProvider.MADE.set(0);
    assertDoesNotThrow(() -> check(loader, Map.of("prompt4j.providers.openai.max-response-bytes", "1024")));
    assertEquals(0, CountedProvider.MADE.get(), "providers made after openai");
  }

  @Test
  void anInstanceTypeNamingNoProviderListsEveryProvider(@TempDir Path dir) throws IOException {
    ClassLoader loader = withCountedProvider(dir);

    Prompt4jException e = assertThrows(Prompt4jException.class, () -> check(loader, Map.of("prompt4j.providers.work.type", "nosuch")));

    assertTrue(e.getMessage().contains("nosuch") && e.getMessage().contains("counted") && e.getMessage().contains("openai"), e.getMessage());
  }
}
