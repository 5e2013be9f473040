package dev.prompt4j.output;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.Response;
import dev.prompt4j.internal.call.AttemptLoop;
import dev.prompt4j.internal.call.CallPlan;
import dev.prompt4j.internal.call.ModelRegistry;
import dev.prompt4j.internal.call.Target;
import dev.prompt4j.internal.config.Configuration;
import dev.prompt4j.internal.config.MethodKey;
import dev.prompt4j.internal.config.Setting;
import dev.prompt4j.internal.output.OutputMode;
import dev.prompt4j.internal.output.OutputType;
import java.util.List;
import java.util.Map;

/**
 * The attempt stage alone: one prompt call ({@code Answers.ask}) sent by the {@link AttemptLoop} to a
 * scripted model, the answer parsed, validated and re-asked as in a real call. Configuration keys of
 * the method ({@code prompt4j.Answers.ask.max-attempts}, {@code .output-mode}) apply.
 */
final class Harness {
  private Harness() {}

  static final String PROMPT = "Generate exactly 10 FAQs from the sources.";

  static <T> Response<T> invoke(OutputType<T> output, ChatModel model) {
    return invoke(output, model, 0, Map.of());
  }

  static <T> Response<T> invoke(OutputType<T> output, ChatModel model, int maxAttempts, Map<String, String> config) {
    Configuration configuration = Configuration.of(config, "test");
    MethodKey key = new MethodKey("Answers", "com.acme.Answers", "ask");
    Integer configured = configuration.methodSetting(key, Setting.MAX_ATTEMPTS);
    int attempts = configured != null ? configured : maxAttempts > 0 ? maxAttempts : 3;
    CallPlan<T> plan = new CallPlan<>("Answers.ask", "ask", output, List.of(new Target("Answers", "ask", "test", "m", model, false)),
        dev.prompt4j.CallParameters.NONE, attempts, OutputMode.parse(configuration.methodSetting(key, Setting.OUTPUT_MODE)));
    AttemptLoop loop = AttemptLoop.of(new ModelRegistry(Map.of(), configuration, Map.of()), configuration);
    AttemptLoop.Outcome<T> outcome = loop.execute(plan, List.of(SystemMessage.from("You write FAQs."), UserMessage.from(PROMPT)), System.nanoTime());
    return Response.<T>builder()
        .value(outcome.value())
        .rawText(outcome.rawText())
        .method(plan.qualifiedName())
        .provider(outcome.target().provider())
        .model(outcome.target().model())
        .messages(outcome.messages())
        .usage(outcome.usage())
        .finishReason(outcome.finishReason())
        .failedAttempts(outcome.failedAttempts())
        .outputMode(outcome.outputMode())
        .build();
  }
}
