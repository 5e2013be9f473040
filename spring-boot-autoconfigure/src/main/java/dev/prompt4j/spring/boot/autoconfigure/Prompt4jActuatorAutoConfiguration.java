package dev.prompt4j.spring.boot.autoconfigure;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.PromptRuntime;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With Spring Boot's actuator on the class path: the {@code prompt4j} endpoint ({@link
 * Prompt4jEndpoint}) and the {@code prompt4j} health indicator ({@link Prompt4jHealthIndicator}).
 */
@AutoConfiguration(after = Prompt4jAutoConfiguration.class)
@ConditionalOnClass(Endpoint.class)
@ConditionalOnBean(Prompt4jSettings.class)
public class Prompt4jActuatorAutoConfiguration {
  /** Made by Spring. */
  public Prompt4jActuatorAutoConfiguration() {}

  /**
   * Remembers each method's latest call.
   *
   * @return the listener
   */
  @Bean
  @ConditionalOnMissingBean
  public PromptCallRecorder prompt4jCallRecorder() {
    return new PromptCallRecorder();
  }

  /**
   * The endpoint.
   *
   * @param beans the application's beans
   * @param settings the keys
   * @param recorder the latest calls
   * @param runtime describes what each method calls
   * @return the endpoint
   */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnAvailableEndpoint
  public Prompt4jEndpoint prompt4jEndpoint(ListableBeanFactory beans, Prompt4jSettings settings, PromptCallRecorder recorder,
      PromptRuntime runtime) {
    return new Prompt4jEndpoint(beans, settings, recorder, runtime);
  }

  /** The health indicator, with Spring Boot's health module. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass(HealthIndicator.class)
  @ConditionalOnEnabledHealthIndicator("prompt4j")
  static class Health {
    @Bean
    @ConditionalOnMissingBean(name = "prompt4jHealthIndicator")
    Prompt4jHealthIndicator prompt4jHealthIndicator(Prompt4jSettings settings, PromptCallRecorder recorder, ObjectProvider<ChatModel> chatModels) {
      return new Prompt4jHealthIndicator(settings, recorder, chatModels);
    }
  }
}
