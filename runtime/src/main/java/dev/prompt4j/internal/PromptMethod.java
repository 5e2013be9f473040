package dev.prompt4j.internal;

import dev.prompt4j.internal.config.MethodKey;
import dev.prompt4j.internal.output.OutputType;
import java.util.Objects;

/**
 * What the processor knows of one prompt method, as a constant of the generated class: where it is
 * declared, its {@code @Call} configuration, a hash of its template, and how to read its answer.
 *
 * @param <T> the value type
 */
public final class PromptMethod<T> {
  private final Class<?> declaringInterface;
  private final String interfaceName;
  private final String name;
  private final CallSpec call;
  private final String templateHash;
  private final OutputType<T> output;
  private final String qualifiedName;
  private final int maxAttempts;
  private final MethodKey key;
  private final int index = COUNT.getAndIncrement(); // this method's number in the process, for CallResolver's array
  private static final java.util.concurrent.atomic.AtomicInteger COUNT = new java.util.concurrent.atomic.AtomicInteger();

  private PromptMethod(
      Class<?> declaringInterface, String name, CallSpec call, String templateHash, OutputType<T> output, int maxAttempts) {
    this.declaringInterface = Objects.requireNonNull(declaringInterface);
    this.interfaceName = declaringInterface.getSimpleName();
    this.name = Objects.requireNonNull(name);
    this.call = Objects.requireNonNull(call);
    this.templateHash = Objects.requireNonNull(templateHash);
    this.output = Objects.requireNonNull(output);
    this.qualifiedName = interfaceName + "." + name;
    this.maxAttempts = maxAttempts;
    String canonical = declaringInterface.getCanonicalName();
    this.key = new MethodKey(interfaceName, canonical == null ? declaringInterface.getName() : canonical, name);
    DECLARED.get(declaringInterface).put(name, this);
  }

  /** The prompt methods made so far, by interface and name: a generated class's static initialiser makes those of its interface. */
  private static final ClassValue<java.util.Map<String, PromptMethod<?>>> DECLARED = new ClassValue<>() {
    @Override
    protected java.util.Map<String, PromptMethod<?>> computeValue(Class<?> type) {
      return new java.util.concurrent.ConcurrentHashMap<>();
    }
  };

  /** The prompt method {@code name} of {@code type} once the generated class of {@code type} is initialised, else {@code null}. */
  static PromptMethod<?> declared(Class<?> type, String name) {
    return DECLARED.get(type).get(name);
  }

  /** Describes a prompt method; called from generated static initialisers. */
  public static <T> PromptMethod<T> of(
      Class<?> declaringInterface, String name, CallSpec call, String templateHash, OutputType<T> output) {
    return new PromptMethod<>(declaringInterface, name, call, templateHash, output, 0);
  }

  /**
   * Describes a prompt method whose {@code @Prompt(maxAttempts = n)} is set; {@code maxAttempts <= 0}
   * means not set (configuration, then the default of {@value PromptContext#DEFAULT_MAX_ATTEMPTS}).
   */
  public static <T> PromptMethod<T> of(
      Class<?> declaringInterface, String name, CallSpec call, String templateHash, OutputType<T> output, int maxAttempts) {
    return new PromptMethod<>(declaringInterface, name, call, templateHash, output, maxAttempts);
  }

  Class<?> declaringInterface() {
    return declaringInterface;
  }

  /** The interface's simple name, as configuration keys use it. */
  String interfaceName() {
    return interfaceName;
  }

  /** The method name. */
  String name() {
    return name;
  }

  /** {@code Interface.method}. */
  String qualifiedName() {
    return qualifiedName;
  }

  CallSpec call() {
    return call;
  }

  /** A hash of the template text, computed by the processor. */
  String templateHash() {
    return templateHash;
  }

  OutputType<T> output() {
    return output;
  }

  /** Answers allowed by {@code @Prompt(maxAttempts)}, counting the first; 0 when the annotation does not set it. */
  int maxAttempts() {
    return maxAttempts;
  }

  /** This method's number among the prompt methods made in this process, from 0. */
  int index() {
    return index;
  }

  /** The names configuration knows this method by. */
  MethodKey key() {
    return key;
  }

  @Override
  public String toString() {
    return qualifiedName;
  }
}
