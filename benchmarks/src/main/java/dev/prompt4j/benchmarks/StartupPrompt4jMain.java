package dev.prompt4j.benchmarks;

import dev.prompt4j.Prompt4j;

/** Benchmark 5: the first answer of a generated interface on the offline provider, from a fresh JVM. */
public final class StartupPrompt4jMain {
  private StartupPrompt4jMain() {}

  public static void main(String[] args) {
    StartupPrompts prompts = Prompt4j.create(StartupPrompts.class);
    System.out.println("ANSWER " + prompts.hello("Ada").length());
  }
}
