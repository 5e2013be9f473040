package dev.prompt4j.chain;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * Prompt interfaces of the chain tests. The processor writes their implementations; every call goes
 * to a scripted client given by the test, which answers {@code [prompt]} unless scripted otherwise.
 */
final class ChainPrompts {
  private ChainPrompts() {}

  /** A needs B and C, both need D. */
  @Call(provider = "test", model = "m")
  interface Diamond {
    @Prompt("top: {leftField} | {rightField}")
    Response<String> top(String topic);

    @Prompt("base: {topic}")
    String base(String topic);

    @Prompt("left: {base}")
    String left(String base);

    @Prompt("right: {base}")
    String right(String base);

    @ComputedField
    default String baseField(String topic) {
      return base(topic);
    }

    @ComputedField
    default String leftField(String baseField) {
      return left(baseField);
    }

    @ComputedField
    default String rightField(String baseField) {
      return right(baseField);
    }
  }

  /** Eight independent fields feed one summary. */
  @Call(provider = "test", model = "m")
  interface FanOut {
    @Prompt("summary: {p1}{p2}{p3}{p4}{p5}{p6}{p7}{p8}")
    Response<String> summary(String topic);

    @Prompt("part {n}: {topic}")
    String part(String topic, int n);

    @ComputedField default String p1(String topic) { return part(topic, 1); }
    @ComputedField default String p2(String topic) { return part(topic, 2); }
    @ComputedField default String p3(String topic) { return part(topic, 3); }
    @ComputedField default String p4(String topic) { return part(topic, 4); }
    @ComputedField default String p5(String topic) { return part(topic, 5); }
    @ComputedField default String p6(String topic) { return part(topic, 6); }
    @ComputedField default String p7(String topic) { return part(topic, 7); }
    @ComputedField default String p8(String topic) { return part(topic, 8); }
  }

  /** Branches of one call: one fails, one is slow, one needs the slow one. */
  @Call(provider = "test", model = "m")
  interface Branches {
    @Prompt("top: {quick}{slow}{failing}{later}")
    String top(String topic);

    @Prompt("{question}")
    String ask(String question);

    @ComputedField
    default String quick(String topic) {
      return ask("quick " + topic);
    }

    @ComputedField
    default String slow(String topic) {
      return ask("slow " + topic);
    }

    @ComputedField
    default String failing(String quick) {
      return ask("fail after " + quick);
    }

    @ComputedField
    default String later(String slow) {
      return ask("later " + slow);
    }
  }

  /** Async methods. */
  @Call(provider = "test", model = "m")
  interface Greeter {
    @Prompt("greet {name}")
    CompletableFuture<String> greet(String name);

    @Prompt("greet {name}")
    CompletableFuture<Response<String>> greetResponse(String name);
  }

  /** Three levels of nested chains: l1 has 4 fields calling l2, l2 has 3 calling l3, l3 has 2 calling leaf. */
  @Call(provider = "test", model = "m")
  interface Levels {
    @Prompt("l1 {a1}{a2}{a3}{a4}")
    String l1(String x);

    @Prompt("l2 {b1}{b2}{b3}")
    String l2(String x);

    @Prompt("l3 {c1}{c2}")
    String l3(String x);

    @Prompt("leaf {x}")
    String leaf(String x);

    @ComputedField default String a1(String x) { return l2(x + ".a1"); }
    @ComputedField default String a2(String x) { return l2(x + ".a2"); }
    @ComputedField default String a3(String x) { return l2(x + ".a3"); }
    @ComputedField default String a4(String x) { return l2(x + ".a4"); }
    @ComputedField default String b1(String x) { return l3(x + ".b1"); }
    @ComputedField default String b2(String x) { return l3(x + ".b2"); }
    @ComputedField default String b3(String x) { return l3(x + ".b3"); }
    @ComputedField default String c1(String x) { return leaf(x + ".c1"); }
    @ComputedField default String c2(String x) { return leaf(x + ".c2"); }
  }

  /** Plain Java inside fields: a loop of calls, and a fan-out of async calls joined by the field. */
  @Call(provider = "test", model = "m")
  interface Research {
    @Prompt("report: {loopNotes} {fanNotes}")
    Response<String> report(String topic);

    @Prompt("note {topic}")
    String note(String topic);

    @Prompt("note {topic}")
    CompletableFuture<String> noteAsync(String topic);

    @ComputedField
    default String loopNotes(String topic) {
      StringBuilder notes = new StringBuilder();
      for (int i = 1; i <= 3; i++) {
        notes.append(note(topic + " " + i));
      }
      return notes.toString();
    }

    @ComputedField
    default String fanNotes(String topic) {
      CompletableFuture<String> a = noteAsync(topic + " A");
      CompletableFuture<String> b = noteAsync(topic + " B");
      return a.join() + b.join();
    }
  }

  /** A field that needs another: the second one's call can be made to hang. */
  @Call(provider = "test", model = "m")
  interface Timed {
    @Prompt("top: {first} {stuck}")
    Response<String> top(String topic);

    @Prompt("{question}")
    String ask(String question);

    @Prompt("{question}")
    String echo(String question);

    @ComputedField
    default String first(String topic) {
      return ask("first " + topic);
    }

    @ComputedField
    default String stuck(String first) {
      return ask("stuck after " + first);
    }
  }

  /** The code of a {@link Probe}'s fields, given by each test as the call's argument. */
  static final class Steps {
    /** One field's code. */
    @FunctionalInterface
    interface Step {
      String run(Probe probe) throws Exception;
    }

    private final Map<String, Step> steps = new HashMap<>();

    Steps on(String field, Step step) {
      steps.put(field, step);
      return this;
    }

    String run(String field, Probe probe) throws Exception {
      Step step = steps.get(field);
      if (step == null) {
        throw new AssertionError("no step scripted for " + field);
      }
      return step.run(probe);
    }

    @Override
    public String toString() {
      return "steps " + steps.keySet();
    }
  }

  /**
   * Fields whose code the test gives ({@link Steps}), for failures racing with their siblings. Each
   * method's template names its fields in the order the generated code forks them.
   */
  @Call(provider = "test", model = "m")
  interface Probe {
    @Prompt("{broken}{afterwards}")
    String brokenFirst(Steps steps);

    @Prompt("{stubborn}{broken}")
    String swallowing(Steps steps);

    @Prompt("{blocked}{broken}")
    String blocking(Steps steps);

    @Prompt("{done}{broken}{after}")
    String racing(Steps steps);

    @Prompt("{blocked}{where}")
    String located(Steps steps);

    @Prompt("{question}")
    String ask(String question);

    @ComputedField default String broken(Steps steps) throws Exception { return steps.run("broken", this); }
    @ComputedField default String afterwards(Steps steps) throws Exception { return steps.run("afterwards", this); }
    @ComputedField default String stubborn(Steps steps) throws Exception { return steps.run("stubborn", this); }
    @ComputedField default String blocked(Steps steps) throws Exception { return steps.run("blocked", this); }
    @ComputedField default String done(Steps steps) throws Exception { return steps.run("done", this); }
    @ComputedField default String after(Steps steps, String done) throws Exception { return steps.run("after", this); }
    @ComputedField default String where(Steps steps) throws Exception { return steps.run("where", this); }
  }
}
