package dev.prompt4j.benchmarks;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.Prompt4j;
import dev.prompt4j.internal.Configuration;
import dev.prompt4j.internal.PromptContext;

/** Generated instances on an empty configuration, answering through a given in-process model. */
final class Contexts {
  private Contexts() {}

  static <T> T generated(Class<T> type, ChatModel model) {
    T created = Prompt4j.create(type, PromptContext.create(Configuration.empty(), type.getClassLoader()));
    return Prompt4j.override(created).client(model).build();
  }
}
