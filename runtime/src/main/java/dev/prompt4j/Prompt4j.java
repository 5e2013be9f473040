package dev.prompt4j;

import dev.langchain4j.model.chat.ChatModel;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.ServiceLoader;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The entry point: creates implementations of prompt interfaces and overrides their configuration.
 *
 * <pre>{@code
 * TrendAnalysis trends = Prompt4j.create(TrendAnalysis.class);
 * TrendAnalysis cheap = Prompt4j.override(trends).model("gpt-4o-mini").temperature(0.2).build();
 *
 * PromptRuntime runtime = Prompt4j.builder()
 *     .properties(Map.of("prompt4j.provider", "anthropic", "prompt4j.model", "claude-haiku-4-5"))
 *     .executor(myExecutor)
 *     .build();
 * TrendAnalysis configured = runtime.create(TrendAnalysis.class);
 * }</pre>
 *
 * <p>Implementations are the classes the annotation processor generated, found through their
 * generated {@link ServiceLoader} registration, not by reflection over the interface. Answer types
 * (records) are read by Jackson and checked by Hibernate Validator, which do use reflection: for a
 * GraalVM native image the processor writes their reachability metadata next to the generated classes
 * (see the README, "Native images").
 */
public final class Prompt4j {
  private Prompt4j() {}

  /**
   * The generated implementation of {@code type} on the default runtime: configuration from system
   * properties, environment variables and {@code prompt4j.properties}, read when the default runtime
   * is first used; providers from the class path.
   *
   * @param type a prompt interface
   * @param <T> the prompt interface
   * @return a new instance, safe to share between threads
   * @throws Prompt4jException when no implementation was generated for {@code type}
   */
  public static <T> T create(Class<T> type) {
    return engine().defaultRuntime().create(type);
  }

  /**
   * Starts a runtime of its own: configuration from a map or a file instead of the defaults, an
   * executor, clients per provider and model, and the class loader to find providers with.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Starts an override of {@code instance}: provider, model, parameters, client or fallbacks, for the
   * whole interface or one method. {@link Overrides#build()} returns a new instance; {@code instance}
   * itself never changes.
   *
   * @param instance an instance made by {@link #create} or {@link PromptRuntime#create}
   * @param <T> the prompt interface
   * @return the override, to be completed by {@link Overrides#build()}
   * @throws IllegalArgumentException when {@code instance} was not made by Prompt4j
   */
  public static <T> Overrides<T> override(T instance) {
    List<String> methods = instance == null ? null : engine().promptMethods(instance);
    if (methods == null) {
      throw new IllegalArgumentException(
          "Prompt4j.override takes an instance made by Prompt4j.create, not " + (instance == null ? "null" : instance.getClass().getName()));
    }
    return new Overrides<>(instance, methods);
  }

  /**
   * A call paused for approval, restored from its {@link Response#pendingState()} on {@code instance}
   * (any instance of the same interface: a fresh runtime, another process), ready to {@link
   * Response#resume}. The tools are made as the method makes them; a method that receives a tool
   * object as a parameter gets it from {@code tools}.
   *
   * <pre>{@code
   * String json = agent.refund("order 42").pendingState();          // stored, then later:
   * Response<String> paused = Prompt4j.restore(Prompt4j.create(Agent.class), json);
   * Response<String> done = paused.resume(ToolDecisions.approveAll(paused.pending()));
   * }</pre>
   *
   * <p>{@code T} is the value type of the method that paused; the state names its interface and
   * method, which are checked against {@code instance}.
   *
   * @param instance an instance of the interface that paused, made by Prompt4j
   * @param pendingState what {@link Response#pendingState()} returned
   * @param tools the tool objects the method received as parameters, if any
   * @param <T> the value type of the paused method
   * @return the pending response
   * @throws IllegalArgumentException when {@code instance} was not made by Prompt4j, or the state is not
   *     one of its methods
   */
  public static <T> Response<T> restore(Object instance, String pendingState, Object... tools) {
    if (instance == null || engine().promptMethods(instance) == null) {
      throw new IllegalArgumentException(
          "Prompt4j.restore takes an instance made by Prompt4j.create, not " + (instance == null ? "null" : instance.getClass().getName()));
    }
    return engine().restore(instance, pendingState, List.of(tools));
  }

  /** The engine of this runtime jar, found once. */
  static Engine engine() {
    return EngineHolder.ENGINE;
  }

  private static final class EngineHolder {
    static final Engine ENGINE = load();

    private static Engine load() {
      for (Engine engine : ServiceLoader.load(Engine.class, Engine.class.getClassLoader())) {
        return engine;
      }
      throw new Prompt4jException("No Prompt4j engine on the class path: is the prompt4j-runtime jar complete (META-INF/services)?");
    }
  }

  /**
   * Collects what a {@link PromptRuntime} is made of. Every setting is optional: {@code
   * Prompt4j.builder().build()} is a runtime like the default one, with clients of its own.
   *
   * <pre>{@code
   * PromptRuntime runtime = Prompt4j.builder()
   *     .properties(Path.of("config/prompt4j.properties"))
   *     .client("openai", "gpt-4o-mini", myOpenAiClient)
   *     .build();
   * }</pre>
   */
  public static final class Builder {
    private Map<String, String> properties; // null: the defaults
    private String source;
    private Executor executor;
    private final Map<String, ChatModel> clients = new LinkedHashMap<>();
    private final List<PromptListener> listeners = new java.util.ArrayList<>();
    private ClassLoader classLoader;
    private ClientDecorator decorator;

    private Builder() {}

    /**
     * Reads configuration from {@code properties} instead of system properties, environment
     * variables and {@code prompt4j.properties}. Keys are the same ({@code prompt4j.model}, {@code
     * prompt4j.Support.answer.temperature}, {@code prompt4j.providers.openai.api-key}, ...); given
     * more than once, the maps are merged and a later value wins.
     *
     * @param properties configuration keys and values
     * @return this builder
     */
    public Builder properties(Map<String, String> properties) {
      Objects.requireNonNull(properties, "properties");
      merge(properties, "properties given to Prompt4j.builder()");
      return this;
    }

    /**
     * Reads configuration from the properties file {@code file} (UTF-8) instead of the defaults; with
     * {@link #properties(Map)}, both are read and the later one wins where both set a key.
     *
     * @param file a {@code .properties} file
     * @return this builder
     * @throws UncheckedIOException when the file cannot be read
     */
    public Builder properties(Path file) {
      Properties loaded = new Properties();
      try (InputStream in = Files.newInputStream(file)) {
        loaded.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read Prompt4j configuration file " + file.toAbsolutePath(), e);
      }
      Map<String, String> map = new LinkedHashMap<>();
      for (String name : loaded.stringPropertyNames()) {
        map.put(name, loaded.getProperty(name));
      }
      merge(map, "file " + file.toAbsolutePath());
      return this;
    }

    private void merge(Map<String, String> added, String label) {
      if (properties == null) {
        properties = new LinkedHashMap<>();
      }
      properties.putAll(added);
      source = source == null ? label : source + " and " + label;
    }

    /**
     * Runs computed fields and async methods on {@code executor} instead of Prompt4j's (virtual
     * threads on Java 21+, a pool of daemon threads on Java 17).
     *
     * @param executor the executor
     * @return this builder
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Answers every call to {@code provider}'s {@code model} with {@code client} instead of a client
     * the provider builds; the request names the model as usual.
     *
     * @param provider a provider name, such as {@code "openai"}
     * @param model a model name, such as {@code "gpt-4o-mini"}
     * @param client the client
     * @return this builder
     */
    public Builder client(String provider, String model, ChatModel client) {
      clients.put(requireName(provider, "provider") + ':' + requireName(model, "model"), Objects.requireNonNull(client, "client"));
      return this;
    }

    /**
     * Answers every call to {@code provider}, whatever the model, with {@code client}; a client given
     * for a provider and model wins over this one.
     *
     * @param provider a provider name, such as {@code "openai"}
     * @param client the client
     * @return this builder
     */
    public Builder client(String provider, ChatModel client) {
      clients.put(requireName(provider, "provider"), Objects.requireNonNull(client, "client"));
      return this;
    }

    /**
     * Puts {@code decorator} in front of every client this runtime picks by provider and model: the
     * ones providers build and the ones given to {@link #client(String, ChatModel)}. The decorator
     * gets the client lazily, so it may answer without ever building it (no key needed). Requests
     * keep the provider's own parameters, as without the decorator. Clients given to {@code
     * Prompt4j.override(...).client(...)} are not decorated. This is how a test kit records and
     * replays answers; the decorator runs on the thread that sends, where {@link
     * dev.prompt4j.provider.RequestContext#current()} names the prompt method.
     *
     * <pre>{@code
     * PromptRuntime runtime = Prompt4j.builder()
     *     .decorateClients((provider, model, client) -> new LoggingModel(provider, model, client))
     *     .build();
     * }</pre>
     *
     * @param decorator called once per provider and model, on first use
     * @return this builder
     */
    public Builder decorateClients(ClientDecorator decorator) {
      this.decorator = Objects.requireNonNull(decorator, "decorator");
      return this;
    }

    private static String requireName(String name, String what) {
      if (name == null || name.isBlank() || name.indexOf(':') >= 0) {
        throw new IllegalArgumentException(what + " must be a non-blank name without ':', not '" + name + "'");
      }
      return name;
    }

    /**
     * Tells {@code listener} about every call of this runtime, with the listeners named by {@code
     * prompt4j.listeners} and those registered for {@link ServiceLoader}.
     *
     * <pre>{@code
     * PromptRuntime runtime = Prompt4j.builder().listener(OpenTelemetryListener.create(openTelemetry)).build();
     * }</pre>
     *
     * @param listener the listener
     * @return this builder
     */
    public Builder listener(PromptListener listener) {
      listeners.add(Objects.requireNonNull(listener, "listener"));
      return this;
    }

    /**
     * Finds providers, generated implementations and {@code prompt4j.properties} with {@code loader};
     * by default the thread's context class loader when the runtime is built, else Prompt4j's own.
     *
     * @param loader the class loader
     * @return this builder
     */
    public Builder classLoader(ClassLoader loader) {
      this.classLoader = Objects.requireNonNull(loader, "loader");
      return this;
    }

    /**
     * The runtime. Configuration is read now; a bad value or an unknown key fails here, naming the
     * key and where it came from.
     *
     * @return a new runtime, safe to share between threads
     */
    public PromptRuntime build() {
      return engine().runtime(settings());
    }

    /**
     * Checks the configuration as {@link #build()} would (unknown keys, values) without building a
     * runtime: no client is made and no price table, listener or executor is loaded. For frameworks
     * that build the runtime on first use but want a bad key to fail at start-up.
     *
     * <pre>{@code
     * Prompt4j.Builder builder = Prompt4j.builder().properties(Map.of("prompt4j.temprature", "0.2"));
     * builder.check(); // throws: Unknown configuration key prompt4j.temprature ... did you mean prompt4j.temperature?
     * }</pre>
     *
     * @throws Prompt4jException naming the first key or value that is not valid
     */
    public void check() {
      engine().check(settings());
    }

    private Settings settings() {
      ClassLoader loader = classLoader;
      if (loader == null) {
        loader = Thread.currentThread().getContextClassLoader();
      }
      if (loader == null) {
        loader = Prompt4j.class.getClassLoader();
      }
      return new Settings(properties == null ? null : Map.copyOf(properties), source, executor, Map.copyOf(clients), loader, decorator,
          List.copyOf(listeners));
    }
  }

  /**
   * Wraps the client of one provider and model; see {@link Builder#decorateClients}.
   *
   * <pre>{@code
   * ClientDecorator replayOnly = (provider, model, client) -> new ReplayingModel(cassettes);  // never builds the real one
   * }</pre>
   */
  @FunctionalInterface
  public interface ClientDecorator {
    /**
     * The client to use for {@code provider}'s {@code model}.
     *
     * @param provider the provider name
     * @param model the model name
     * @param client the client the runtime would use, built on first {@code get()} (which throws when
     *     it cannot be built, for example without a key)
     * @return the client to send requests to
     */
    ChatModel decorate(String provider, String model, Supplier<ChatModel> client);
  }

  /**
   * What a {@link Builder} collected, as the engine receives it.
   *
   * @param properties the configuration, or {@code null} for system properties, environment and
   *     {@code prompt4j.properties}
   * @param source where {@code properties} came from, for error messages
   * @param executor the executor, or {@code null} for Prompt4j's
   * @param clients clients by {@code provider} or {@code provider:model}
   * @param classLoader where providers, implementations and {@code prompt4j.properties} are found
   * @param clientDecorator wraps every client picked by provider and model, or {@code null}
   * @param listeners listeners given to the builder
   */
  public record Settings(Map<String, String> properties, String source, Executor executor, Map<String, ChatModel> clients,
      ClassLoader classLoader, ClientDecorator clientDecorator, List<PromptListener> listeners) {
    /**
     * Copies the listeners.
     *
     * @param properties the configuration, or {@code null} for system properties, environment and {@code prompt4j.properties}
     * @param source where {@code properties} came from, for error messages
     * @param executor the executor, or {@code null} for Prompt4j's
     * @param clients clients by {@code provider} or {@code provider:model}
     * @param classLoader where providers, implementations and {@code prompt4j.properties} are found
     * @param clientDecorator wraps every client picked by provider and model, or {@code null}
     * @param listeners listeners given to the builder
     */
    public Settings {
      listeners = listeners == null ? List.of() : List.copyOf(listeners);
    }

    /**
     * Settings without a client decorator or listener.
     *
     * @param properties the configuration, or {@code null} for the defaults
     * @param source where {@code properties} came from
     * @param executor the executor, or {@code null}
     * @param clients clients by {@code provider} or {@code provider:model}
     * @param classLoader where providers, implementations and {@code prompt4j.properties} are found
     */
    public Settings(Map<String, String> properties, String source, Executor executor, Map<String, ChatModel> clients,
        ClassLoader classLoader) {
      this(properties, source, executor, clients, classLoader, null, List.of());
    }

    @Override
    public String toString() {
      // Property values may hold keys: name only what is set.
      return "Settings[properties=" + (properties == null ? "defaults" : properties.keySet()) + ", executor=" + executor
          + ", clients=" + clients.keySet() + (clientDecorator == null ? "" : ", decorated") + ", listeners=" + listeners.size() + "]";
    }
  }

  /**
   * The runtime's implementation, found with {@link ServiceLoader}: it keeps the public API free of
   * the internals behind it. Applications never implement or call it.
   */
  public interface Engine {
    /**
     * The runtime made on first use from system properties, environment and {@code
     * prompt4j.properties}.
     *
     * @return the shared default runtime
     */
    PromptRuntime defaultRuntime();

    /**
     * A runtime made of {@code settings}.
     *
     * @param settings what the builder collected
     * @return the runtime
     */
    PromptRuntime runtime(Settings settings);

    /**
     * Checks {@code settings} as {@link #runtime} would, without building a runtime.
     *
     * @param settings what the builder collected
     * @throws Prompt4jException naming the first key or value that is not valid
     */
    default void check(Settings settings) {
      runtime(settings);
    }

    /**
     * The prompt methods of {@code instance}, or {@code null} when Prompt4j did not make it.
     *
     * @param instance any object
     * @return the sorted method names, or {@code null}
     */
    List<String> promptMethods(Object instance);

    /**
     * A copy of {@code instance} with {@code changes} applied.
     *
     * @param instance an instance made by Prompt4j
     * @param changes per scope ({@code ""} for the whole interface, else a method name)
     * @param executor the executor for the copy, or {@code null} to keep the instance's
     * @param <T> the prompt interface
     * @return the copy
     */
    <T> T override(T instance, Map<String, Overrides.Change> changes, Executor executor);

    /**
     * Runs {@code work}, collecting the prompt calls made in it.
     *
     * @param work the work
     * @param <T> its result
     * @return its result with the calls
     */
    <T> Trace.Captured<T> capture(Supplier<T> work);

    /**
     * An executor that runs each task where the submitting thread's calls are traced.
     *
     * @param executor the executor that runs the tasks
     * @return the propagating executor
     */
    Executor propagating(Executor executor);

    /**
     * A pending response restored from {@code state} on {@code instance}.
     *
     * @param instance an instance made by Prompt4j
     * @param state what {@link Response#pendingState()} returned
     * @param tools tool objects for methods that receive them as parameters
     * @param <T> the value type
     * @return the pending response
     */
    <T> Response<T> restore(Object instance, String state, List<Object> tools);
  }
}
