package dev.prompt4j.provider;

import java.util.function.Supplier;

/**
 * The prompt method a request is being sent for, visible to the {@link
 * dev.langchain4j.model.chat.ChatModel} on the thread that sends it. A langchain4j request does not
 * carry the method; Prompt4j sets this around every {@code chat(...)} call so that clients such as
 * the test kit's scripted and recording models can answer by method.
 *
 * <pre>{@code
 * RequestContext context = RequestContext.current();   // inside ChatModel.doChat
 * String key = context == null ? "outside Prompt4j" : context.qualifiedName() + "@" + context.promptVersion();
 * }</pre>
 *
 * <pre>{@code
 * public ChatResponse doChat(ChatRequest request) {
 *   RequestContext sending = RequestContext.current();   // e.g. Support.classify on openai:gpt-4o-mini
 *   ...
 * }
 * }</pre>
 *
 * @param interfaceName the prompt interface's simple name, for example {@code TrendAnalysis}
 * @param methodName the prompt method, for example {@code classifyTrend}
 * @param provider the provider name of the target being asked
 * @param model the model name of the target being asked
 * @param promptVersion the call's prompt version ({@code Response.promptVersion()}: a hash of the
 *     template, the models asked and the parameters), or {@code null} when unknown
 */
public record RequestContext(String interfaceName, String methodName, String provider, String model, String promptVersion) {
  private static final ThreadLocal<RequestContext> CURRENT = new ThreadLocal<>();

  /**
   * A context without a prompt version.
   *
   * @param interfaceName the prompt interface's simple name
   * @param methodName the prompt method
   * @param provider the provider name of the target being asked
   * @param model the model name of the target being asked
   */
  public RequestContext(String interfaceName, String methodName, String provider, String model) {
    this(interfaceName, methodName, provider, model, null);
  }

  /**
   * The request being sent on this thread, or {@code null} outside a Prompt4j call.
   *
   * @return the request being sent on this thread, or {@code null} outside a Prompt4j call
   */
  public static RequestContext current() {
    return CURRENT.get();
  }

  /**
   * {@code Interface.method}.
   *
   * @return {@code Interface.method}
   */
  public String qualifiedName() {
    return interfaceName + "." + methodName;
  }

  /**
   * Makes {@code context} current on this thread; used by the runtime around every request.
   *
   * @param context the request being sent
   * @return the context it replaces, for {@link #restore}
   */
  public static RequestContext enter(RequestContext context) {
    RequestContext previous = CURRENT.get();
    CURRENT.set(context);
    return previous;
  }

  /**
   * Puts back what {@link #enter} returned.
   *
   * @param previous what {@link #enter} returned
   */
  public static void restore(RequestContext previous) {
    CURRENT.set(previous); // set(null) rather than remove(): cheaper, and the thread keeps using it
  }

  /**
   * Runs {@code send} with {@code context} current on this thread, for clients and tests that answer
   * by method outside a Prompt4j call.
   *
   * @param context the request being sent
   * @param send what sends it
   * @param <T> its result
   * @return what {@code send} returned
   */
  public static <T> T with(RequestContext context, Supplier<T> send) {
    RequestContext previous = CURRENT.get();
    CURRENT.set(context);
    try {
      return send.get();
    } finally {
      if (previous == null) {
        CURRENT.remove();
      } else {
        CURRENT.set(previous);
      }
    }
  }
}
