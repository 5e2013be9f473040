package com.acme;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.PromptMethod;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import javax.annotation.processing.Generated;

/**
 * Implements {@link NestedNames} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_NestedNames implements NestedNames, GeneratedPrompts {
  /**
   * JSON Schema of {@code Response}, derived at compile time from its type and constraints.
   */
  private static final String SUMMARIZE_SCHEMA = """
      {
        "type": "object",
        "properties": {
          "answer": {
            "type": "string"
          }
        },
        "required": [
          "answer"
        ],
        "additionalProperties": false
      }""";

  private static final PromptMethod<NestedNames.Response> SUMMARIZE = PromptMethod.of(
      NestedNames.class,
      "summarize",
      CallSpec.of("openai", "gpt-4o-mini"),
      "92ed54a44ecd",
      Outputs.json(new TypeReference<NestedNames.Response>() {}, "Response", SUMMARIZE_SCHEMA));

  private static final PromptMethod<NestedNames.Values> PICK = PromptMethod.of(
      NestedNames.class,
      "pick",
      CallSpec.of("openai", "gpt-4o-mini"),
      "80b3f5514ba4",
      Outputs.enumOf("Values", NestedNames.Values.values()));

  private static final PromptMethod<String> NOTE = PromptMethod.of(
      NestedNames.class,
      "note",
      CallSpec.of("openai", "gpt-4o-mini"),
      "bec53689c3b4",
      Outputs.text());

  private static final PromptMethod<String> TELL = PromptMethod.of(
      NestedNames.class,
      "tell",
      CallSpec.of("openai", "gpt-4o-mini"),
      "cacb8abb7801",
      Outputs.text());

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_NestedNames() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_NestedNames(PromptContext context) {
    this.context = context;
  }

  @Override
  public NestedNames.Response summarize(String topic, String audience) {
    Objects.requireNonNull(topic, "topic of NestedNames.summarize is null; pass a value, or declare the parameter Optional");
    Objects.requireNonNull(audience, "audience of NestedNames.summarize is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(SUMMARIZE, invocation ->
        dev.prompt4j.internal.Messages.single("Summarize " + topic + " for " + audience)).value();
  }

  @Override
  public dev.prompt4j.Response<NestedNames.Values> pick(String topic) {
    Objects.requireNonNull(topic, "topic of NestedNames.pick is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(PICK, invocation ->
        dev.prompt4j.internal.Messages.single("Pick one for " + topic));
  }

  @Override
  public String note(String topic, NestedNames.FieldTask task) {
    Objects.requireNonNull(topic, "topic of NestedNames.note is null; pass a value, or declare the parameter Optional");
    Objects.requireNonNull(task, "task of NestedNames.note is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(NOTE, invocation -> dev.prompt4j.internal.Messages.single("Note on "
        + task.name() + ": " + topic)).value();
  }

  @Override
  public CompletableFuture<dev.prompt4j.Response<String>> tell(String topic) {
    Objects.requireNonNull(topic, "topic of NestedNames.tell is null; pass a value, or declare the parameter Optional");
    return this.context.invokeAsync(TELL, invocation -> {
      dev.prompt4j.internal.FieldTask<String> persona = invocation.field("persona",
          () -> Objects.requireNonNull(this.persona(topic),
          "computed field persona of NestedNames returned null; return a value, or make it Optional"));
      return dev.prompt4j.internal.Messages.single("Tell me about " + topic + " as "
          + persona.join());
    });
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public NestedNames prompt4jWith(PromptContext context) {
    return new Prompt4j_NestedNames(context);
  }

  @Override
  public PromptFactory<NestedNames> prompt4jFactory() {
    return FACTORY;
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<NestedNames> {
    @Override
    public Class<NestedNames> type() {
      return NestedNames.class;
    }

    @Override
    public List<String> methods() {
      return List.of("note", "pick", "summarize", "tell");
    }

    @Override
    public NestedNames create(PromptContext context) {
      return new Prompt4j_NestedNames(context);
    }
  }
}
