package dev.prompt4j.processor;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.Set;
import java.util.TreeSet;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;

/**
 * Runs a processor and records the sources it creates. compile-testing hides generated files once a
 * compilation failed, and javac stops entering new sources after a round with errors; this shows what
 * the processor wrote next to its errors.
 */
final class FilerSpy extends DelegatingProcessor {
  final Set<String> sources = new TreeSet<>();
  private final String failOn;

  FilerSpy(Processor delegate) {
    this(delegate, null);
  }

  /**
   * Also makes {@code createSourceFile} throw an unexpected exception for the source named {@code
   * failOn}, and {@code createResource} an I/O error for the resource of that name.
   */
  FilerSpy(Processor delegate, String failOn) {
    super(delegate);
    this.failOn = failOn;
  }

  @Override
  ProcessingEnvironment environmentFor(ProcessingEnvironment env) {
    Filer filer = proxy(Filer.class, env.getFiler(), (method, args) -> {
      if (method.equals("createSourceFile")) {
        sources.add(args[0].toString());
        if (args[0].toString().equals(failOn)) {
          throw new IllegalStateException("simulated failure writing " + failOn);
        }
      }
      if (method.equals("createResource") && String.valueOf(args[2]).equals(failOn)) {
        throw new java.io.IOException("simulated failure writing " + failOn);
      }
    });
    return proxy(ProcessingEnvironment.class, env, (method, args) -> { }, filer);
  }

  private interface Observer {
    void called(String method, Object[] args) throws Exception;
  }

  /** {@code target} behind {@code type}, telling {@code observer} of each call; getFiler() answers {@code filer} when given. */
  private static <T> T proxy(Class<T> type, T target, Observer observer, Filer... filer) {
    InvocationHandler handler = (self, method, args) -> {
      observer.called(method.getName(), args);
      if (filer.length > 0 && method.getName().equals("getFiler")) {
        return filer[0];
      }
      try {
        return method.invoke(target, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return type.cast(Proxy.newProxyInstance(FilerSpy.class.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
