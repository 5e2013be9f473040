package com.acme;

import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.PromptMethod;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Implements {@link Assistants.Writer} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_Assistants_Writer implements Assistants.Writer, GeneratedPrompts {
  private static final PromptMethod<String> TITLE = PromptMethod.of(
      Assistants.Writer.class,
      "title",
      CallSpec.of("openai", "gpt-4o-mini"),
      "8d6e3d911d4a",
      Outputs.text());

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_Assistants_Writer() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_Assistants_Writer(PromptContext context) {
    this.context = context;
  }

  @Override
  public String title(String topic) {
    Objects.requireNonNull(topic, "topic of Assistants.Writer.title is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(TITLE, invocation ->
        Messages.single("Draft a title for an article about " + topic + ".")).value();
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public Assistants.Writer prompt4jWith(PromptContext context) {
    return new Prompt4j_Assistants_Writer(context);
  }

  @Override
  public PromptFactory<Assistants.Writer> prompt4jFactory() {
    return FACTORY;
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<Assistants.Writer> {
    @Override
    public Class<Assistants.Writer> type() {
      return Assistants.Writer.class;
    }

    @Override
    public List<String> methods() {
      return List.of("title");
    }

    @Override
    public Assistants.Writer create(PromptContext context) {
      return new Prompt4j_Assistants_Writer(context);
    }
  }
}
