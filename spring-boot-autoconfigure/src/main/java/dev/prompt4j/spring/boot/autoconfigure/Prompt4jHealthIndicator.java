package dev.prompt4j.spring.boot.autoconfigure;

import dev.langchain4j.model.chat.ChatModel;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Down when a provider that configuration chooses, or that a call used, cannot work: no such
 * provider, or no API key for one that needs it. Found from configuration alone: no model is
 * called. Up, with a note, when the application's own {@code ChatModel} answers every call.
 */
public final class Prompt4jHealthIndicator extends AbstractHealthIndicator {
  private final Prompt4jSettings settings;
  private final PromptCallRecorder recorder;
  private final ObjectProvider<ChatModel> chatModels;

  /**
   * @param chatModels the application's langchain4j clients: looked up at each check, not at start-up
   *     (finding the beans of a type the context has not looked up yet goes over every bean definition)
   */
  Prompt4jHealthIndicator(Prompt4jSettings settings, PromptCallRecorder recorder, ObjectProvider<ChatModel> chatModels) {
    super("Prompt4j health check failed");
    this.settings = settings;
    this.recorder = recorder;
    this.chatModels = chatModels;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    if (chatModels.getIfUnique() != null) {
      builder.up().withDetail("client", "the application's ChatModel bean answers every call");
      return;
    }
    SortedSet<String> providers = new TreeSet<>(settings.configuredProviders());
    recorder.latest().values().forEach(call -> providers.add(call.provider()));
    builder.up();
    for (String provider : providers) {
      String problem = settings.problem(provider);
      builder.withDetail(provider, problem == null ? "configured" : problem);
      if (problem != null) {
        builder.down();
      }
    }
  }
}
