package dev.prompt4j.test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.opentest4j.AssertionFailedError;

/**
 * The requests a test's runtime sent, oldest first, with assertions on them: which calls were made,
 * in what order, what they said, and which ran at the same time.
 *
 * <pre>{@code
 * kit.calls().assertMethods("Support.classify", "Support.handleBilling");
 * kit.calls().assertOverlapped("Review.checkSecurity", "Review.checkPerformance");
 * assertTrue(kit.calls().last().userText().contains("invoice"));
 * }</pre>
 *
 * Methods are named {@code "Interface.method"}, or {@code "method"} for that method of any interface.
 */
public final class PromptCalls {
  private final Supplier<List<PromptCall>> calls;

  PromptCalls(Supplier<List<PromptCall>> calls) {
    this.calls = calls;
  }

  /**
   * Every request so far, in the order they were sent.
   *
   * @return every request so far, in the order they were sent
   */
  public List<PromptCall> all() {
    return calls.get();
  }

  /**
   * The requests for {@code method}, in the order they were sent.
   *
   * @param method the method
   * @return the requests for {@code method}, in the order they were sent
   */
  public List<PromptCall> of(String method) {
    return all().stream().filter(c -> matches(method, c)).toList();
  }

  /**
   * The {@code Interface.method} of every request, in order.
   *
   * @return the {@code Interface.method} of every request, in order
   */
  public List<String> methods() {
    return all().stream().map(PromptCall::method).toList();
  }

  /**
   * How many requests were sent.
   *
   * @return how many requests were sent
   */
  public int size() {
    return all().size();
  }

  /**
   * The latest request.
   *
   * @return the latest request
   */
  public PromptCall last() {
    List<PromptCall> all = all();
    if (all.isEmpty()) {
      throw new AssertionFailedError("No prompt call was made");
    }
    return all.get(all.size() - 1);
  }

  /**
   * The only request for {@code method}; fails when there were none or several.
   *
   * @param method the method
   * @return the only request for {@code method}; fails when there were none or several
   */
  public PromptCall single(String method) {
    List<PromptCall> found = of(method);
    if (found.size() != 1) {
      throw new AssertionFailedError("Expected one call of " + method + ", found " + found.size() + "; calls: " + methods());
    }
    return found.get(0);
  }

  /**
   * Asserts that exactly these requests were sent, in this order.
   *
   * @param expected the expected
   * @return asserts that exactly these requests were sent, in this order
   */
  public PromptCalls assertMethods(String... expected) {
    List<String> actual = methods();
    boolean same = actual.size() == expected.length;
    for (int i = 0; same && i < expected.length; i++) {
      same = matches(expected[i], all().get(i));
    }
    if (!same) {
      throw new AssertionFailedError("Prompt calls differ", Arrays.asList(expected), actual);
    }
    return this;
  }

  /**
   * Asserts that requests for these methods were sent in this order, other requests allowed between them.
   *
   * @param methods the methods
   * @return asserts that requests for these methods were sent in this order, other requests allowed between them
   */
  public PromptCalls assertInOrder(String... methods) {
    int next = 0;
    for (PromptCall call : all()) {
      if (next < methods.length && matches(methods[next], call)) next++;
    }
    if (next < methods.length) {
      throw new AssertionFailedError("Expected calls in the order " + Arrays.asList(methods) + "; " + methods[next]
          + " was not found after the earlier ones; calls: " + methods());
    }
    return this;
  }

  /**
   * Asserts that a request for {@code a} and one for {@code b} were in flight at the same time.
   *
   * @param a the a
   * @param b the b
   * @return asserts that a request for {@code a} and one for {@code b} were in flight at the same time
   */
  public PromptCalls assertOverlapped(String a, String b) {
    if (!anyOverlap(a, b)) {
      throw new AssertionFailedError("Expected " + a + " and " + b + " to run at the same time; they did not: " + timeline(a, b));
    }
    return this;
  }

  /**
   * Asserts that no request for {@code a} was in flight while one for {@code b} was.
   *
   * @param a the a
   * @param b the b
   * @return asserts that no request for {@code a} was in flight while one for {@code b} was
   */
  public PromptCalls assertNotOverlapped(String a, String b) {
    if (anyOverlap(a, b)) {
      throw new AssertionFailedError("Expected " + a + " and " + b + " to run one after the other; they overlapped: " + timeline(a, b));
    }
    return this;
  }

  /**
   * The requests that were in flight while {@code call} was, itself excluded.
   *
   * @param call the call
   * @return the requests that were in flight while {@code call} was, itself excluded
   */
  public List<PromptCall> overlapping(PromptCall call) {
    List<PromptCall> out = new ArrayList<>();
    for (PromptCall other : all()) {
      if (other != call && other.overlaps(call)) out.add(other);
    }
    return out;
  }

  private boolean anyOverlap(String a, String b) {
    for (PromptCall x : of(a)) {
      for (PromptCall y : of(b)) {
        if (x != y && x.overlaps(y)) return true;
      }
    }
    return false;
  }

  private String timeline(String a, String b) {
    List<PromptCall> all = all();
    if (all.isEmpty()) return "no calls";
    java.time.Instant zero = all.get(0).startedAt();
    StringBuilder text = new StringBuilder();
    for (PromptCall c : all) {
      if (matches(a, c) || matches(b, c)) {
        text.append("\n  ").append(c.method()).append(" from ").append(java.time.Duration.between(zero, c.startedAt()).toNanos() / 1_000)
            .append(" us to ").append(java.time.Duration.between(zero, c.endedAt()).toNanos() / 1_000).append(" us on ").append(c.thread());
      }
    }
    return text.toString();
  }

  static boolean matches(String wanted, PromptCall call) {
    return OfflineModel.methodMatches(wanted, call.method());
  }

  @Override
  public String toString() {
    return "PromptCalls" + methods();
  }
}
