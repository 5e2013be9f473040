package dev.prompt4j.output;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.Response;
import dev.prompt4j.internal.CallOverride;
import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.Configuration;
import dev.prompt4j.internal.Messages;
import dev.prompt4j.internal.OutputType;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptMethod;
import java.util.Map;
import java.util.Properties;

/**
 * What generated code does for one prompt method, written by hand: a {@link PromptMethod} constant and
 * a call through {@link PromptContext#invoke}, with the client replaced by a scripted model.
 */
final class Harness {
  private Harness() {}

  /** The interface the hand-written prompt methods belong to (configuration keys use its name). */
  interface Answers {}

  static final String PROMPT = "Generate exactly 10 FAQs from the sources.";

  static <T> Response<T> invoke(OutputType<T> output, ChatModel model) {
    return invoke(output, model, 0, Map.of());
  }

  static <T> Response<T> invoke(OutputType<T> output, ChatModel model, int maxAttempts, Map<String, String> config) {
    Properties properties = new Properties();
    properties.putAll(config);
    Configuration configuration = Configuration.of(properties, Map.of(), new Properties());
    PromptContext context =
        PromptContext.create(configuration, Harness.class.getClassLoader())
            .withOverride("", CallOverride.NONE.withClient(model));
    PromptMethod<T> method = PromptMethod.of(Answers.class, "ask", CallSpec.of("test", "m"), "hash", output, maxAttempts);
    return context.invoke(method, invocation -> Messages.builder(2).system("You write FAQs.").user(PROMPT).build());
  }
}
