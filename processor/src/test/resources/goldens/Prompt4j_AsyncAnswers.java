package com.acme;

import dev.prompt4j.Response;
import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.PromptMethod;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Implements {@link AsyncAnswers} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_AsyncAnswers implements AsyncAnswers, GeneratedPrompts {
  private static final PromptMethod<String> SUMMARIZE = PromptMethod.of(
      AsyncAnswers.class,
      "summarize",
      CallSpec.of("openai", "gpt-4o-mini"),
      "64aa37cfc0b4",
      Outputs.text());

  private static final PromptMethod<String> TRANSLATE = PromptMethod.of(
      AsyncAnswers.class,
      "translate",
      CallSpec.of("openai", "gpt-4o-mini"),
      "db380abb8bc7",
      Outputs.text());

  private static final PromptMethod<AsyncAnswers.Sentiment> CLASSIFY = PromptMethod.of(
      AsyncAnswers.class,
      "classify",
      CallSpec.of("openai", "gpt-4o-mini"),
      "f5b92f0ce635",
      Outputs.enumOf("Sentiment", AsyncAnswers.Sentiment.values()));

  private static final PromptMethod<AsyncAnswers.Sentiment> CLASSIFY_LATER = PromptMethod.of(
      AsyncAnswers.class,
      "classifyLater",
      CallSpec.of("openai", "gpt-4o-mini"),
      "f5b92f0ce635",
      Outputs.enumOf("Sentiment", AsyncAnswers.Sentiment.values()));

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_AsyncAnswers() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_AsyncAnswers(PromptContext context) {
    this.context = context;
  }

  @Override
  public CompletableFuture<String> summarize(String text) {
    Objects.requireNonNull(text, "text of AsyncAnswers.summarize is null; pass a value, or declare the parameter Optional");
    return this.context.invokeAsyncValue(SUMMARIZE, invocation ->
        Messages.single("Summarize in one line: " + text));
  }

  @Override
  public CompletableFuture<Response<String>> translate(String text, String language) {
    Objects.requireNonNull(text, "text of AsyncAnswers.translate is null; pass a value, or declare the parameter Optional");
    Objects.requireNonNull(language, "language of AsyncAnswers.translate is null; pass a value, or declare the parameter Optional");
    return this.context.invokeAsync(TRANSLATE, invocation -> Messages.single("Translate to "
        + language + ": " + text));
  }

  @Override
  public Response<AsyncAnswers.Sentiment> classify(String text) {
    Objects.requireNonNull(text, "text of AsyncAnswers.classify is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(CLASSIFY, invocation ->
        Messages.single("Is this review positive, neutral or negative? " + text));
  }

  @Override
  public CompletableFuture<AsyncAnswers.Sentiment> classifyLater(String text) {
    Objects.requireNonNull(text, "text of AsyncAnswers.classifyLater is null; pass a value, or declare the parameter Optional");
    return this.context.invokeAsyncValue(CLASSIFY_LATER, invocation ->
        Messages.single("Is this review positive, neutral or negative? " + text));
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public AsyncAnswers prompt4jWith(PromptContext context) {
    return new Prompt4j_AsyncAnswers(context);
  }

  @Override
  public PromptFactory<AsyncAnswers> prompt4jFactory() {
    return FACTORY;
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<AsyncAnswers> {
    @Override
    public Class<AsyncAnswers> type() {
      return AsyncAnswers.class;
    }

    @Override
    public List<String> methods() {
      return List.of("classify", "classifyLater", "summarize", "translate");
    }

    @Override
    public AsyncAnswers create(PromptContext context) {
      return new Prompt4j_AsyncAnswers(context);
    }
  }
}
