package com.acme;

import dev.prompt4j.Call;
import dev.prompt4j.ComputedField;
import dev.prompt4j.Prompt;
import java.util.Optional;

/** Null checks on parameters and computed fields, Optional values, and invisible characters written as escapes. */
@Call(provider = "openai", model = "gpt-4o-mini")
public interface Nulls {
  @Prompt("Greet {name}{title}, {age}. Zero\u200bwidth, ideographic\u3000space, no\u00a0break.")
  String greet(String name, Optional<String> title, int age);

  @Prompt("Sign as {signature}, age {age}")
  String sign(int age);

  @ComputedField
  default Optional<String> signature() {
    return Optional.empty();
  }
}
