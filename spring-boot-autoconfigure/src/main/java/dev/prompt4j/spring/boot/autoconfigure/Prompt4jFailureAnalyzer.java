package dev.prompt4j.spring.boot.autoconfigure;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports a start-up that failed on Prompt4j's configuration as what is wrong (the runtime's message:
 * key, value, valid values or the key meant) and what to do (fix or remove the key, where it is set).
 */
final class Prompt4jFailureAnalyzer extends AbstractFailureAnalyzer<Prompt4jConfigurationException> {
  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, Prompt4jConfigurationException cause) {
    String where = cause.origin() == null ? "" : " in " + cause.origin();
    String action = cause.key() == null
        ? "Fix Prompt4j's configuration (prompt4j.* in application.yml or .properties) as the description says."
        : "Fix or remove " + cause.key() + where + " as the description says. The keys of your prompt interfaces are listed in"
            + " META-INF/additional-spring-configuration-metadata.json, which your IDE completes from.";
    return new FailureAnalysis("Prompt4j's configuration is not valid: " + cause.getCause().getMessage()
        + (cause.origin() == null ? "" : "\n\nThe key is set" + where + "."), action, cause);
  }
}
