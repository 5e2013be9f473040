package dev.prompt4j.flink.sql;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;
import org.apache.flink.table.api.ValidationException;
import org.apache.flink.table.catalog.ResolvedCatalogModel;
import org.apache.flink.table.factories.FactoryUtil;
import org.apache.flink.table.factories.ModelProviderFactory;
import org.apache.flink.table.ml.ModelProvider;

/**
 * The Flink SQL model provider {@code prompt4j}: a prompt method as a model for {@code ML_PREDICT}.
 *
 * <pre>{@code
 * CREATE MODEL triage
 *   INPUT (text STRING)
 *   OUTPUT (category STRING, urgency INT)
 *   WITH ('provider' = 'prompt4j', 'prompt' = 'com.acme.TicketTriage#classify',
 *         'prompt4j.model' = 'gpt-4o-mini');
 * SELECT * FROM ML_PREDICT(TABLE tickets, MODEL triage, DESCRIPTOR(text));
 * }</pre>
 *
 * <p>Options: {@code prompt} (required), {@code on-error} ({@code fail}, the default, fails the job;
 * {@code null} answers a failed row with NULL outputs, so no row is lost), and any {@code prompt4j.*}
 * configuration key, passed to the runtime as {@code Prompt4j.builder().properties(...)}. INPUT
 * columns are the method's parameters in order; OUTPUT columns name the components of its record
 * answer, or are the one column of a scalar answer. A mismatch is a {@link ValidationException} when
 * the statement is planned.
 */
public final class Prompt4jModelProviderFactory implements ModelProviderFactory {
  /** The provider name in {@code WITH ('provider' = 'prompt4j')}. */
  public static final String IDENTIFIER = "prompt4j";

  static final ConfigOption<String> PROMPT = ConfigOptions.key("prompt").stringType().noDefaultValue()
      .withDescription("The prompt method, <interface>#<method>, such as com.acme.TicketTriage#classify.");
  static final ConfigOption<String> ON_ERROR = ConfigOptions.key("on-error").stringType().defaultValue("fail")
      .withDescription("fail: a row whose call fails fails the job; null: it gets NULL outputs.");

  @Override
  public String factoryIdentifier() {
    return IDENTIFIER;
  }

  @Override
  public Set<ConfigOption<?>> requiredOptions() {
    return Set.of(PROMPT);
  }

  @Override
  public Set<ConfigOption<?>> optionalOptions() {
    return Set.of(ON_ERROR);
  }

  @Override
  public ModelProvider createModelProvider(Context context) {
    ResolvedCatalogModel model = context.getCatalogModel();
    String name = context.getObjectIdentifier().asSummaryString();
    Map<String, String> properties = new LinkedHashMap<>();
    for (Map.Entry<String, String> option : model.getOptions().entrySet()) {
      String key = option.getKey();
      if (key.startsWith("prompt4j.")) {
        properties.put(key, option.getValue());
      } else if (!key.equals(FactoryUtil.PROVIDER.key()) && !key.equals(PROMPT.key()) && !key.equals(ON_ERROR.key())) {
        throw new ValidationException("Model " + name + ": unknown option '" + key + "'; the prompt4j provider takes 'prompt', "
            + "'on-error' and prompt4j.* configuration keys");
      }
    }
    String onError = model.getOptions().getOrDefault(ON_ERROR.key(), ON_ERROR.defaultValue());
    if (!onError.equals("fail") && !onError.equals("null")) {
      throw new ValidationException("Model " + name + ": 'on-error' is 'fail' or 'null', not '" + onError + "'");
    }
    PromptMethodBinding binding = PromptMethodBinding.bind(name, model.getOptions().get(PROMPT.key()),
        model.getResolvedInputSchema(), model.getResolvedOutputSchema(), context.getClassLoader());
    return new PromptModelProvider(binding, properties, onError.equals("null"));
  }
}
