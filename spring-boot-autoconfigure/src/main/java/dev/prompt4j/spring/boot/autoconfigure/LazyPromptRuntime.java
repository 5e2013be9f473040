package dev.prompt4j.spring.boot.autoconfigure;

import dev.prompt4j.MethodDescription;
import dev.prompt4j.PromptRuntime;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.springframework.beans.factory.SmartInitializingSingleton;

/**
 * The application's runtime, built on the first call of any prompt bean rather than during the
 * context's refresh: building it loads the model clients' classes, Jackson, the price table and the
 * providers, which is most of Prompt4j's start-up cost. Configuration is checked at start-up all the
 * same ({@code Prompt4j.Builder#check}), so a wrong key still fails there: the check runs on a thread
 * of its own from the moment this bean is made (as Spring Boot's own background pre-initialization
 * does), and the context waits for it once every singleton is made, failing its start-up with the
 * check's exception. {@link #create} returns an instance that makes the generated implementation on
 * its first call ({@link LazyPrompts}).
 */
final class LazyPromptRuntime implements PromptRuntime, SmartInitializingSingleton {
  private final FutureTask<Void> check;
  private final Supplier<PromptRuntime> build;
  private volatile PromptRuntime runtime;

  /**
   * @param check checks the configuration, throwing when it is not valid; started now
   * @param build builds the runtime, on the first call
   */
  LazyPromptRuntime(Runnable check, Supplier<PromptRuntime> build) {
    this.check = new FutureTask<>(check, null);
    Thread thread = new Thread(this.check, "prompt4j-configuration-check");
    thread.setDaemon(true);
    thread.start();
    this.build = build;
  }

  /** Fails the context's start-up when the configuration is not valid. */
  @Override
  public void afterSingletonsInstantiated() {
    awaitCheck();
  }

  private void awaitCheck() {
    try {
      check.get();
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException failure) {
        throw failure;
      }
      if (e.getCause() instanceof Error error) {
        throw error;
      }
      throw new IllegalStateException(e.getCause());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while Prompt4j's configuration was checked", e);
    }
  }

  /** The runtime, built now if no call has built it yet; once, whichever thread comes first. */
  PromptRuntime runtime() {
    PromptRuntime made = runtime;
    if (made == null) {
      synchronized (this) {
        made = runtime;
        if (made == null) {
          awaitCheck();
          made = build.get();
          runtime = made;
        }
      }
    }
    return made;
  }

  /** Whether a call (or anything else) has built the runtime yet. */
  boolean built() {
    return runtime != null;
  }

  @Override
  public <T> T create(Class<T> type) {
    return LazyPrompts.of(type, this);
  }

  /** Builds the runtime if no call has: describing needs the configuration and the generated classes. */
  @Override
  public List<MethodDescription> describe(Class<?> type) {
    return runtime().describe(type);
  }

  @Override
  public String toString() {
    return "Prompt4j runtime (" + (built() ? "built" : "built on the first call") + ")";
  }
}
