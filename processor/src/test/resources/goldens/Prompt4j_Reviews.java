package com.acme;

import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.FieldTask;
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
 * Implements {@link Reviews} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_Reviews implements Reviews, GeneratedPrompts {
  private static final PromptMethod<String> PICK_EXPERT = PromptMethod.of(
      Reviews.class,
      "pickExpert",
      CallSpec.of("openai", "gpt-4o-mini"),
      "538e2a33957c",
      Outputs.text());

  private static final PromptMethod<String> REVIEW = PromptMethod.of(
      Reviews.class,
      "review",
      CallSpec.of("openai", "gpt-4o-mini"),
      "6aec4ab9d299",
      Outputs.text());

  private static final PromptMethod<String> SUGGEST_TESTS = PromptMethod.of(
      Reviews.class,
      "suggestTests",
      CallSpec.of("openai", "gpt-4o-mini"),
      "7c559745e161",
      Outputs.text());

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_Reviews() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_Reviews(PromptContext context) {
    this.context = context;
  }

  @Override
  public String pickExpert(String code) {
    Objects.requireNonNull(code, "code of Reviews.pickExpert is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(PICK_EXPERT, invocation ->
        Messages.single("Which expert should review this code? Answer with a role only. "
        + code)).value();
  }

  @Override
  public String review(String code) {
    Objects.requireNonNull(code, "code of Reviews.review is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(REVIEW, invocation -> {
      FieldTask<String> expert = invocation.field("expert",
          () -> Objects.requireNonNull(this.expert(code),
          "computed field expert of Reviews returned null; return a value, or make it Optional"));
      return Messages.builder(2)
          .system("You are " + expert.join() + ".")
          .user("Review this code:\n" + code)
          .build();
    }).value();
  }

  @Override
  public String suggestTests(String code) {
    Objects.requireNonNull(code, "code of Reviews.suggestTests is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(SUGGEST_TESTS, invocation -> {
      FieldTask<String> expert = invocation.field("expert",
          () -> Objects.requireNonNull(this.expert(code),
          "computed field expert of Reviews returned null; return a value, or make it Optional"));
      return Messages.builder(2)
          .system("You are " + expert.join() + ".")
          .user("Suggest tests for:\n" + code)
          .build();
    }).value();
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public Reviews prompt4jWith(PromptContext context) {
    return new Prompt4j_Reviews(context);
  }

  @Override
  public PromptFactory<Reviews> prompt4jFactory() {
    return FACTORY;
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<Reviews> {
    @Override
    public Class<Reviews> type() {
      return Reviews.class;
    }

    @Override
    public List<String> methods() {
      return List.of("pickExpert", "review", "suggestTests");
    }

    @Override
    public Reviews create(PromptContext context) {
      return new Prompt4j_Reviews(context);
    }
  }
}
