package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.internal.GeneratedPrompts;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.util.function.Supplier;

/**
 * The bean of one prompt interface: the processor's lazy class ({@code Prompt4jLazy_<Interface>}), or
 * for an interface compiled without one a proxy that makes the generated implementation on its first
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

  /**
   * The bean of {@code type}: the processor's {@code Prompt4jLazy_<Interface>} (a plain class, no
   * class defined at run time), else, for an interface compiled by a processor that did not write
   * one, a JDK proxy.
   */
  static <T> T of(Class<T> type, LazyPromptRuntime runtime) {
    Class<?> lazy = lazyClass(type);
    if (lazy != null) {
      try {
        return type.cast(lazy.getConstructor(Supplier.class).newInstance((Supplier<T>) () -> runtime.runtime().create(type)));
      } catch (ReflectiveOperationException e) {
        throw new IllegalStateException("Cannot make " + lazy.getName() + ": rebuild the module that declared " + type.getName(), e);
      }
    }
    Object proxy = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type, GeneratedPrompts.class}, new LazyPrompts(type, runtime));
    return type.cast(proxy);
  }

  /** The processor's lazy class of {@code type}, or {@code null}: {@code Prompt4jLazy_} and the interface's simple names joined by {@code _}. */
  static Class<?> lazyClass(Class<?> type) {
    String packageName = type.getPackageName();
    String simpleNames = type.getName().substring(packageName.isEmpty() ? 0 : packageName.length() + 1).replace('$', '_');
    String name = (packageName.isEmpty() ? "" : packageName + ".") + "Prompt4jLazy_" + simpleNames;
    try {
      Class<?> lazy = Class.forName(name, false, type.getClassLoader());
      return type.isAssignableFrom(lazy) ? lazy : null;
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
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
