package dev.prompt4j.testing;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptRuntime;
import java.util.Map;
import java.util.concurrent.Executor;

/**
 * Runtimes of the integration tests, made only through the public API: configuration from a map (no
 * system property, environment variable or {@code prompt4j.properties} leaks in), instances of the
 * classes the processor generated for the test interfaces.
 */
public final class Runtimes {
  private Runtimes() {}

  /** A runtime whose configuration is {@code properties} and nothing else. */
  public static PromptRuntime isolated(Map<String, String> properties) {
    return Prompt4j.builder().properties(properties).build();
  }

  /** An instance of {@code type} on an isolated runtime whose every call {@code client} answers. */
  public static <T> T scripted(Class<T> type, ChatModel client) {
    return scripted(type, client, Map.of());
  }

  /** As {@link #scripted(Class, ChatModel)}, with configuration. */
  public static <T> T scripted(Class<T> type, ChatModel client, Map<String, String> properties) {
    return Prompt4j.override(isolated(properties).create(type)).client(client).build();
  }

  /** As {@link #scripted(Class, ChatModel)}, computing fields and async methods on {@code executor}. */
  public static <T> T scripted(Class<T> type, ChatModel client, Executor executor) {
    return Prompt4j.override(Prompt4j.builder().properties(Map.of()).executor(executor).build().create(type)).client(client).build();
  }
}
