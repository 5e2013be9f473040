package dev.prompt4j.examples;

import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Response;
import dev.prompt4j.provider.OfflineModel;
import java.time.Duration;
import java.util.List;

/**
 * Where an example gets its prompt instances: live, as configured (the {@code @Call} annotations,
 * system properties, environment, {@code prompt4j.properties}), or offline, answered by a scripted
 * {@link OfflineModel} read from a JSON script on the class path ({@code offline/*.json}, next to the
 * examples).
 *
 * <p>Offline, every instance is {@code Prompt4j.override(instance).provider("offline").client(model)}:
 * the generated code, templates, computed fields, parsing and validation all run as they do live;
 * only the answers come from the script. Each offline request waits a little (as a network call
 * would) so that the traces show which calls overlapped.
 */
public final class Env {
  private final OfflineModel offline;
  private final ChatModel client;

  private Env(OfflineModel offline, Duration latency) {
    this.offline = offline;
    this.client = offline == null ? null : new Delayed(offline, latency);
  }

  /** Live: providers, models and keys as configured. */
  public static Env live() {
    return new Env(null, Duration.ZERO);
  }

  /** Offline on the script {@code resource} (for example {@code offline/chaining.json}), 40 ms per call. */
  public static Env offline(String resource) {
    return offline(OfflineModel.fromResource(resource), Duration.ofMillis(40));
  }

  /** Offline on {@code model}, each request taking {@code latency}. */
  public static Env offline(OfflineModel model, Duration latency) {
    return new Env(model, latency);
  }

  /** A prompt instance of {@code type}, live or on the offline script. */
  public <T> T create(Class<T> type) {
    T instance = Prompt4j.create(type);
    return offline == null ? instance : Prompt4j.override(instance).provider("offline").client(client).build();
  }

  /** Whether answers come from a script. */
  public boolean isOffline() {
    return offline != null;
  }

  /** Every request the offline model received (empty when live). */
  public List<OfflineModel.Request> requests() {
    return offline == null ? List.of() : offline.requests();
  }

  /** The requests for {@code method} ({@code "Interface.method"}); empty when live. */
  public List<OfflineModel.Request> requests(String method) {
    return offline == null ? List.of() : offline.requests(method);
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

  /** A model that answers like {@code delegate}, after {@code latency}. */
  private record Delayed(ChatModel delegate, Duration latency) implements ChatModel {
    @Override
    public ChatResponse doChat(ChatRequest request) {
      try {
        Thread.sleep(latency.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
      return delegate.chat(request);
    }

    @Override
    public ModelProvider provider() {
      return ModelProvider.OTHER;
    }
  }
}
