package dev.prompt4j.spring.boot.autoconfigure.prompts;

import dev.prompt4j.Call;
import dev.prompt4j.Prompt;
import dev.prompt4j.Response;
import java.util.concurrent.CompletableFuture;

/** A prompt interface of the test application: a bean without any scanning. */
@Call(provider = "offline", model = "scripted")
public interface Greeter {
  @Prompt("Say hello to {name}")
  String greet(String name);

  @Prompt("Say hello to {name}, with the details")
  Response<String> greetFully(String name);

  @Prompt("Say hello to {name} later")
  CompletableFuture<String> greetLater(String name);
}
