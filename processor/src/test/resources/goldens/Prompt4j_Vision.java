package com.acme;

import dev.prompt4j.Media;
import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.PromptMethod;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Implements {@link Vision} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_Vision implements Vision, GeneratedPrompts {
  private static final PromptMethod<String> DESCRIBE = PromptMethod.of(
      Vision.class,
      "describe",
      CallSpec.of("openai", "gpt-4o-mini"),
      "72c35eab4305",
      Outputs.text());

  private static final PromptMethod<String> COMPARE = PromptMethod.of(
      Vision.class,
      "compare",
      CallSpec.of("openai", "gpt-4o-mini"),
      "7fe725fc043e",
      Outputs.text());

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_Vision() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_Vision(PromptContext context) {
    this.context = context;
  }

  @Override
  public String describe(Path photo) {
    Objects.requireNonNull(photo, "photo of Vision.describe is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(DESCRIBE, invocation -> Messages.single(Messages.parts()
          .text("Describe ")
          .image("photo", photo, "low")
          .text(" in one sentence."))).value();
  }

  @Override
  public String compare(String customer, URI before, List<Media> after, byte[] contract,
      Media note) {
    Objects.requireNonNull(customer, "customer of Vision.compare is null; pass a value, or declare the parameter Optional");
    Objects.requireNonNull(before, "before of Vision.compare is null; pass a value, or declare the parameter Optional");
    Objects.requireNonNull(after, "after of Vision.compare is null; pass a value, or declare the parameter Optional");
    Objects.requireNonNull(contract, "contract of Vision.compare is null; pass a value, or declare the parameter Optional");
    Objects.requireNonNull(note, "note of Vision.compare is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(COMPARE, invocation -> Messages.builder(2)
        .system("You compare pictures for " + customer + ".")
        .user(Messages.parts()
          .text("Compare ")
          .image("before", before, null)
          .text(" with ")
          .images("after", after, null)
          .text(" and read ")
          .pdf("contract", contract)
          .text(".\n"
              + "Then listen to ")
          .audio("note", note)
          .text("."))
        .build()).value();
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public Vision prompt4jWith(PromptContext context) {
    return new Prompt4j_Vision(context);
  }

  @Override
  public PromptFactory<Vision> prompt4jFactory() {
    return FACTORY;
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<Vision> {
    @Override
    public Class<Vision> type() {
      return Vision.class;
    }

    @Override
    public List<String> methods() {
      return List.of("compare", "describe");
    }

    @Override
    public Vision create(PromptContext context) {
      return new Prompt4j_Vision(context);
    }
  }
}
