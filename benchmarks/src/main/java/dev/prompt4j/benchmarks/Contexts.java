package dev.prompt4j.benchmarks;

import dev.langchain4j.model.chat.ChatModel;
import dev.prompt4j.Prompt4j;

/** Generated instances on an empty configuration, answering through a given in-process model. */
final class Contexts {
  private Contexts() {}

  static <T> T generated(Class<T> type, ChatModel model) {
    T created = Prompt4j.builder().classLoader(type.getClassLoader()).properties(java.util.Map.of()).build().create(type);
    return Prompt4j.override(created).client(model).build();
  }
}
