package dev.prompt4j.chain;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.internal.CallOverride;
import dev.prompt4j.internal.CallSpec;
import dev.prompt4j.internal.Configuration;
import dev.prompt4j.internal.GeneratedPrompts;
import dev.prompt4j.internal.Outputs;
import dev.prompt4j.internal.PromptContext;
import dev.prompt4j.internal.PromptFactory;
import dev.prompt4j.internal.PromptMethod;
import java.util.Properties;

/**
 * The base of the hand-written classes of these tests, which are written exactly as the processor
 * writes generated ones, so the runtime can be tested without it.
 */
abstract class TestPrompts implements GeneratedPrompts {
  protected final PromptContext context;

  TestPrompts(PromptContext context) {
    this.context = context;
  }

  static PromptMethod<String> text(Class<?> type, String name) {
    return PromptMethod.of(type, name, CallSpec.of("test", "m"), "hash", Outputs.text());
  }

  /** A context whose every call goes to {@code model}. */
  static PromptContext context(ChatModel model) {
    return context(model, Configuration.empty());
  }

  static PromptContext context(ChatModel model, Configuration configuration) {
    return PromptContext.create(configuration, TestPrompts.class.getClassLoader()).withOverride("", CallOverride.NONE.withClient(model));
  }

  /** Configuration from a class-path-file-like set of keys. */
  static Configuration configuration(String... keysAndValues) {
    Properties file = new Properties();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      file.setProperty(keysAndValues[i], keysAndValues[i + 1]);
    }
    return Configuration.of(new Properties(), java.util.Map.of(), file);
  }

  @Override
  public PromptContext prompt4jContext() {
    return context;
  }

  @Override
  public PromptFactory<?> prompt4jFactory() {
    throw new UnsupportedOperationException("not needed by these tests");
  }
}
