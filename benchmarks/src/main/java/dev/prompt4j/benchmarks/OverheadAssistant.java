package dev.prompt4j.benchmarks;

import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/** Benchmark 1: the same template as a LangChain4j AI Services interface. */
public interface OverheadAssistant {
  @UserMessage("Summarise {{topic}} for {{audience}} in {{words}} words.")
  String summarise(@V("topic") String topic, @V("audience") String audience, @V("words") int words);
}
