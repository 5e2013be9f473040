package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.internal.GeneratedPrompts;
import org.springframework.aot.hint.MemberCategory;
import org.springframework.aot.hint.RuntimeHints;
import org.springframework.aot.hint.RuntimeHintsRegistrar;
import org.springframework.util.ClassUtils;

/**
 * For a native image made by Spring's AOT processing: the constructor of the processor's lazy class
 * each prompt bean is until its first call ({@link LazyPrompts}), or, for an interface compiled
 * without one, the proxy (the interface and {@link GeneratedPrompts}) and the interface's methods,
 * which the proxy invokes on the generated implementation by reflection. Registered in {@code
 * META-INF/spring/aot.factories} (read by AOT processing only) rather than by {@code @ImportRuntimeHints}
 * on the auto-configuration, whose class Spring would load at every start-up.
 */
final class PromptInterfaceHints implements RuntimeHintsRegistrar {
  @Override
  public void registerHints(RuntimeHints hints, ClassLoader classLoader) {
    ClassLoader loader = classLoader != null ? classLoader : PromptInterfaceHints.class.getClassLoader();
    for (String name : PromptInterfaces.indexed(loader)) {
      if (!ClassUtils.isPresent(name, loader)) {
        continue;
      }
      Class<?> type = ClassUtils.resolveClassName(name, loader);
      Class<?> lazy = LazyPrompts.lazyClass(type);
      if (lazy != null) { // the bean until its first call, made through its public constructor
        hints.reflection().registerType(lazy, MemberCategory.INVOKE_PUBLIC_CONSTRUCTORS);
        continue;
      }
      hints.proxies().registerJdkProxy(type, GeneratedPrompts.class);
      hints.reflection().registerType(type, MemberCategory.INVOKE_PUBLIC_METHODS);
    }
  }
}
