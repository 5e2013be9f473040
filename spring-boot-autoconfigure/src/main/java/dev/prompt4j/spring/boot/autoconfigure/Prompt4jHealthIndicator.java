package dev.prompt4j.spring.boot.autoconfigure;

import java.util.SortedSet;
import java.util.TreeSet;
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
  private final boolean applicationClient;

  Prompt4jHealthIndicator(Prompt4jSettings settings, PromptCallRecorder recorder, boolean applicationClient) {
    super("Prompt4j health check failed");
    this.settings = settings;
    this.recorder = recorder;
    this.applicationClient = applicationClient;
  }

  @Override
  protected void doHealthCheck(Health.Builder builder) {
    if (applicationClient) {
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
