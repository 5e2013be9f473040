package dev.prompt4j.provider;

import dev.prompt4j.CallParameters;
import dev.prompt4j.Response;
import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.FieldTask;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.PromptMethod;
import dev.prompt4j.internal.Values;
import java.util.List;

/** Hand-written the way the processor generates implementations, so runtime tests need no processor. */
public final class GreeterImpl implements Greeter, GeneratedPrompts {
  static final CallSpec CALL = new CallSpec("offline", "annotated-model", CallParameters.none().withTemperature(0.5), List.of());
  public static final PromptMethod<String> GREET = PromptMethod.of(Greeter.class, "greet", CALL, "hash-greet", Outputs.text());
  public static final PromptMethod<String> MOOD_OF = PromptMethod.of(Greeter.class, "moodOf", CALL, "hash-mood", Outputs.text());
  public static final PromptMethod<String> DESCRIBE = PromptMethod.of(Greeter.class, "describe", CALL, "hash-describe", Outputs.text());

  private final PromptContext context;

  public GreeterImpl(PromptContext context) {
    this.context = context;
  }

  @Override
  public String greet(String name) {
    return context.invoke(GREET, inv -> Messages.builder(1).user("Hi " + Values.text(name)).build()).value();
  }

  @Override
  public String moodOf(String name) {
    return context.invoke(MOOD_OF, inv -> Messages.builder(1).user("Mood of " + Values.text(name) + "?").build()).value();
  }

  @Override
  public Response<String> describe(String name) {
    return context.invoke(DESCRIBE, inv -> {
      FieldTask<String> mood = inv.field("mood", () -> mood(name));
      return Messages.builder(2)
          .system("You describe people.")
          .user("Describe " + Values.text(name) + ", who is " + Values.text(mood.join()) + ".")
          .build();
    });
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public Object prompt4jWith(PromptContext context) {
    return new GreeterImpl(context);
  }

  @Override
  public PromptFactory<?> prompt4jFactory() {
    return new Factory();
  }

  /** The generated factory, registered for ServiceLoader in the test resources. */
  public static final class Factory implements PromptFactory<Greeter> {
    @Override
    public Class<Greeter> type() {
      return Greeter.class;
    }

    @Override
    public List<String> methods() {
      return List.of("describe", "greet", "moodOf");
    }

    @Override
    public Greeter create(PromptContext context) {
      return new GreeterImpl(context);
    }
  }
}
