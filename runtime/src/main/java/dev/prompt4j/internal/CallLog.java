package dev.prompt4j.internal;

import dev.prompt4j.ChatMessages;
import dev.prompt4j.Response;
import java.util.Locale;

/**
 * One line per prompt call at DEBUG, through {@link System.Logger}: method, model, attempts,
 * tokens, cost and latency, or the failure. Messages and answers only with {@code
 * prompt4j.log.content=true}; a secret is never in either.
 *
 * <p>Why {@code System.Logger}: it is in the JDK, so the runtime adds no logging dependency, and it
 * reaches whatever the application logs with (java.util.logging by default; SLF4J or Log4j through
 * their {@code System.LoggerFinder} bridges, {@code slf4j-jdk-platform-logging} and {@code
 * log4j-jpl}). The logger is named {@code dev.prompt4j.calls}.
 */
final class CallLog {
  private static final System.Logger LOG = System.getLogger("dev.prompt4j.calls");

  private final boolean content;

  CallLog(boolean content) {
    this.content = content;
  }

  void finished(PromptMethod<?> method, Response<?> response, Throwable failure, long startNanos) {
    if (!LOG.isLoggable(System.Logger.Level.DEBUG)) {
      return;
    }
    LOG.log(System.Logger.Level.DEBUG, line(method.qualifiedName(), response, failure, System.nanoTime() - startNanos));
  }

  String line(String method, Response<?> response, Throwable failure, long nanos) {
    StringBuilder line = new StringBuilder(method);
    if (response == null) {
      line.append(" failed after ").append(millis(nanos)).append(" ms: ").append(failure == null ? "?" : failure.getClass().getSimpleName());
      if (content && failure != null) {
        line.append(": ").append(failure.getMessage());
      }
      return line.toString();
    }
    line.append(" -> ").append(response.provider()).append(':').append(response.model())
        .append(" in ").append(millis(response.latency() == null ? nanos : response.latency().toNanos())).append(" ms")
        .append(", attempts ").append(response.attempts())
        .append(", tokens ").append(response.usage().inputTokens()).append(" in / ").append(response.usage().outputTokens()).append(" out")
        .append(", cost ").append(response.cost());
    if (!response.calls().isEmpty()) {
      line.append(", nested calls ").append(response.calls().size()).append(" (total cost ").append(response.totalCost()).append(')');
    }
    if (content) {
      line.append(", messages ");
      response.messages().forEach(m -> line.append('[').append(ChatMessages.role(m)).append("] ").append(ChatMessages.text(m)).append(' '));
      line.append(", answer ").append(response.rawText());
    }
    return line.toString();
  }

  private static String millis(long nanos) {
    return String.format(Locale.ROOT, "%.1f", nanos / 1_000_000.0);
  }
}
