package dev.prompt4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.prompt4j.ProviderException;
import dev.prompt4j.spring.boot.autoconfigure.prompts.Greeter;
import dev.prompt4j.spring.boot.autoconfigure.prompts.Narrator;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistry;
import io.micrometer.observation.tck.TestObservationRegistryAssert;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The GenAI metrics through Micrometer's Observation API, with a test registry and with meters. */
class Prompt4jObservationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(Prompt4jAutoConfiguration.class, Prompt4jObservationAutoConfiguration.class))
      .withPropertyValues("prompt4j.providers.offline.script=offline/greeter.json", "prompt4j.Narrator.provider=offline");

  @Configuration(proxyBeanMethods = false)
  static class Registries {
    @Bean
    TestObservationRegistry observationRegistry() {
      return TestObservationRegistry.create();
    }

    @Bean
    SimpleMeterRegistry meterRegistry() {
      return new SimpleMeterRegistry();
    }
  }

  @Test
  void eachModelRequestIsAnObservationWithTheGenAiKeys() {
    runner.withUserConfiguration(Registries.class).run(context -> {
      context.getBean(Greeter.class).greet("Ada");

      TestObservationRegistryAssert.assertThat(context.getBean(TestObservationRegistry.class))
          .hasNumberOfObservationsWithNameEqualTo(PromptObservationContext.NAME, 1)
          .hasObservationWithNameEqualTo(PromptObservationContext.NAME).that()
          .hasContextualNameEqualTo("chat scripted")
          .hasLowCardinalityKeyValue("gen_ai.operation.name", "chat")
          .hasLowCardinalityKeyValue("gen_ai.provider.name", "offline")
          .hasLowCardinalityKeyValue("gen_ai.request.model", "scripted")
          .hasLowCardinalityKeyValue("error.type", "none")
          .hasHighCardinalityKeyValue("prompt4j.method", "Greeter.greet")
          .hasBeenStarted().hasBeenStopped();
    });
  }

  @Test
  void durationTokenUsageAndTimeToFirstChunkAreMetersWithTheSameKeys() {
    runner.withUserConfiguration(Registries.class).run(context -> {
      SimpleMeterRegistry meters = context.getBean(SimpleMeterRegistry.class);
      context.getBean(ObservationRegistry.class).observationConfig() // what Spring Boot's observation auto-configuration does
          .observationHandler(new DefaultMeterObservationHandler(meters))
          .observationHandler(context.getBean(TokenUsageMeterHandler.class));

      context.getBean(Greeter.class).greet("Ada");
      assertThat(context.getBean(Narrator.class).tell("a fox").text().toList()).isNotEmpty();

      Timer greet = meters.get(PromptObservationContext.NAME).tag("gen_ai.request.model", "scripted").timer();
      assertThat(greet.count()).isEqualTo(1);
      assertThat(greet.getId().getTag("gen_ai.provider.name")).isEqualTo("offline");
      DistributionSummary input = meters.get("gen_ai.client.token.usage").tag("gen_ai.request.model", "scripted")
          .tag("gen_ai.token.type", "input").summary();
      DistributionSummary output = meters.get("gen_ai.client.token.usage").tag("gen_ai.request.model", "scripted")
          .tag("gen_ai.token.type", "output").summary();
      assertThat(input.totalAmount()).isEqualTo(4); // "Say hello to Ada": the offline model counts words
      assertThat(output.totalAmount()).isEqualTo(2); // "Hello, Ada!"
      assertThat(input.getId().getBaseUnit()).isEqualTo("{token}");

      assertThat(meters.find("gen_ai.client.operation.time_to_first_chunk").tag("gen_ai.request.model", "scripted").timer())
          .as("no first chunk for a call that is not streamed").isNull();
      Timer firstChunk = meters.get("gen_ai.client.operation.time_to_first_chunk").tag("gen_ai.request.model", "gemini-2.0-flash").timer();
      assertThat(firstChunk.count()).isEqualTo(1);
      assertThat(firstChunk.getId().getTag("gen_ai.provider.name")).isEqualTo("offline");
    });
  }

  @Test
  void aFailedRequestNamesItsErrorType() {
    runner.withUserConfiguration(Registries.class, FailingModel.class).withPropertyValues("prompt4j.providers.offline.max-retries=0")
        .run(context -> {
          SimpleMeterRegistry meters = context.getBean(SimpleMeterRegistry.class);
          context.getBean(ObservationRegistry.class).observationConfig().observationHandler(new DefaultMeterObservationHandler(meters))
              .observationHandler(context.getBean(TokenUsageMeterHandler.class));

          org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.getBean(Greeter.class).greet("Ada"))
              .isInstanceOf(ProviderException.class);

          Timer failed = meters.get(PromptObservationContext.NAME).tag("error.type", IllegalStateException.class.getName()).timer();
          assertThat(failed.count()).isPositive();
          assertThat(meters.find("gen_ai.client.token.usage").summaries()).isEmpty();
        });
  }

  @Test
  void withoutAnObservationRegistryThereIsNoListener() {
    runner.run(context -> assertThat(context).doesNotHaveBean(PromptObservationListener.class).doesNotHaveBean(TokenUsageMeterHandler.class));
  }

  @Configuration(proxyBeanMethods = false)
  static class FailingModel {
    @Bean
    ChatModel chatModel() {
      return new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
          throw new IllegalStateException("the model is down");
        }
      };
    }
  }
}
