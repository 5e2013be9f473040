package dev.prompt4j.chain;

import dev.prompt4j.Response;
import dev.prompt4j.internal.FieldTask;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptMethod;
import dev.prompt4j.internal.Values;
import java.util.concurrent.CompletableFuture;

/**
 * Prompt interfaces of the chain tests, each with the class the processor would generate for it,
 * written by hand in the generated style: fields forked in dependency order, joined where the
 * template needs them.
 */
final class ChainPrompts {
  private ChainPrompts() {}

  /** A needs B and C, both need D. */
  interface Diamond {
    Response<String> top(String topic); // "top: {leftField} | {rightField}"

    String base(String topic); // "base: {topic}"

    String left(String base); // "left: {base}"

    String right(String base); // "right: {base}"

    default String baseField(String topic) {
      return base(topic);
    }

    default String leftField(String baseField) {
      return left(baseField);
    }

    default String rightField(String baseField) {
      return right(baseField);
    }
  }

  static final class DiamondImpl extends TestPrompts implements Diamond {
    static final PromptMethod<String> TOP = text(Diamond.class, "top");
    static final PromptMethod<String> BASE = text(Diamond.class, "base");
    static final PromptMethod<String> LEFT = text(Diamond.class, "left");
    static final PromptMethod<String> RIGHT = text(Diamond.class, "right");

    DiamondImpl(PromptContext context) {
      super(context);
    }

    @Override
    public Response<String> top(String topic) {
      return this.context.invoke(TOP, invocation -> {
        FieldTask<String> baseField = invocation.field("baseField", () -> this.baseField(topic));
        FieldTask<String> leftField = invocation.field("leftField", () -> this.leftField(baseField.join()), baseField);
        FieldTask<String> rightField = invocation.field("rightField", () -> this.rightField(baseField.join()), baseField);
        return Messages.single("top: " + Values.text(leftField.join()) + " | " + Values.text(rightField.join()));
      });
    }

    @Override
    public String base(String topic) {
      return this.context.invoke(BASE, invocation -> Messages.single("base: " + Values.text(topic))).value();
    }

    @Override
    public String left(String base) {
      return this.context.invoke(LEFT, invocation -> Messages.single("left: " + Values.text(base))).value();
    }

    @Override
    public String right(String base) {
      return this.context.invoke(RIGHT, invocation -> Messages.single("right: " + Values.text(base))).value();
    }

    @Override
    public Object prompt4jWith(PromptContext context) {
      return new DiamondImpl(context);
    }
  }

  /** Eight independent fields feed one summary. */
  interface FanOut {
    Response<String> summary(String topic);

    String part(String topic, int n); // "part {n}: {topic}"

    default String p1(String topic) { return part(topic, 1); }
    default String p2(String topic) { return part(topic, 2); }
    default String p3(String topic) { return part(topic, 3); }
    default String p4(String topic) { return part(topic, 4); }
    default String p5(String topic) { return part(topic, 5); }
    default String p6(String topic) { return part(topic, 6); }
    default String p7(String topic) { return part(topic, 7); }
    default String p8(String topic) { return part(topic, 8); }
  }

  static final class FanOutImpl extends TestPrompts implements FanOut {
    static final PromptMethod<String> SUMMARY = text(FanOut.class, "summary");
    static final PromptMethod<String> PART = text(FanOut.class, "part");

    FanOutImpl(PromptContext context) {
      super(context);
    }

    @Override
    public Response<String> summary(String topic) {
      return this.context.invoke(SUMMARY, invocation -> {
        FieldTask<String> p1 = invocation.field("p1", () -> this.p1(topic));
        FieldTask<String> p2 = invocation.field("p2", () -> this.p2(topic));
        FieldTask<String> p3 = invocation.field("p3", () -> this.p3(topic));
        FieldTask<String> p4 = invocation.field("p4", () -> this.p4(topic));
        FieldTask<String> p5 = invocation.field("p5", () -> this.p5(topic));
        FieldTask<String> p6 = invocation.field("p6", () -> this.p6(topic));
        FieldTask<String> p7 = invocation.field("p7", () -> this.p7(topic));
        FieldTask<String> p8 = invocation.field("p8", () -> this.p8(topic));
        return Messages.single("summary: " + Values.text(p1.join()) + Values.text(p2.join()) + Values.text(p3.join())
            + Values.text(p4.join()) + Values.text(p5.join()) + Values.text(p6.join()) + Values.text(p7.join())
            + Values.text(p8.join()));
      });
    }

    @Override
    public String part(String topic, int n) {
      return this.context.invoke(PART, invocation -> Messages.single("part " + Values.text(n) + ": " + Values.text(topic))).value();
    }

    @Override
    public Object prompt4jWith(PromptContext context) {
      return new FanOutImpl(context);
    }
  }

  /** Branches of one call: one fails, one is slow, one needs the slow one. */
  interface Branches {
    String top(String topic); // "top: {quick} {slow} {failing} {later}"

    String ask(String question); // "{question}"

    default String quick(String topic) {
      return ask("quick " + topic);
    }

    default String slow(String topic) {
      return ask("slow " + topic);
    }

    default String failing(String quick) {
      return ask("fail after " + quick);
    }

    default String later(String slow) {
      return ask("later " + slow);
    }
  }

  static final class BranchesImpl extends TestPrompts implements Branches {
    static final PromptMethod<String> TOP = text(Branches.class, "top");
    static final PromptMethod<String> ASK = text(Branches.class, "ask");

    BranchesImpl(PromptContext context) {
      super(context);
    }

    @Override
    public String top(String topic) {
      return this.context.invoke(TOP, invocation -> {
        FieldTask<String> quick = invocation.field("quick", () -> this.quick(topic));
        FieldTask<String> slow = invocation.field("slow", () -> this.slow(topic));
        FieldTask<String> failing = invocation.field("failing", () -> this.failing(quick.join()), quick);
        FieldTask<String> later = invocation.field("later", () -> this.later(slow.join()), slow);
        return Messages.single("top: " + Values.text(quick.join()) + Values.text(slow.join()) + Values.text(failing.join())
            + Values.text(later.join()));
      }).value();
    }

    @Override
    public String ask(String question) {
      return this.context.invoke(ASK, invocation -> Messages.single(Values.text(question))).value();
    }

    @Override
    public Object prompt4jWith(PromptContext context) {
      return new BranchesImpl(context);
    }
  }

  /** Async methods. */
  interface Greeter {
    CompletableFuture<String> greet(String name); // "greet {name}"

    CompletableFuture<Response<String>> greetResponse(String name); // "greet {name}"
  }

  static final class GreeterImpl extends TestPrompts implements Greeter {
    static final PromptMethod<String> GREET = text(Greeter.class, "greet");
    static final PromptMethod<String> GREET_RESPONSE = text(Greeter.class, "greetResponse");

    GreeterImpl(PromptContext context) {
      super(context);
    }

    @Override
    public CompletableFuture<String> greet(String name) {
      return this.context.invokeAsyncValue(GREET, invocation -> Messages.single("greet " + Values.text(name)));
    }

    @Override
    public CompletableFuture<Response<String>> greetResponse(String name) {
      return this.context.invokeAsync(GREET_RESPONSE, invocation -> Messages.single("greet " + Values.text(name)));
    }

    @Override
    public Object prompt4jWith(PromptContext context) {
      return new GreeterImpl(context);
    }
  }

  /** Three levels of nested chains: l1 has 4 fields calling l2, l2 has 3 calling l3, l3 has 2 calling leaf. */
  interface Levels {
    String l1(String x);

    String l2(String x);

    String l3(String x);

    String leaf(String x);

    default String a1(String x) { return l2(x + ".a1"); }
    default String a2(String x) { return l2(x + ".a2"); }
    default String a3(String x) { return l2(x + ".a3"); }
    default String a4(String x) { return l2(x + ".a4"); }
    default String b1(String x) { return l3(x + ".b1"); }
    default String b2(String x) { return l3(x + ".b2"); }
    default String b3(String x) { return l3(x + ".b3"); }
    default String c1(String x) { return leaf(x + ".c1"); }
    default String c2(String x) { return leaf(x + ".c2"); }
  }

  static final class LevelsImpl extends TestPrompts implements Levels {
    static final PromptMethod<String> L1 = text(Levels.class, "l1");
    static final PromptMethod<String> L2 = text(Levels.class, "l2");
    static final PromptMethod<String> L3 = text(Levels.class, "l3");
    static final PromptMethod<String> LEAF = text(Levels.class, "leaf");

    LevelsImpl(PromptContext context) {
      super(context);
    }

    @Override
    public String l1(String x) {
      return this.context.invoke(L1, invocation -> {
        FieldTask<String> a1 = invocation.field("a1", () -> this.a1(x));
        FieldTask<String> a2 = invocation.field("a2", () -> this.a2(x));
        FieldTask<String> a3 = invocation.field("a3", () -> this.a3(x));
        FieldTask<String> a4 = invocation.field("a4", () -> this.a4(x));
        return Messages.single("l1 " + Values.text(a1.join()) + Values.text(a2.join()) + Values.text(a3.join()) + Values.text(a4.join()));
      }).value();
    }

    @Override
    public String l2(String x) {
      return this.context.invoke(L2, invocation -> {
        FieldTask<String> b1 = invocation.field("b1", () -> this.b1(x));
        FieldTask<String> b2 = invocation.field("b2", () -> this.b2(x));
        FieldTask<String> b3 = invocation.field("b3", () -> this.b3(x));
        return Messages.single("l2 " + Values.text(b1.join()) + Values.text(b2.join()) + Values.text(b3.join()));
      }).value();
    }

    @Override
    public String l3(String x) {
      return this.context.invoke(L3, invocation -> {
        FieldTask<String> c1 = invocation.field("c1", () -> this.c1(x));
        FieldTask<String> c2 = invocation.field("c2", () -> this.c2(x));
        return Messages.single("l3 " + Values.text(c1.join()) + Values.text(c2.join()));
      }).value();
    }

    @Override
    public String leaf(String x) {
      return this.context.invoke(LEAF, invocation -> Messages.single("leaf " + Values.text(x))).value();
    }

    @Override
    public Object prompt4jWith(PromptContext context) {
      return new LevelsImpl(context);
    }
  }

  /** Plain Java inside fields: a loop of calls, and a fan-out of async calls joined by the field. */
  interface Research {
    Response<String> report(String topic); // "report: {loopNotes} {fanNotes}"

    String note(String topic); // "note {topic}"

    CompletableFuture<String> noteAsync(String topic); // "note {topic}"

    default String loopNotes(String topic) {
      StringBuilder notes = new StringBuilder();
      for (int i = 1; i <= 3; i++) {
        notes.append(note(topic + " " + i));
      }
      return notes.toString();
    }

    default String fanNotes(String topic) {
      CompletableFuture<String> a = noteAsync(topic + " A");
      CompletableFuture<String> b = noteAsync(topic + " B");
      return a.join() + b.join();
    }
  }

  static final class ResearchImpl extends TestPrompts implements Research {
    static final PromptMethod<String> REPORT = text(Research.class, "report");
    static final PromptMethod<String> NOTE = text(Research.class, "note");
    static final PromptMethod<String> NOTE_ASYNC = text(Research.class, "noteAsync");

    ResearchImpl(PromptContext context) {
      super(context);
    }

    @Override
    public Response<String> report(String topic) {
      return this.context.invoke(REPORT, invocation -> {
        FieldTask<String> loopNotes = invocation.field("loopNotes", () -> this.loopNotes(topic));
        FieldTask<String> fanNotes = invocation.field("fanNotes", () -> this.fanNotes(topic));
        return Messages.single("report: " + Values.text(loopNotes.join()) + " " + Values.text(fanNotes.join()));
      });
    }

    @Override
    public String note(String topic) {
      return this.context.invoke(NOTE, invocation -> Messages.single("note " + Values.text(topic))).value();
    }

    @Override
    public CompletableFuture<String> noteAsync(String topic) {
      return this.context.invokeAsyncValue(NOTE_ASYNC, invocation -> Messages.single("note " + Values.text(topic)));
    }

    @Override
    public Object prompt4jWith(PromptContext context) {
      return new ResearchImpl(context);
    }
  }

  /** A field that needs another: the second one's call can be made to hang. */
  interface Timed {
    Response<String> top(String topic); // "top: {first} {stuck}"

    String ask(String question); // "{question}"

    default String first(String topic) {
      return ask("first " + topic);
    }

    default String stuck(String first) {
      return ask("stuck after " + first);
    }
  }

  static final class TimedImpl extends TestPrompts implements Timed {
    static final PromptMethod<String> TOP = text(Timed.class, "top");
    static final PromptMethod<String> ASK = text(Timed.class, "ask");

    TimedImpl(PromptContext context) {
      super(context);
    }

    @Override
    public Response<String> top(String topic) {
      return this.context.invoke(TOP, invocation -> {
        FieldTask<String> first = invocation.field("first", () -> this.first(topic));
        FieldTask<String> stuck = invocation.field("stuck", () -> this.stuck(first.join()), first);
        return Messages.single("top: " + Values.text(first.join()) + " " + Values.text(stuck.join()));
      });
    }

    @Override
    public String ask(String question) {
      return this.context.invoke(ASK, invocation -> Messages.single(Values.text(question))).value();
    }

    @Override
    public Object prompt4jWith(PromptContext context) {
      return new TimedImpl(context);
    }
  }
}
