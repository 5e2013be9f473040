package com.acme;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.prompt4j.PromptStream;
import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.FieldTask;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.PromptMethod;
import dev.prompt4j.internal.stream.StreamRules;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Flow;
import java.util.stream.Stream;
import javax.annotation.processing.Generated;
import reactor.adapter.JdkFlowAdapter;
import reactor.core.publisher.Flux;

/**
 * Implements {@link Streams} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_Streams implements Streams, GeneratedPrompts {
  private static final PromptMethod<String> HAIKU = PromptMethod.of(
      Streams.class,
      "haiku",
      CallSpec.of("openai", "gpt-4o-mini"),
      "07d8540ca5c5",
      Outputs.text());

  /**
   * JSON Schema of {@code Story}, derived at compile time from its type and constraints.
   */
  private static final String OUTLINE_SCHEMA = """
      {
        "type": "object",
        "properties": {
          "title": {
            "type": "string"
          },
          "chapters": {
            "type": "integer"
          }
        },
        "required": [
          "title",
          "chapters"
        ],
        "additionalProperties": false
      }""";

  private static final PromptMethod<Streams.Story> OUTLINE = PromptMethod.of(
      Streams.class,
      "outline",
      CallSpec.of("openai", "gpt-4o-mini"),
      "95e47e593e75",
      Outputs.json(new TypeReference<Streams.Story>() {}, "Story", OUTLINE_SCHEMA));

  /**
   * JSON Schema of {@code Plan}, derived at compile time from its type and constraints.
   */
  private static final String PLAN_SCHEMA = """
      {
        "type": "object",
        "properties": {
          "goal": {
            "type": "string"
          },
          "risks": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "steps": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "name": {
                  "type": "string"
                },
                "detail": {
                  "type": "string"
                }
              },
              "required": [
                "name",
                "detail"
              ],
              "additionalProperties": false
            }
          }
        },
        "required": [
          "goal",
          "risks",
          "steps"
        ],
        "additionalProperties": false
      }""";

  private static final PromptMethod<Streams.Plan> PLAN = PromptMethod.of(
      Streams.class,
      "plan",
      CallSpec.of("openai", "gpt-4o-mini"),
      "e7fc96eaac79",
      Outputs.json(new TypeReference<Streams.Plan>() {}, "Plan", PLAN_SCHEMA));

  /**
   * JSON Schema of {@code Review}, derived at compile time from its type and constraints.
   */
  private static final String REVIEW_SCHEMA = """
      {
        "type": "object",
        "properties": {
          "mood": {
            "type": "string",
            "enum": [
              "CALM",
              "TENSE"
            ]
          },
          "score": {
            "type": "number"
          },
          "votes": {
            "type": "integer"
          },
          "done": {
            "type": "boolean"
          },
          "plan": {
            "type": "object",
            "properties": {
              "goal": {
                "type": "string"
              },
              "risks": {
                "type": "array",
                "items": {
                  "type": "string"
                }
              },
              "steps": {
                "type": "array",
                "items": {
                  "type": "object",
                  "properties": {
                    "name": {
                      "type": "string"
                    },
                    "detail": {
                      "type": "string"
                    }
                  },
                  "required": [
                    "name",
                    "detail"
                  ],
                  "additionalProperties": false
                }
              }
            },
            "required": [
              "goal",
              "risks",
              "steps"
            ],
            "additionalProperties": false
          },
          "rounds": {
            "type": "array",
            "items": {
              "type": "array",
              "items": {
                "type": "object",
                "properties": {
                  "name": {
                    "type": "string"
                  },
                  "detail": {
                    "type": "string"
                  }
                },
                "required": [
                  "name",
                  "detail"
                ],
                "additionalProperties": false
              }
            }
          }
        },
        "required": [
          "mood",
          "score",
          "votes",
          "done",
          "plan",
          "rounds"
        ],
        "additionalProperties": false
      }""";

  private static final PromptMethod<Streams.Review> REVIEW = PromptMethod.of(
      Streams.class,
      "review",
      CallSpec.of("openai", "gpt-4o-mini"),
      "9cdfbfbeea39",
      Outputs.json(new TypeReference<Streams.Review>() {}, "Review", REVIEW_SCHEMA));

  /**
   * JSON Schema of {@code Plan}, derived at compile time from its type and constraints.
   */
  private static final String PLAN_PARTIALS_SCHEMA = """
      {
        "type": "object",
        "properties": {
          "goal": {
            "type": "string"
          },
          "risks": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "steps": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "name": {
                  "type": "string"
                },
                "detail": {
                  "type": "string"
                }
              },
              "required": [
                "name",
                "detail"
              ],
              "additionalProperties": false
            }
          }
        },
        "required": [
          "goal",
          "risks",
          "steps"
        ],
        "additionalProperties": false
      }""";

  private static final PromptMethod<Streams.Plan> PLAN_PARTIALS = PromptMethod.of(
      Streams.class,
      "planPartials",
      CallSpec.of("openai", "gpt-4o-mini"),
      "f6d9c89d67cf",
      Outputs.json(new TypeReference<Streams.Plan>() {}, "Plan", PLAN_PARTIALS_SCHEMA));

  /**
   * JSON Schema of {@code List<Step>}, derived at compile time from its type and constraints.
   */
  private static final String STEPS_SCHEMA = """
      {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "name": {
              "type": "string"
            },
            "detail": {
              "type": "string"
            }
          },
          "required": [
            "name",
            "detail"
          ],
          "additionalProperties": false
        }
      }""";

  private static final PromptMethod<List<Streams.Step>> STEPS = PromptMethod.of(
      Streams.class,
      "steps",
      CallSpec.of("openai", "gpt-4o-mini"),
      "aa09711980c4",
      Outputs.json(new TypeReference<List<Streams.Step>>() {}, "List<Step>", STEPS_SCHEMA));

  /**
   * JSON Schema of {@code List<Step>}, derived at compile time from its type and constraints.
   */
  private static final String MORE_STEPS_SCHEMA = """
      {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "name": {
              "type": "string"
            },
            "detail": {
              "type": "string"
            }
          },
          "required": [
            "name",
            "detail"
          ],
          "additionalProperties": false
        }
      }""";

  private static final PromptMethod<List<Streams.Step>> MORE_STEPS = PromptMethod.of(
      Streams.class,
      "moreSteps",
      CallSpec.of("openai", "gpt-4o-mini"),
      "ea92d3f17e6b",
      Outputs.json(new TypeReference<List<Streams.Step>>() {}, "List<Step>", MORE_STEPS_SCHEMA));

  /**
   * JSON Schema of {@code List<Step>}, derived at compile time from its type and constraints.
   */
  private static final String ALL_STEPS_SCHEMA = """
      {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "name": {
              "type": "string"
            },
            "detail": {
              "type": "string"
            }
          },
          "required": [
            "name",
            "detail"
          ],
          "additionalProperties": false
        }
      }""";

  private static final PromptMethod<List<Streams.Step>> ALL_STEPS = PromptMethod.of(
      Streams.class,
      "allSteps",
      CallSpec.of("openai", "gpt-4o-mini"),
      "6566623b0af0",
      Outputs.json(new TypeReference<List<Streams.Step>>() {}, "List<Step>", ALL_STEPS_SCHEMA));

  private static final PromptMethod<String> TELL = PromptMethod.of(
      Streams.class,
      "tell",
      CallSpec.of("openai", "gpt-4o-mini"),
      "8b126d11b9e6",
      Outputs.text());

  private static final PromptMethod<String> FACTS = PromptMethod.of(
      Streams.class,
      "facts",
      CallSpec.of("openai", "gpt-4o-mini"),
      "2d298efd111b",
      Outputs.text());

  /**
   * JSON Schema of {@code Plan}, derived at compile time from its type and constraints.
   */
  private static final String PLAN_FLUX_SCHEMA = """
      {
        "type": "object",
        "properties": {
          "goal": {
            "type": "string"
          },
          "risks": {
            "type": "array",
            "items": {
              "type": "string"
            }
          },
          "steps": {
            "type": "array",
            "items": {
              "type": "object",
              "properties": {
                "name": {
                  "type": "string"
                },
                "detail": {
                  "type": "string"
                }
              },
              "required": [
                "name",
                "detail"
              ],
              "additionalProperties": false
            }
          }
        },
        "required": [
          "goal",
          "risks",
          "steps"
        ],
        "additionalProperties": false
      }""";

  private static final PromptMethod<Streams.Plan> PLAN_FLUX = PromptMethod.of(
      Streams.class,
      "planFlux",
      CallSpec.of("openai", "gpt-4o-mini"),
      "83c31f2da603",
      Outputs.json(new TypeReference<Streams.Plan>() {}, "Plan", PLAN_FLUX_SCHEMA));

  /**
   * JSON Schema of {@code List<Step>}, derived at compile time from its type and constraints.
   */
  private static final String STEP_FLUX_SCHEMA = """
      {
        "type": "array",
        "items": {
          "type": "object",
          "properties": {
            "name": {
              "type": "string"
            },
            "detail": {
              "type": "string"
            }
          },
          "required": [
            "name",
            "detail"
          ],
          "additionalProperties": false
        }
      }""";

  private static final PromptMethod<List<Streams.Step>> STEP_FLUX = PromptMethod.of(
      Streams.class,
      "stepFlux",
      CallSpec.of("openai", "gpt-4o-mini"),
      "6d9800eb9ee8",
      Outputs.json(new TypeReference<List<Streams.Step>>() {}, "List<Step>", STEP_FLUX_SCHEMA));

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_Streams() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_Streams(PromptContext context) {
    this.context = context;
  }

  @Override
  public PromptStream<String> haiku(String topic) {
    Objects.requireNonNull(topic, "topic of Streams.haiku is null; pass a value, or declare the parameter Optional");
    return this.context.invokeStream(HAIKU, invocation -> Messages.single("Write a haiku about "
        + topic));
  }

  @Override
  public PromptStream<Streams.Story> outline(String topic) {
    Objects.requireNonNull(topic, "topic of Streams.outline is null; pass a value, or declare the parameter Optional");
    return this.context.invokeStream(OUTLINE, StreamRules.NONE, Streams_StoryPartial::of, null, invocation -> {
      FieldTask<String> genre = invocation.field("genre",
          () -> Objects.requireNonNull(this.genre(topic),
          "computed field genre of Streams returned null; return a value, or make it Optional"));
      return Messages.single("Outline a " + genre.join() + " story about " + topic);
    });
  }

  @Override
  public PromptStream<Streams.Plan> plan(String topic) {
    Objects.requireNonNull(topic, "topic of Streams.plan is null; pass a value, or declare the parameter Optional");
    return this.context.invokeStream(PLAN, StreamRules.done("risks").required("steps[].name"), Streams_PlanPartial::of, null, invocation ->
        Messages.single("Plan " + topic));
  }

  @Override
  public PromptStream<Streams.Review> review(String topic) {
    Objects.requireNonNull(topic, "topic of Streams.review is null; pass a value, or declare the parameter Optional");
    return this.context.invokeStream(REVIEW, StreamRules.done("plan.risks").required("plan.steps[].name", "rounds[][].name"), Streams_ReviewPartial::of, null, invocation ->
        Messages.single("Review " + topic));
  }

  @Override
  public Flow.Publisher<Streams_PlanPartial> planPartials(String topic) {
    Objects.requireNonNull(topic, "topic of Streams.planPartials is null; pass a value, or declare the parameter Optional");
    return this.context.invokeStream(PLAN_PARTIALS, StreamRules.done("risks").required("steps[].name"), Streams_PlanPartial::of, null, invocation ->
        Messages.single("Plan " + topic
        + ", step by step")).partialPublisher(Streams_PlanPartial.class);
  }

  @Override
  public Flow.Publisher<Streams.Step> steps(String topic) {
    Objects.requireNonNull(topic, "topic of Streams.steps is null; pass a value, or declare the parameter Optional");
    return this.context.invokeStream(STEPS, StreamRules.NONE.required("[].name"), null, Outputs.json(new TypeReference<Streams.Step>() {}, "Step", null), invocation ->
        Messages.single("Steps for " + topic)).itemPublisher(Streams.Step.class);
  }

  @Override
  public Stream<Streams.Step> moreSteps(String topic) {
    Objects.requireNonNull(topic, "topic of Streams.moreSteps is null; pass a value, or declare the parameter Optional");
    return this.context.invokeStream(MORE_STEPS, StreamRules.NONE.required("[].name"), null, Outputs.json(new TypeReference<Streams.Step>() {}, "Step", null), invocation ->
        Messages.single("More steps for " + topic)).items(Streams.Step.class);
  }

  @Override
  public PromptStream<List<Streams.Step>> allSteps(String topic) {
    Objects.requireNonNull(topic, "topic of Streams.allSteps is null; pass a value, or declare the parameter Optional");
    return this.context.invokeStream(ALL_STEPS, StreamRules.NONE.required("[].name"), null, Outputs.json(new TypeReference<Streams.Step>() {}, "Step", null), invocation ->
        Messages.single("All steps for " + topic));
  }

  @Override
  public Flow.Publisher<String> tell(String topic) {
    Objects.requireNonNull(topic, "topic of Streams.tell is null; pass a value, or declare the parameter Optional");
    return this.context.invokeStream(TELL, invocation -> Messages.single("Tell a story about "
        + topic)).textPublisher();
  }

  @Override
  public Stream<String> facts(String topic) {
    Objects.requireNonNull(topic, "topic of Streams.facts is null; pass a value, or declare the parameter Optional");
    return this.context.invokeStream(FACTS, invocation -> Messages.single("List facts about "
        + topic)).text();
  }

  @Override
  public Flux<Streams_PlanPartial> planFlux(String topic) {
    Objects.requireNonNull(topic, "topic of Streams.planFlux is null; pass a value, or declare the parameter Optional");
    return JdkFlowAdapter.flowPublisherToFlux(this.context.invokeStream(PLAN_FLUX, StreamRules.done("risks").required("steps[].name"), Streams_PlanPartial::of, null, invocation ->
        Messages.single("Plan " + topic
        + " as it streams")).partialPublisher(Streams_PlanPartial.class));
  }

  @Override
  public Flux<Streams.Step> stepFlux(String topic) {
    Objects.requireNonNull(topic, "topic of Streams.stepFlux is null; pass a value, or declare the parameter Optional");
    return JdkFlowAdapter.flowPublisherToFlux(this.context.invokeStream(STEP_FLUX, StreamRules.NONE.required("[].name"), null, Outputs.json(new TypeReference<Streams.Step>() {}, "Step", null), invocation ->
        Messages.single("Steps for " + topic
        + " as they complete")).itemPublisher(Streams.Step.class));
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public Streams prompt4jWith(PromptContext context) {
    return new Prompt4j_Streams(context);
  }

  @Override
  public PromptFactory<Streams> prompt4jFactory() {
    return FACTORY;
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<Streams> {
    @Override
    public Class<Streams> type() {
      return Streams.class;
    }

    @Override
    public List<String> methods() {
      return List.of("allSteps", "facts", "haiku", "moreSteps", "outline", "plan", "planFlux", "planPartials", "review", "stepFlux", "steps", "tell");
    }

    @Override
    public Streams create(PromptContext context) {
      return new Prompt4j_Streams(context);
    }
  }
}
