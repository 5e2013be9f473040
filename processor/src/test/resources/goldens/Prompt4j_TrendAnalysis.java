package com.acme;

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
import java.util.Objects;
import javax.annotation.processing.Generated;

/**
 * Implements {@link TrendAnalysis} from its {@code @Prompt} templates.
 *
 * <p>Written by the Prompt4j annotation processor: change the interface, not this file.
 */
@Generated("dev.prompt4j.processor.Prompt4jProcessor")
public final class Prompt4j_TrendAnalysis implements TrendAnalysis, GeneratedPrompts {
  private static final PromptMethod<TrendAnalysis.TrendCategory> CLASSIFY_TREND = PromptMethod.of(
      TrendAnalysis.class,
      "classifyTrend",
      CallSpec.of("openai", "gpt-4o-mini"),
      "84a7a31ce788",
      Outputs.enumOf("TrendCategory", TrendAnalysis.TrendCategory.values()));

  private static final PromptMethod<String> ANALYZE_TREND = PromptMethod.of(
      TrendAnalysis.class,
      "analyzeTrend",
      CallSpec.of("openai", "gpt-4o-mini"),
      "27047d993453",
      Outputs.text());

  private static final Factory FACTORY = new Factory();

  private final PromptContext context;

  /**
   * An instance on the default context: configuration and providers from the environment.
   */
  public Prompt4j_TrendAnalysis() {
    this(PromptContext.defaults());
  }

  /**
   * An instance that calls models through {@code context}.
   */
  public Prompt4j_TrendAnalysis(PromptContext context) {
    this.context = context;
  }

  @Override
  public TrendAnalysis.TrendCategory classifyTrend(String trendDescription) {
    Objects.requireNonNull(trendDescription, "trendDescription of TrendAnalysis.classifyTrend is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(CLASSIFY_TREND, invocation ->
        Messages.single("Does the following market trend appear to be emerging or declining? "
        + trendDescription)).value();
  }

  @Override
  public Response<String> analyzeTrend(String trendDescription) {
    Objects.requireNonNull(trendDescription, "trendDescription of TrendAnalysis.analyzeTrend is null; pass a value, or declare the parameter Optional");
    return this.context.invoke(ANALYZE_TREND, invocation -> {
      FieldTask<TrendAnalysis.TrendCategory> trendCategory = invocation.field("trendCategory",
          () -> Objects.requireNonNull(this.trendCategory(trendDescription),
          "computed field trendCategory of TrendAnalysis returned null; return a value, or make it Optional"));
      FieldTask<String> trendAnalysisType = invocation.field("trendAnalysisType",
          () -> Objects.requireNonNull(this.trendAnalysisType(trendCategory.join()),
          "computed field trendAnalysisType of TrendAnalysis returned null; return a value, or make it Optional"), trendCategory);
      return Messages.builder(2)
          .system("Your task is to analyze a B2B market trend.\n"
              + "The trend has been identified as " + Values.text(trendCategory.join()) + ".")
          .user("Provide a " + trendAnalysisType.join() + " for the following trend: "
              + trendDescription)
          .build();
    });
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public TrendAnalysis prompt4jWith(PromptContext context) {
    return new Prompt4j_TrendAnalysis(context);
  }

  @Override
  public PromptFactory<TrendAnalysis> prompt4jFactory() {
    return FACTORY;
  }

  /**
   * Registered for {@link java.util.ServiceLoader}, so {@code Prompt4j.create} finds this class without reflection.
   */
  public static final class Factory implements PromptFactory<TrendAnalysis> {
    @Override
    public Class<TrendAnalysis> type() {
      return TrendAnalysis.class;
    }

    @Override
    public List<String> methods() {
      return List.of("analyzeTrend", "classifyTrend");
    }

    @Override
    public TrendAnalysis create(PromptContext context) {
      return new Prompt4j_TrendAnalysis(context);
    }
  }
}
