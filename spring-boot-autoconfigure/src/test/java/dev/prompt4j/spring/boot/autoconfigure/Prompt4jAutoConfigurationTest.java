package dev.prompt4j.spring.boot.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.PromptCall;
import dev.prompt4j.PromptListener;
import dev.prompt4j.PromptRuntime;
import dev.prompt4j.Response;
import dev.prompt4j.opentelemetry.OpenTelemetryListener;
import dev.prompt4j.spring.boot.autoconfigure.prompts.Classifier;
import dev.prompt4j.spring.boot.autoconfigure.prompts.Greeter;
import io.opentelemetry.api.OpenTelemetry;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The auto-configuration in a plain application context: beans, binding, reuse of the application's beans, failures. */
class Prompt4jAutoConfigurationTest {
  private final ApplicationContextRunner runner = new ApplicationContextRunner()
      .withConfiguration(AutoConfigurations.of(Prompt4jAutoConfiguration.class))
      .withPropertyValues("prompt4j.providers.offline.script=offline/greeter.json");

  @Test
  void everyIndexedPromptInterfaceIsABeanNamedAfterIt() {
    runner.run(context -> {
      assertThat(context).hasSingleBean(PromptRuntime.class);
      assertThat(context.getBeanNamesForType(Greeter.class)).containsExactly("greeter");
      assertThat(context.getBeanNamesForType(Classifier.class)).containsExactly("classifier");
      assertThat(context.getBean(Greeter.class).greet("Ada")).isEqualTo("Hello, Ada!");
      assertThat(context.getBean(Classifier.class).mood("What a day!")).isEqualTo(Classifier.Mood.HAPPY);
    });
  }

  @Test
  void keysAreBoundWithRelaxedNamesPlaceholdersAndPerMethodPrecedence() {
    runner.withPropertyValues(
            "greeting.model=model-from-placeholder",
            "prompt4j.Greeter.greetFully.model=${greeting.model}",
            "prompt4j.Greeter.maxTokens=77", // relaxed: the runtime's other spelling
            "prompt4j.temperature=0.25")
        .run(context -> {
          Response<String> response = context.getBean(Greeter.class).greetFully("Grace");
          assertThat(response.model()).isEqualTo("model-from-placeholder");
          assertThat(response.parameters().temperature()).isEqualTo(0.25);
          assertThat(response.parameters().maxTokens()).isEqualTo(77);
        });
  }

  @Test
  void aNamedProviderInstanceAnswersWithItsOwnSettings() {
    runner.withPropertyValues(
            "prompt4j.providers.work.type=offline",
            "prompt4j.providers.work.script=offline/work.json",
            "prompt4j.providers.work.model=work-default",
            "prompt4j.Greeter.provider=work")
        .run(context -> {
          Response<String> response = context.getBean(Greeter.class).greetFully("Ada");
          assertThat(response.value()).isEqualTo("Hello from the work endpoint.");
          assertThat(response.provider()).isEqualTo("work");
          assertThat(response.model()).isEqualTo("work-default"); // the instance's model, not @Call's
          assertThat(context.getBean(Classifier.class).mood("fine")).isEqualTo(Classifier.Mood.HAPPY); // still the offline script
        });
  }

  @Test
  void theApplicationsOwnBeanOfAnInterfaceWins() {
    runner.withUserConfiguration(OwnGreeter.class).run(context -> {
      assertThat(context.getBeanNamesForType(Greeter.class)).containsExactly("ownGreeter");
      assertThat(context.getBean(Greeter.class).greet("Ada")).isEqualTo("hand-written");
      assertThat(context).hasSingleBean(Classifier.class);
    });
  }

  @Test
  void theApplicationsChatModelListenersAndExecutorAreUsed() {
    runner.withUserConfiguration(ApplicationBeans.class).run(context -> {
      ApplicationBeans beans = context.getBean(ApplicationBeans.class);

      assertThat(context.getBean(Greeter.class).greetLater("Ada").get(10, TimeUnit.SECONDS)).isEqualTo("from the application's ChatModel");

      assertThat(beans.requests).hasSize(1);
      assertThat(beans.calls).containsExactly("Greeter.greetLater");
      assertThat(beans.executed.get()).isPositive();
    });
  }

  @Test
  void theRuntimeIsBuiltOnTheFirstCallAndTheBeansStayOverridable() {
    runner.withUserConfiguration(ApplicationBeans.class).run(context -> {
      LazyPromptRuntime runtime = (LazyPromptRuntime) context.getBean(PromptRuntime.class);
      Greeter greeter = context.getBean(Greeter.class);
      assertThat(runtime.built()).isFalse();
      assertThat(greeter.toString()).contains("made on the first call");
      // the processor's lazy class, not a JDK proxy defined at start-up
      assertThat(greeter.getClass()).isEqualTo(LazyPrompts.lazyClass(Greeter.class));
      assertThat(java.lang.reflect.Proxy.isProxyClass(greeter.getClass())).isFalse();
      assertThat(context.getBean(ApplicationBeans.class).calls).isEmpty();

      Greeter other = Prompt4j.override(greeter).model("overridden").build();
      assertThat(runtime.built()).isTrue();
      assertThat(other.greetFully("Ada").model()).isEqualTo("overridden");
      assertThat(greeter.greetFully("Ada").model()).isEqualTo("scripted");
      assertThat(greeter).isEqualTo(greeter).isNotEqualTo(other);
    });
  }

  @Test
  void concurrentFirstCallsBuildTheRuntimeOnce() throws Exception {
    AtomicInteger builds = new AtomicInteger();
    LazyPromptRuntime runtime = new LazyPromptRuntime(() -> {}, () -> {
      builds.incrementAndGet();
      return Prompt4j.builder().properties(java.util.Map.of("prompt4j.providers.offline.script", "offline/greeter.json")).build();
    });
    List<Greeter> greeters = List.of(runtime.create(Greeter.class), runtime.create(Greeter.class));
    java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.ExecutorService threads = java.util.concurrent.Executors.newFixedThreadPool(8);
    try {
      List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Greeter greeter = greeters.get(i % 2);
        answers.add(threads.submit(() -> {
          start.await();
          return greeter.greet("Ada");
        }));
      }
      assertThat(builds.get()).isZero();
      start.countDown();
      for (java.util.concurrent.Future<String> answer : answers) {
        assertThat(answer.get(10, TimeUnit.SECONDS)).isEqualTo("Hello, Ada!");
      }
    } finally {
      threads.shutdownNow();
    }
    assertThat(builds.get()).isEqualTo(1);
  }

  @Test
  void anOpenTelemetryBeanAddsItsListener() {
    runner.withBean(OpenTelemetry.class, OpenTelemetry::noop).run(context -> assertThat(context).hasSingleBean(OpenTelemetryListener.class));
    runner.run(context -> assertThat(context).doesNotHaveBean(OpenTelemetryListener.class));
  }

  @Test
  void aMisspeltKeyFailsStartUpNamingTheKeyItMeant() {
    runner.withPropertyValues("prompt4j.Greeter.greet.temprature=0.2").run(context -> {
      assertThat(context).hasFailed();
      FailureAnalysis analysis = new Prompt4jFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).contains("Unknown configuration key prompt4j.Greeter.greet.temprature")
          .contains("did you mean prompt4j.Greeter.greet.temperature?");
      assertThat(analysis.getAction()).startsWith("Fix or remove prompt4j.Greeter.greet.temprature");
    });
  }

  @Test
  void aWrongValueFailsStartUpNamingWhatIsValid() {
    runner.withPropertyValues("prompt4j.temperature=hot").run(context -> {
      FailureAnalysis analysis = new Prompt4jFailureAnalyzer().analyze(context.getStartupFailure());
      assertThat(analysis.getDescription()).contains("prompt4j.temperature").contains("'hot'")
          .contains("write a decimal number of at least 0");
    });
  }

  @Test
  void theProcessorListedEveryKeyOfTheTestInterfacesForTheIde() throws Exception {
    try (InputStream in = getClass().getClassLoader().getResourceAsStream("META-INF/additional-spring-configuration-metadata.json")) {
      String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
      assertThat(json).contains("\"prompt4j.Greeter.greet.model\"", "\"prompt4j.Classifier.mood.max-tokens\"", "\"prompt4j.Greeter.temperature\"");
    }
  }

  @Test
  void theStarterListsTheGlobalKeysForTheIde() throws Exception {
    try (InputStream in = Prompt4jAutoConfiguration.class.getClassLoader().getResourceAsStream("META-INF/spring-configuration-metadata.json")) {
      com.fasterxml.jackson.databind.JsonNode json = new com.fasterxml.jackson.databind.ObjectMapper().readTree(in);
      List<String> names = new java.util.ArrayList<>();
      json.get("properties").forEach(p -> names.add(p.get("name").asText()));
      assertThat(names).contains("prompt4j.provider", "prompt4j.model", "prompt4j.max-tokens", "prompt4j.providers", "prompt4j.retry.max-delay");
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class OwnGreeter {
    @Bean
    Greeter ownGreeter() {
      return new Greeter() {
        @Override
        public String greet(String name) {
          return "hand-written";
        }

        @Override
        public Response<String> greetFully(String name) {
          throw new UnsupportedOperationException();
        }

        @Override
        public java.util.concurrent.CompletableFuture<String> greetLater(String name) {
          throw new UnsupportedOperationException();
        }
      };
    }
  }

  @Configuration(proxyBeanMethods = false)
  static class ApplicationBeans {
    final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    final List<String> calls = new CopyOnWriteArrayList<>();
    final AtomicInteger executed = new AtomicInteger();

    @Bean
    ChatModel chatModel() {
      return new ChatModel() {
        @Override
        public ChatResponse doChat(ChatRequest request) {
          requests.add(request);
          return ChatResponse.builder().aiMessage(AiMessage.from("from the application's ChatModel")).build();
        }
      };
    }

    @Bean
    PromptListener auditListener() {
      return new PromptListener() {
        @Override
        public void callStarted(PromptCall call) {
          calls.add(call.method());
        }
      };
    }

    @Bean(Prompt4jAutoConfiguration.EXECUTOR)
    Executor prompt4jExecutor() {
      return task -> {
        executed.incrementAndGet();
        new Thread(task, "prompt4j-test-executor").start();
      };
    }
  }

  /** Stands for a prompt interface compiled by a processor that wrote no {@code Prompt4jLazy_} class. */
  interface WithoutLazyClass {
    String greet(String name);
  }

  @Test
  void anInterfaceWithoutTheProcessorsLazyClassGetsAProxyThatBuildsTheRuntimeOnItsFirstCall() {
    AtomicInteger built = new AtomicInteger();
    LazyPromptRuntime runtime = new LazyPromptRuntime(() -> {}, () -> {
      built.incrementAndGet();
      return Prompt4j.builder().properties(java.util.Map.of()).build();
    });
    assertThat(LazyPrompts.lazyClass(WithoutLazyClass.class)).isNull();
    WithoutLazyClass bean = runtime.create(WithoutLazyClass.class);
    assertThat(java.lang.reflect.Proxy.isProxyClass(bean.getClass())).isTrue();
    assertThat(bean.toString()).contains("made on the first call");
    assertThat(built).hasValue(0);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> bean.greet("Ada")).isInstanceOf(dev.prompt4j.Prompt4jException.class);
    assertThat(built).hasValue(1); // the first call built the runtime, which has no implementation of this interface
  }
}
