package dev.prompt4j.examples;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;

@Call(provider = "offline", model = "scripted")
public interface Hello {
  @Prompt("Say hello to {name}")
  String hello(String name);
}
