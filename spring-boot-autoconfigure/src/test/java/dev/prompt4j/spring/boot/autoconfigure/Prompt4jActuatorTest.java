package dev.prompt4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prompt4j.spring.boot.autoconfigure.prompts.Greeter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The actuator endpoint and health indicator. */
class Prompt4jActuatorTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(Prompt4jAutoConfiguration.class, Prompt4jActuatorAutoConfiguration.class))
      .withPropertyValues("prompt4j.providers.offline.script=offline/greeter.json", "management.endpoints.jmx.exposure.include=*",
          "spring.jmx.enabled=true");

  @Test
  @SuppressWarnings("unchecked")
  void theEndpointListsInterfacesMethodsConfiguredModelsAndWhatTheLatestCallRanWith() {
    runner.withPropertyValues("prompt4j.Greeter.greet.model=configured-model").run(context -> {
      context.getBean(Greeter.class).greet("Ada");

      Map<String, Object> description = context.getBean(Prompt4jEndpoint.class).describe();

      List<Map<String, Object>> interfaces = (List<Map<String, Object>>) description.get("interfaces");
      assertThat(interfaces).extracting(i -> i.get("name"))
          .containsExactly("dev.prompt4j.spring.boot.autoconfigure.prompts.Classifier", "dev.prompt4j.spring.boot.autoconfigure.prompts.Greeter",
              "dev.prompt4j.spring.boot.autoconfigure.prompts.Narrator");
      Map<String, Object> greeter = interfaces.get(1);
      assertThat(greeter.get("beans")).isEqualTo(List.of("greeter"));
      List<Map<String, Object>> methods = (List<Map<String, Object>>) greeter.get("methods");
      assertThat(methods).extracting(m -> m.get("name")).containsExactly("greet", "greetFully", "greetLater");
      assertThat(methods.get(0).get("configuredModel")).isEqualTo("configured-model");
      PromptCallRecorder.LatestCall latest = (PromptCallRecorder.LatestCall) methods.get(0).get("latestCall");
      assertThat(latest.provider()).isEqualTo("offline");
      assertThat(latest.model()).isEqualTo("configured-model");
      assertThat(latest.promptVersion()).matches("[0-9a-f]{12}");
      assertThat(methods.get(1).get("latestCall")).isNull();
    });
  }

  @Test
  @SuppressWarnings("unchecked")
  void theEndpointDescribesWhatEachMethodCallsBeforeAnyCall() {
    runner.withPropertyValues("prompt4j.Greeter.greetFully.model=configured-model", "prompt4j.Greeter.greetLater.fallbacks=openai:gpt-4o")
        .run(context -> {
          Map<String, Object> description = context.getBean(Prompt4jEndpoint.class).describe();

          Map<String, Object> greeter = ((List<Map<String, Object>>) description.get("interfaces")).get(1);
          List<Map<String, Object>> methods = (List<Map<String, Object>>) greeter.get("methods");
          assertThat(methods).allSatisfy(method -> assertThat(method.get("latestCall")).isNull());
          assertThat(methods).extracting(m -> m.get("provider")).containsOnly("offline");
          assertThat(methods).extracting(m -> m.get("model")).containsExactly("scripted", "configured-model", "scripted"); // @Call, then configuration
          assertThat(methods.get(2).get("fallbacks")).isEqualTo(List.of("openai:gpt-4o"));
          assertThat(methods.get(0).get("configuredModel")).isNull(); // the annotation decides
          assertThat((String) methods.get(0).get("promptVersion")).matches("[0-9a-f]{12}");

          context.getBean(Greeter.class).greet("Ada");
          PromptCallRecorder.LatestCall latest = (PromptCallRecorder.LatestCall) ((List<Map<String, Object>>) ((List<Map<String, Object>>) context
              .getBean(Prompt4jEndpoint.class).describe().get("interfaces")).get(1).get("methods")).get(0).get("latestCall");
          assertThat(latest.promptVersion()).isEqualTo(methods.get(0).get("promptVersion"));
        });
  }

  @Test
  void healthIsDownNamingTheProviderAndTheMissingKeyWithoutCallingAModel() {
    runner.withPropertyValues("prompt4j.providers.work.type=openai", "prompt4j.Greeter.provider=work").run(context -> {
      Health health = context.getBean(Prompt4jHealthIndicator.class).health(true);
      assertThat(health.getStatus()).isEqualTo(Status.DOWN);
      assertThat(health.getDetails()).containsEntry("work", "no API key: set prompt4j.providers.work.api-key");
    });
  }

  @Test
  void healthIsUpWhenEveryChosenProviderIsComplete() {
    runner.withPropertyValues("prompt4j.provider=offline", "prompt4j.providers.work.type=openai",
        "prompt4j.providers.work.api-key=sk-never-shown").run(context -> {
          Health health = context.getBean(Prompt4jHealthIndicator.class).health(true);
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails()).containsEntry("offline", "configured").containsEntry("work", "configured");
          assertThat(health.toString()).doesNotContain("sk-never-shown");
        });
  }

  @Test
  void healthIsUpWithANoteWhenTheApplicationsChatModelAnswersEveryCall() {
    runner.withPropertyValues("prompt4j.providers.work.type=openai", "prompt4j.Greeter.provider=work")
        .withBean(dev.langchain4j.model.chat.ChatModel.class, () -> new dev.langchain4j.model.chat.ChatModel() {})
        .run(context -> {
          Health health = context.getBean(Prompt4jHealthIndicator.class).health(true);
          assertThat(health.getStatus()).isEqualTo(Status.UP);
          assertThat(health.getDetails()).containsEntry("client", "the application's ChatModel bean answers every call").doesNotContainKey("work");
        });
  }
}
