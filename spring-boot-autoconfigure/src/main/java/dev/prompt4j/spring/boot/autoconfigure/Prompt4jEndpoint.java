package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.MethodDescription;
import dev.prompt4j.Prompt4jException;
import dev.prompt4j.PromptRuntime;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.springframework.beans.factory.ListableBeanFactory;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;

/**
 * {@code /actuator/prompt4j}: the application's prompt interfaces, their beans and prompt methods;
 * per method what it calls before any call ({@code provider}, {@code model}, {@code fallbacks}, {@code
 * maxAttempts}, {@code promptVersion}: the {@code @Call} annotation under configuration, from {@link
 * PromptRuntime#describe}, which builds the runtime if no call has), the provider and model configuration chooses (by the runtime's precedence: qualified
 * method, simple method, qualified interface, simple interface, global; {@code null} where the
 * {@code @Call} annotation decides) and what its latest call ran with after every override,
 * including the prompt version id. No key value is shown.
 */
@Endpoint(id = "prompt4j")
public final class Prompt4jEndpoint {
  private final ListableBeanFactory beans;
  private final Prompt4jSettings settings;
  private final PromptCallRecorder recorder;
  private final PromptRuntime runtime;

  Prompt4jEndpoint(ListableBeanFactory beans, Prompt4jSettings settings, PromptCallRecorder recorder, PromptRuntime runtime) {
    this.beans = beans;
    this.settings = settings;
    this.recorder = recorder;
    this.runtime = runtime;
  }

  /**
   * The description.
   *
   * @return interfaces, methods, configured and latest provider and model, configured providers
   */
  @ReadOperation
  public Map<String, Object> describe() {
    Map<String, PromptCallRecorder.LatestCall> latest = recorder.latest();
    List<Map<String, Object>> interfaces = new ArrayList<>();
    for (String name : PromptInterfaces.indexed(beans.getClass().getClassLoader())) {
      Class<?> type;
      try {
        type = Class.forName(name, false, beans.getClass().getClassLoader());
      } catch (ClassNotFoundException e) {
        continue;
      }
      Map<String, MethodDescription> calls = describe(type);
      List<Map<String, Object>> methods = new ArrayList<>();
      for (String method : promptMethods(type)) {
        Map<String, Object> described = new LinkedHashMap<>();
        described.put("name", method);
        MethodDescription call = calls.get(method);
        if (call != null) {
          described.put("provider", call.provider());
          described.put("model", call.model());
          described.put("fallbacks", call.fallbacks());
          described.put("maxAttempts", call.maxAttempts());
          described.put("promptVersion", call.promptVersion());
        }
        described.put("configuredProvider", configured(type, method, "provider"));
        described.put("configuredModel", configured(type, method, "model"));
        described.put("latestCall", latest.get(type.getSimpleName() + "." + method));
        methods.add(described);
      }
      Map<String, Object> described = new LinkedHashMap<>();
      described.put("name", type.getName());
      described.put("beans", List.of(beans.getBeanNamesForType(type)));
      described.put("methods", methods);
      interfaces.add(described);
    }
    Map<String, Object> description = new LinkedHashMap<>();
    description.put("interfaces", interfaces);
    description.put("configuredProviders", settings.configuredProviders());
    return description;
  }

  /**
   * What each method of {@code type} calls, by name, as the runtime resolves it ({@code @Call},
   * configuration): empty when the runtime cannot say (not Prompt4j's own, or a rejected fallback).
   */
  private Map<String, MethodDescription> describe(Class<?> type) {
    Map<String, MethodDescription> byName = new LinkedHashMap<>();
    try {
      runtime.describe(type).forEach(method -> byName.put(method.method(), method));
    } catch (UnsupportedOperationException | Prompt4jException e) {
      // described by configuration alone
    }
    return byName;
  }

  /** Abstract methods are prompt methods (computed fields are default methods), sorted. */
  private static TreeSet<String> promptMethods(Class<?> type) {
    TreeSet<String> names = new TreeSet<>();
    for (Method method : type.getMethods()) {
      if (Modifier.isAbstract(method.getModifiers())) {
        names.add(method.getName());
      }
    }
    return names;
  }

  private String configured(Class<?> type, String method, String setting) {
    String qualified = type.getCanonicalName();
    String simple = type.getSimpleName();
    for (String prefix : List.of(qualified + "." + method, simple + "." + method, qualified, simple)) {
      String value = settings.get("prompt4j." + prefix + "." + setting);
      if (value != null) {
        return value;
      }
    }
    return settings.get("prompt4j." + setting);
  }
}
