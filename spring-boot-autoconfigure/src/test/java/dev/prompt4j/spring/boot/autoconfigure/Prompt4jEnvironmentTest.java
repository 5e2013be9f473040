package dev.prompt4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * {@link Prompt4jEnvironment#keys}: binds from the property sources that may hold a key what Spring's
 * binder binds from the whole environment.
 */
class Prompt4jEnvironmentTest {
  /** What binding the whole environment gives: the reading {@code keys} must match. */
  private static Map<String, String> boundFromEverySource(StandardEnvironment environment) {
    Map<String, String> keys = new TreeMap<>();
    Binder.get(environment).bind("prompt4j", Bindable.mapOf(String.class, String.class)).orElse(Map.of())
        .forEach((key, value) -> keys.put("prompt4j." + key, value));
    return keys;
  }

  @Test
  void everySpellingPrecedenceAndPlaceholderBindsAsFromTheWholeEnvironment() {
    StandardEnvironment environment = new StandardEnvironment();
    var sources = environment.getPropertySources();
    sources.addFirst(new MapPropertySource("profile", Map.of("prompt4j.model", "from-the-profile", "Prompt4j.Greeter.maxTokens", "77")));
    sources.addLast(new MapPropertySource("application", Map.of("prompt4j.model", "overridden", "prompt4j.Greeter.greet.model", "${greeting.model}",
        "[prompt4j].timeout", "5s", "prompt-4j.seed", "7")));
    sources.replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, new SystemEnvironmentPropertySource(
        StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, Map.of("PROMPT4J_TEMPERATURE", "0.3", "PROMPT4J_PROVIDERS_WORK_TYPE", "offline",
        "HOME", "/home/someone")));
    sources.addLast(new MapPropertySource("placeholders only", Map.of("greeting.model", "from-a-placeholder")));
    ConfigurationPropertySources.attach(environment);

    Map<String, String> keys = Prompt4jEnvironment.keys(environment);

    assertThat(keys).isEqualTo(boundFromEverySource(environment))
        .containsEntry("prompt4j.model", "from-the-profile")
        .containsEntry("prompt4j.Greeter.greet.model", "from-a-placeholder")
        .containsEntry("prompt4j.temperature", "0.3")
        .containsEntry("prompt4j.seed", "7")
        .containsEntry("prompt4j.Greeter.maxTokens", "77");
  }

  @Test
  void aSourceIsPassedOverOnlyWhenNoneOfItsNamesCanBeAKey() {
    assertThat(Prompt4jEnvironment.mayHoldKeys(new String[] {"HOME", "PROMPT4J_MODEL"})).isTrue();
    assertThat(Prompt4jEnvironment.mayHoldKeys(new String[] {"[Prompt-4J].model"})).isTrue();
    assertThat(Prompt4jEnvironment.mayHoldKeys(new String[] {"prompt4"})).isFalse();
    assertThat(Prompt4jEnvironment.mayHoldKeys(new String[] {"java.home", "greeting.model", "prompt.4j"})).isFalse();
  }
}
