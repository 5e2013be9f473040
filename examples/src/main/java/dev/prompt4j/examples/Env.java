package dev.prompt4j.examples;

import dev.langchain4j.data.message.UserMessage;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptRuntime;
import dev.prompt4j.Response;
import dev.prompt4j.test.OfflineModel;
import java.time.Duration;
import java.util.List;

/**
 * Where an example gets its prompt instances: live, as configured (the {@code @Call} annotations,
 * system properties, environment, {@code prompt4j.properties}); offline, answered by a scripted
 * {@link OfflineModel} (from {@code prompt4j-test}) read from a JSON script on the class path ({@code
 * offline/*.json}, next to the examples); or from a runtime a test made (the test kit's, see {@link
 * #on(PromptRuntime)}).
 *
 * <p>Offline, every instance is {@code Prompt4j.override(instance).provider("offline").client(model)}:
 * the generated code, templates, computed fields, parsing and validation all run as they do live;
 * only the answers come from the script. Each offline request waits a little (as a network call
 * would) so that the traces show which calls overlapped.
 */
public final class Env {
  private final OfflineModel offline;
  private final PromptRuntime runtime;

  private Env(OfflineModel offline, PromptRuntime runtime) {
    this.offline = offline;
    this.runtime = runtime;
  }

  /** Live: providers, models and keys as configured. */
  public static Env live() {
    return new Env(null, null);
  }

  /** Offline on the script {@code resource} (for example {@code offline/chaining.json}), 40 ms per call. */
  public static Env offline(String resource) {
    return new Env(OfflineModel.fromResource(resource).withLatency(Duration.ofMillis(40)), null);
  }

  /** Instances made by {@code runtime}, for example a test's ({@code PromptTestKit.runtime()}). */
  public static Env on(PromptRuntime runtime) {
    return new Env(null, java.util.Objects.requireNonNull(runtime, "runtime"));
  }

  /** A prompt instance of {@code type}: live, on the offline script, or from the given runtime. */
  public <T> T create(Class<T> type) {
    if (runtime != null) {
      return runtime.create(type);
    }
    T instance = Prompt4j.create(type);
    return offline == null ? instance : Prompt4j.override(instance).provider("offline").client(offline).build();
  }

  /** Whether answers come from a script or a test's runtime rather than the configured providers. */
  public boolean isOffline() {
    return offline != null || runtime != null;
  }

  /** Every request the offline model received (empty when live or on a test's runtime). */
  public List<OfflineModel.Request> requests() {
    return offline == null ? List.of() : offline.requests();
  }

  /** The text of the last user message {@code response} sent. */
  public static String lastUserText(Response<?> response) {
    for (int i = response.messages().size() - 1; i >= 0; i--) {
      if (response.messages().get(i) instanceof UserMessage user) {
        return user.singleText();
      }
    }
    return "";
  }
}
