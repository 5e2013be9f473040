package dev.prompt4j.benchmarks;

import dev.langchain4j.service.AiServices;
import dev.langchain4j.service.UserMessage;
import dev.langchain4j.service.V;

/**
 * Benchmark 5: the same first answer through LangChain4j AI Services. LangChain4j has no offline
 * provider; an in-process model answering a fixed text stands in for it.
 */
public final class StartupAiServicesMain {
  private StartupAiServicesMain() {}

  interface Hello {
    @UserMessage("Say hello to {{name}}")
    String hello(@V("name") String name);
  }

  public static void main(String[] args) {
    Hello hello = AiServices.create(Hello.class, new FixedModel("Hello, Ada!"));
    System.out.println("ANSWER " + hello.hello("Ada").length());
  }
}
