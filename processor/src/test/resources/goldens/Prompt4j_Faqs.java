package com.acme;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.prompt4j.CallParameters;
import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.PromptMethod;
import dev.prompt4j.internal.Values;
import java.util.List;
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Implements {@link Faqs} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_Faqs implements Faqs, GeneratedPrompts {
  /**
   * JSON Schema of {@code FaqPage}, derived at compile time from its type and constraints.
   */
  private static final String FAQS_SCHEMA = """
      {
        "type": "object",
        "properties": {
          "faqs": {
            "type": "array",
            "items": {
              "type": "object",
              "description": "One question a newcomer would ask, with its answer",
              "properties": {
                "question": {
                  "type": "string",
                  "minLength": 1,
                  "pattern": "\\\\S"
                },
                "answer": {
                  "type": "string",
                  "minLength": 1,
                  "pattern": "\\\\S"
                },
                "source": {
                  "type": "string",
                  "description": "Title of the cited source"
                }
              },
              "required": [
                "question",
                "answer",
                "source"
              ],
              "additionalProperties": false
            },
            "minItems": 10,
            "maxItems": 10
          },
          "notes": {
            "type": [
              "string",
              "null"
            ]
          }
        },
        "required": [
          "faqs",
          "notes"
        ],
        "additionalProperties": false
      }""";

  private static final PromptMethod<Faqs.FaqPage> FAQS = PromptMethod.of(
      Faqs.class,
      "faqs",
      CallSpec.of("openai", "gpt-4o-mini").withParameters(CallParameters.none().withTemperature(0.2)),
      "30233c5a5874",
      Outputs.json(new TypeReference<Faqs.FaqPage>() {}, "FaqPage", FAQS_SCHEMA),
      4);

  /**
   * JSON Schema of {@code List<Step>}, derived at compile time from its type and constraints.
   */
  private static final String PLAN_SCHEMA = """
      {
        "type": "array",
        "items": {
          "anyOf": [
            {
              "type": "object",
              "properties": {
                "type": {
                  "type": "string",
                  "enum": [
                    "Refund"
                  ]
                },
                "amount": {
                  "type": "integer",
                  "exclusiveMinimum": 0
                }
              },
              "required": [
                "type",
                "amount"
              ],
              "additionalProperties": false
            },
            {
              "type": "object",
              "properties": {
                "type": {
                  "type": "string",
                  "enum": [
                    "Escalate"
                  ]
                },
                "team": {
                  "type": "string",
                  "minLength": 1,
                  "pattern": "\\\\S"
                }
              },
              "required": [
                "type",
                "team"
              ],
              "additionalProperties": false
            }
          ]
        }
      }""";

  private static final PromptMethod<List<Faqs.Step>> PLAN = PromptMethod.of(
      Faqs.class,
      "plan",
      CallSpec.of("openai", "gpt-4o-mini").withParameters(CallParameters.none().withTemperature(0.2)),
      "5a6892a79bf8",
      Outputs.json(new TypeReference<List<Faqs.Step>>() {}, "List<Step>", PLAN_SCHEMA, Faqs.Refund.class, Faqs.Escalate.class));

  /**
   * JSON Schema of {@code boolean}, derived at compile time from its type and constraints.
   */
  private static final String SUPPORTED_SCHEMA = """
      {
        "type": "boolean"
      }""";

  private static final PromptMethod<Boolean> SUPPORTED = PromptMethod.of(
      Faqs.class,
      "supported",
      CallSpec.of("openai", "gpt-4o-mini").withParameters(CallParameters.none().withTemperature(0.2)),
      "0eda4282610f",
      Outputs.json(new TypeReference<Boolean>() {}, "boolean", SUPPORTED_SCHEMA));

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_Faqs() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_Faqs(PromptContext context) {
    this.context = context;
  }

  @Override
  public Faqs.FaqPage faqs(String product, List<String> sources) {
    Objects.requireNonNull(product, "product of Faqs.faqs is null; pass a value, or declare the parameter Optional");
    Objects.requireNonNull(sources, "sources of Faqs.faqs is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(FAQS, invocation -> Messages.builder(2)
        .system("You write FAQs for " + product
            + ". Use only the sources below and cite their titles.")
        .user("Sources:\n" + Values.list(sources) + "\n"
            + "\n"
            + "Write exactly ten questions with answers.")
        .build()).value();
  }

  @Override
  public List<Faqs.Step> plan(String ticket) {
    Objects.requireNonNull(ticket, "ticket of Faqs.plan is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(PLAN, invocation ->
        Messages.single("Plan the next steps for this ticket: " + ticket)).value();
  }

  @Override
  public boolean supported(String claim) {
    Objects.requireNonNull(claim, "claim of Faqs.supported is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(SUPPORTED, invocation -> Messages.single("Answer yes or no: is "
        + claim + " supported by the sources?")).value();
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public Faqs prompt4jWith(PromptContext context) {
    return new Prompt4j_Faqs(context);
  }

  @Override
  public PromptFactory<Faqs> prompt4jFactory() {
    return FACTORY;
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<Faqs> {
    @Override
    public Class<Faqs> type() {
      return Faqs.class;
    }

    @Override
    public List<String> methods() {
      return List.of("faqs", "plan", "supported");
    }

    @Override
    public Faqs create(PromptContext context) {
      return new Prompt4j_Faqs(context);
    }
  }
}
