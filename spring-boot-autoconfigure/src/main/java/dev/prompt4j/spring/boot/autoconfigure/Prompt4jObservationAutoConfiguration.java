package dev.prompt4j.spring.boot.autoconfigure;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With an {@link ObservationRegistry} bean (Spring Boot makes one with its Micrometer modules, for
 * example through the actuator): Prompt4j's GenAI metrics as observations ({@link
 * PromptObservationListener}), and with a {@link MeterRegistry} bean the token usage and time to first
 * chunk ({@link TokenUsageMeterHandler}, an {@code ObservationHandler} bean Spring Boot adds to the
 * registry).
 */
@AutoConfiguration(afterName = {
    "org.springframework.boot.micrometer.observation.autoconfigure.ObservationAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.CompositeMeterRegistryAutoConfiguration",
    "org.springframework.boot.micrometer.metrics.autoconfigure.export.simple.SimpleMetricsExportAutoConfiguration"})
@ConditionalOnClass(ObservationRegistry.class)
public class Prompt4jObservationAutoConfiguration {
  /** Made by Spring. */
  public Prompt4jObservationAutoConfiguration() {}

  /**
   * The listener.
   *
   * @param registry the application's observation registry
   * @return the listener, added to the runtime with the application's other listeners
   */
  @Bean
  @ConditionalOnBean(ObservationRegistry.class)
  @ConditionalOnMissingBean
  public PromptObservationListener prompt4jObservationListener(ObservationRegistry registry) {
    return new PromptObservationListener(registry);
  }

  /** Token usage and time to first chunk, with Micrometer's meters. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(MeterRegistry.class)
  static class Meters {
    @Bean
    @ConditionalOnBean({ObservationRegistry.class, MeterRegistry.class})
    @ConditionalOnMissingBean
    TokenUsageMeterHandler prompt4jTokenUsageMeterHandler(MeterRegistry meters) {
      return new TokenUsageMeterHandler(meters);
    }
  }
}
