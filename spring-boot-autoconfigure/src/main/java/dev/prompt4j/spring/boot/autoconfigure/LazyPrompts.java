package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.internal.GeneratedPrompts;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;

/**
 * The bean of one prompt interface: a proxy that makes the generated implementation on its first
 * call (building the runtime if no other bean has) and passes every call to it, so that neither the
 * generated class nor the runtime is loaded while the context starts. It also implements the
 * generated-code ABI's {@link GeneratedPrompts} by passing on, so {@code Prompt4j.override(bean)} and
 * {@code Prompt4j.restore(bean, ...)} work on it as on the implementation.
 */
final class LazyPrompts implements InvocationHandler {
  private final Class<?> type;
  private final Once<Object> target;

  private LazyPrompts(Class<?> type, LazyPromptRuntime runtime) {
    this.type = type;
    this.target = new Once<>(() -> runtime.runtime().create(type));
  }

  static <T> T of(Class<T> type, LazyPromptRuntime runtime) {
    Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type, GeneratedPrompts.class}, new LazyPrompts(type, runtime));
    return type.cast(proxy);
  }

  @Override
  public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
    if (method.getDeclaringClass() == Object.class) {
      switch (method.getName()) {
        case "equals":
          return proxy == args[0];
        case "hashCode":
          return System.identityHashCode(proxy);
        case "toString":
          Object made = target.ifMade();
          return made != null ? made.toString() : type.getName() + " (Prompt4j, made on the first call)";
        default:
          break;
      }
    }
    if (!Modifier.isPublic(method.getDeclaringClass().getModifiers())) {
      method.setAccessible(true); // a package-private prompt interface; the proxy passes the same Method every time
    }
    try {
      return method.invoke(target.get(), args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
