package dev.prompt4j.test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.TreeSet;

/**
 * Scripted answers for the prompt methods of one interface, made by {@link PromptTestKit#stub}. A
 * stubbed method is answered by its stub whatever the mode: no recording, no provider.
 *
 * <pre>{@code
 * kit.stub(Support.class).on("classify").answer("BILLING");
 * kit.stub(Support.class).on("extract").answer("not json").answerJson(new Details("X-77"));  // a re-ask, then valid
 * kit.stub(Support.class).on("summarize").rateLimited(Duration.ZERO).answer("Short.");       // a 429, retried
 * }</pre>
 *
 * <p>Why a method name and not {@code on(Support::classify)}: Java cannot name a method by reference
 * without calling it (a proxy and reflection, as mock libraries do, and arguments to invent). The
 * name is checked at once against the interface's abstract methods, with a suggestion when it is
 * misspelt, so a typo fails where it is written, not at the first call.
 *
 * @param <T> the prompt interface
 */
public final class Stub<T> {
  private final Class<T> type;
  private final Map<String, MethodStub> stubs; // by "Interface.method", shared with the kit

  Stub(Class<T> type, Map<String, MethodStub> stubs) {
    this.type = type;
    this.stubs = stubs;
  }

  /**
   * The answers of {@code method}; calling it again for the same method returns the same stub, to
   * add steps.
   *
   * @param method the name of a prompt method of the interface
   * @return its stub
   * @throws IllegalArgumentException when the interface has no abstract method of that name
   */
  public MethodStub on(String method) {
    TreeSet<String> names = promptMethods(type);
    if (!names.contains(method)) {
      String hint = Suggestions.closest(method, names);
      throw new IllegalArgumentException(type.getSimpleName() + " has no prompt method '" + method + "'"
          + (hint == null ? "" : "; did you mean '" + hint + "'?") + " Prompt methods: " + names);
    }
    return stubs.computeIfAbsent(type.getSimpleName() + "." + method, MethodStub::new);
  }

  static TreeSet<String> promptMethods(Class<?> type) {
    TreeSet<String> names = new TreeSet<>();
    for (Method m : type.getMethods()) {
      if (Modifier.isAbstract(m.getModifiers())) names.add(m.getName());
    }
    return names;
  }
}
