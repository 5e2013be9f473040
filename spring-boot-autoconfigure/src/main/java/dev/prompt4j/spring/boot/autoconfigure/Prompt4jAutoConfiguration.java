package dev.prompt4j.spring.boot.autoconfigure;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.PromptListener;
import dev.prompt4j.PromptRuntime;
import dev.prompt4j.opentelemetry.OpenTelemetryListener;
import io.opentelemetry.api.OpenTelemetry;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.task.TaskExecutionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;

/**
 * Prompt4j in a Spring Boot application: one {@link PromptRuntime} configured from the {@code
 * prompt4j.*} keys of the Spring {@link Environment}, and one bean per prompt interface (see {@link
 * PromptInterfaceRegistrar}). The runtime is built, and each bean's generated implementation made, on
 * the first call; the keys are checked at start-up. What the application already has is reused:
 *
 * <ul>
 *   <li>its own {@link PromptRuntime} bean replaces this one ({@code @ConditionalOnMissingBean});
 *   <li>a single langchain4j {@link ChatModel} bean answers every call (the model it was built with
 *       answers, whatever model a method names);
 *   <li>{@link PromptListener} beans are added to the runtime, and with {@code prompt4j-opentelemetry}
 *       on the class path an {@code OpenTelemetry} bean adds its listener;
 *   <li>the executor is an {@link Executor} bean named {@value #EXECUTOR}, else, with {@code
 *       spring.threads.virtual.enabled=true}, Spring Boot's {@code applicationTaskExecutor} (virtual
 *       threads), else Prompt4j's default executor.
 * </ul>
 *
 * <p>A configuration the runtime rejects fails start-up with a {@link Prompt4jConfigurationException}
 * naming the key, what would be valid and where the application sets it.
 */
@AutoConfiguration(after = TaskExecutionAutoConfiguration.class)
@Import(PromptInterfaceRegistrar.class)
public class Prompt4jAutoConfiguration {
  /** The name of an {@link Executor} bean Prompt4j runs computed fields and async calls on. */
  public static final String EXECUTOR = "prompt4jExecutor";

  /** Made by Spring. */
  public Prompt4jAutoConfiguration() {}

  /**
   * The {@code prompt4j.*} keys of the Spring {@link Environment} and the providers on the class path.
   *
   * @param environment where the keys are read
   * @return the settings the runtime is built from
   */
  @Bean
  @ConditionalOnMissingBean
  public Prompt4jSettings prompt4jSettings(Environment environment) {
    return new Prompt4jSettings(Prompt4jEnvironment.keys(environment), environment, getClass().getClassLoader());
  }

  /**
   * The application's runtime, built on the first call of a prompt bean (see {@link LazyPromptRuntime});
   * its configuration is checked while the context starts, failing the start-up when not valid.
   *
   * @param environment where a rejected key is looked up, for its file and line
   * @param settings the keys
   * @param chatModels a langchain4j client of the application, used when there is exactly one
   * @param listeners the application's listeners
   * @param executors an executor named {@value #EXECUTOR}
   * @param applicationTaskExecutor Spring Boot's executor, used when {@code spring.threads.virtual.enabled=true}
   * @return the runtime
   * @throws Prompt4jConfigurationException when a key or value is not valid
   */
  @Bean
  @ConditionalOnMissingBean
  public PromptRuntime prompt4jRuntime(Environment environment, Prompt4jSettings settings, ObjectProvider<ChatModel> chatModels,
      ObjectProvider<PromptListener> listeners, @Qualifier(EXECUTOR) ObjectProvider<Executor> executors,
      @Qualifier("applicationTaskExecutor") ObjectProvider<Executor> applicationTaskExecutor) {
    Recipe recipe = new Recipe(environment, settings, chatModels, listeners, executors, applicationTaskExecutor, getClass().getClassLoader());
    return new LazyPromptRuntime(recipe, recipe);
  }

  /**
   * How the runtime is checked (at start-up, on {@link LazyPromptRuntime}'s thread) and built (on the
   * first call): one class rather than a lambda each, since every lambda defines a class at start-up.
   */
  private static final class Recipe implements Runnable, Supplier<PromptRuntime> {
    private final Environment environment;
    private final Prompt4jSettings settings;
    private final ObjectProvider<ChatModel> chatModels;
    private final ObjectProvider<PromptListener> listeners;
    private final ObjectProvider<Executor> executors;
    private final ObjectProvider<Executor> applicationTaskExecutor;
    private final ClassLoader loader;

    Recipe(Environment environment, Prompt4jSettings settings, ObjectProvider<ChatModel> chatModels, ObjectProvider<PromptListener> listeners,
        ObjectProvider<Executor> executors, ObjectProvider<Executor> applicationTaskExecutor, ClassLoader loader) {
      this.environment = environment;
      this.settings = settings;
      this.chatModels = chatModels;
      this.listeners = listeners;
      this.executors = executors;
      this.applicationTaskExecutor = applicationTaskExecutor;
      this.loader = loader;
    }

    /** Checks the keys the application sets, failing as {@link #get} would. */
    @Override
    public void run() {
      try {
        Prompt4j.builder().classLoader(loader).properties(settings.keys()).check();
      } catch (Prompt4jException e) {
        throw rejected(environment, e);
      }
    }

    /** Builds the runtime, with the application's listeners, client and executor. */
    @Override
    public PromptRuntime get() {
      Prompt4j.Builder builder = Prompt4j.builder().classLoader(loader).properties(settings.properties());
      listeners.orderedStream().forEach(builder::listener);
      ChatModel chatModel = chatModels.getIfUnique();
      if (chatModel != null) {
        builder.decorateClients((provider, model, client) -> chatModel);
      }
      Executor executor = executors.getIfAvailable();
      if (executor == null && environment.getProperty("spring.threads.virtual.enabled", Boolean.class, false)) {
        executor = applicationTaskExecutor.getIfAvailable();
      }
      if (executor != null) {
        builder.executor(executor);
      }
      try {
        return builder.build();
      } catch (Prompt4jException e) {
        throw rejected(environment, e);
      }
    }
  }

  /** A configuration the runtime rejected, as a {@link Prompt4jConfigurationException} naming the key and where it is set. */
  private static Prompt4jConfigurationException rejected(Environment environment, Prompt4jException e) {
    String key = Prompt4jEnvironment.keyIn(e.getMessage());
    org.springframework.boot.origin.Origin origin = Prompt4jEnvironment.origin(environment, key);
    return new Prompt4jConfigurationException(e, key, origin == null ? null : origin.toString());
  }

  /** The OpenTelemetry listener, when the application has an {@code OpenTelemetry} bean and {@code prompt4j-opentelemetry}. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({OpenTelemetry.class, OpenTelemetryListener.class})
  static class OpenTelemetryConfiguration {
    @Bean
    @ConditionalOnBean(OpenTelemetry.class)
    @ConditionalOnMissingBean(OpenTelemetryListener.class)
    OpenTelemetryListener prompt4jOpenTelemetryListener(OpenTelemetry openTelemetry) {
      return OpenTelemetryListener.create(openTelemetry);
    }
  }
}
